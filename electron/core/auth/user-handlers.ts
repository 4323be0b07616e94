/** The contract's sign-in and user administration calls (spread into handlers.ts; auth.signOut stays there). */
import type { CallContext, Handlers } from '../call-context';
import type { Desk } from '../desk/open-desk';
import type { UserInfo } from '../../../shared/domain';
import { DeskFault } from '../errors';
import { changePassword, createUser, setRoles, signIn } from './users';
import { createFirstAdmin } from './first-admin';
import { confirmGrant, listGrants, lockUserAdministration, refuseGrant } from './role-grants';
import { disableUser, enableUser, listUsersForAdmin, renameUser, resetPassword, unlockUser } from './user-admin';

type UserMethods =
  | 'auth.createFirstAdmin'
  | 'auth.signIn'
  | 'auth.me'
  | 'auth.changePassword'
  | 'users.list'
  | 'users.create'
  | 'users.setRoles'
  | 'users.update'
  | 'users.disable'
  | 'users.enable'
  | 'users.resetPassword'
  | 'users.unlock'
  | 'users.grants'
  | 'users.confirmGrant'
  | 'users.refuseGrant';

const me = (ctx: CallContext): UserInfo => {
  if (!ctx.user) throw new DeskFault('unauthenticated', 'sign in first', 'سجل الدخول أولاً');
  return ctx.user;
};

export function userHandlers(deps: Desk): Pick<Handlers, UserMethods> {
  const { db, clock } = deps;
  /** Decides one grant, then answers the grants still waiting. */
  const decideGrant = async (ctx: CallContext, decide: typeof confirmGrant, grantId: number) => {
    const actorId = me(ctx).id;
    await db.transaction().execute(async (trx) => {
      await lockUserAdministration(trx);
      await decide(trx, grantId, actorId, clock.now().toISOString());
    });
    return listGrants(db, actorId);
  };

  return {
    'auth.createFirstAdmin': async (args, ctx) => {
      await createFirstAdmin(db, clock, args);
      if (args.loadDemo && deps.loadDemo) await deps.loadDemo();
      return signIn(db, clock, args.username, args.password, ctx.source);
    },
    'auth.signIn': (args, ctx) => signIn(db, clock, args.username, args.password, ctx.source),
    'auth.me': async (_args, ctx) => me(ctx),
    'auth.changePassword': (args, ctx) =>
      changePassword(db, clock, { username: args.username, password: args.currentPassword, newPassword: args.newPassword, source: ctx.source }),

    'users.list': () => listUsersForAdmin(db, clock.now()),
    'users.create': (args, ctx) => createUser(db, clock, args, me(ctx).id),
    'users.setRoles': async (args, ctx) => {
      if (args.userId === me(ctx).id && !args.roles.includes('admin')) {
        throw new DeskFault('bad_input', 'you cannot remove your own administrator role', 'لا يمكنك إزالة صلاحية المشرف عن نفسك');
      }
      return setRoles(db, clock, args.userId, args.roles, me(ctx).id);
    },
    'users.update': (args, ctx) => renameUser(db, clock, args.userId, args.displayName, me(ctx).id),
    'users.disable': (args, ctx) => disableUser(db, clock, args.userId, me(ctx).id),
    'users.enable': (args, ctx) => enableUser(db, clock, args.userId, me(ctx).id),
    'users.resetPassword': (args, ctx) => resetPassword(db, clock, args.userId, args.password, me(ctx).id),
    'users.unlock': (args, ctx) => unlockUser(db, clock, args.userId, me(ctx).id),
    'users.grants': (_args, ctx) => listGrants(db, me(ctx).id),
    'users.confirmGrant': (args, ctx) => decideGrant(ctx, confirmGrant, args.grantId),
    'users.refuseGrant': (args, ctx) => decideGrant(ctx, refuseGrant, args.grantId),
  };
}
