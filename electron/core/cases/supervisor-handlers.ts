/** The contract's saved views, bulk assignment and workload calls (spread into handlers.ts). */
import type { CallContext, Handlers } from '../call-context';
import type { Desk } from '../desk/open-desk';
import type { UserInfo } from '../../../shared/domain';
import { DeskFault } from '../errors';
import { deleteView, listSavedViews, saveView, updateView } from './saved-views';
import { assignMany } from './bulk-assign';
import { reviewerWorkload } from './workload';

type SupervisorMethods =
  'savedViews.list' | 'savedViews.save' | 'savedViews.update' | 'savedViews.delete' | 'cases.assignMany' | 'workload.reviewers';

const me = (ctx: CallContext): UserInfo => {
  if (!ctx.user) throw new DeskFault('unauthenticated', 'sign in first', 'سجل الدخول أولاً');
  return ctx.user;
};

export function supervisorHandlers(deps: Desk): Pick<Handlers, SupervisorMethods> {
  const { db, clock } = deps;
  return {
    'savedViews.list': (_args, ctx) => listSavedViews(db, me(ctx)),
    'savedViews.save': (args, ctx) => saveView(db, { user: me(ctx), clock }, args),
    'savedViews.update': (args, ctx) => updateView(db, { user: me(ctx), clock }, args),
    'savedViews.delete': async (args, ctx) => {
      await deleteView(db, { user: me(ctx), clock }, args.id);
      return null;
    },
    'cases.assignMany': (args, ctx) => assignMany(db, { user: me(ctx), clock }, args.assigneeId, args.items),
    'workload.reviewers': () => reviewerWorkload(db, clock.now()),
  };
}
