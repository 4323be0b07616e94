/**
 * What an admin does to an account besides roles (role-grants.ts): the display name, disabling
 * (its sessions end at once) and enabling, a password reset (the user must choose a new one at
 * next sign-in), and lifting a sign-in lock. Each change is one transaction, audited.
 */
import type { Trx } from '../db/transaction';
import type { DeskDb } from '../db/connection';
import type { Clock } from '../time/clock';
import type { Role, UserAdminView } from '../../../shared/domain';
import { DeskFault, notFound } from '../errors';
import { appendAudit } from '../audit/chain';
import { hashPassword } from './passwords';
import { lockAccountRow, unlockAccount } from './sign-in-limits';
import { lockUserAdministration } from './role-grants';
import { mustNotContainUsername } from './users';

/** Every user, disabled ones too, as the Users page shows them. */
export async function listUsersForAdmin(db: DeskDb | Trx, now: Date, only?: number): Promise<UserAdminView[]> {
  let q = db
    .selectFrom('users')
    .select(['id', 'username', 'display_name', 'active', 'must_change_password', 'locked_until', 'failed_attempts', 'created_at'])
    .orderBy('username');
  if (only !== undefined) q = q.where('id', '=', only);
  const users = await q.execute();
  let rq = db.selectFrom('user_roles').select(['user_id', 'role']).orderBy('role');
  if (only !== undefined) rq = rq.where('user_id', '=', only);
  const roles = new Map<number, Role[]>();
  for (const r of await rq.execute()) roles.set(r.user_id, [...(roles.get(r.user_id) ?? []), r.role]);
  const at = now.toISOString();
  return users.map((u) => ({
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    roles: roles.get(u.id) ?? [],
    active: u.active === 1,
    mustChangePassword: u.must_change_password === 1,
    lockedUntil: u.locked_until && u.locked_until > at ? u.locked_until : null,
    failedAttempts: u.failed_attempts,
    createdAt: u.created_at,
  }));
}

/** One admin change to one user, in a transaction serialised with other user administration. */
async function change(
  db: DeskDb,
  clock: Clock,
  userId: number,
  apply: (trx: Trx, user: { username: string; display_name: string; active: number }, at: string) => Promise<void>,
): Promise<UserAdminView> {
  const now = clock.now();
  return db.transaction().execute(async (trx) => {
    await lockUserAdministration(trx);
    const user = await trx.selectFrom('users').select(['username', 'display_name', 'active']).where('id', '=', userId).executeTakeFirst();
    if (!user) throw notFound(`user ${userId}`, `المستخدم ${userId}`);
    await apply(trx, user, now.toISOString());
    return (await listUsersForAdmin(trx, now, userId))[0]!;
  });
}

const audit = (trx: Trx, at: string, actorId: number, action: string, userId: number, data?: Record<string, unknown>) =>
  appendAudit(trx, { at, actorId, action, entity: 'user', entityId: userId, data });

export function renameUser(db: DeskDb, clock: Clock, userId: number, displayName: string, actorId: number): Promise<UserAdminView> {
  return change(db, clock, userId, async (trx, user, at) => {
    await trx.updateTable('users').set({ display_name: displayName }).where('id', '=', userId).execute();
    await audit(trx, at, actorId, 'user.update', userId, { displayName: { from: user.display_name, to: displayName } });
  });
}

/** Disabling ends the user's sessions in the same transaction; a sign-in being checked at that moment is refused. */
export function disableUser(db: DeskDb, clock: Clock, userId: number, actorId: number): Promise<UserAdminView> {
  if (userId === actorId) throw new DeskFault('bad_input', 'userId: you cannot disable your own account', 'لا يمكنك تعطيل حسابك');
  return change(db, clock, userId, async (trx, _user, at) => {
    await lockAccountRow(trx, userId);
    const r = await trx.updateTable('users').set({ active: 0 }).where('id', '=', userId).where('active', '=', 1).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new DeskFault('conflict', `user ${userId} is disabled already`, `المستخدم ${userId} معطل من قبل`);
    await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
    await audit(trx, at, actorId, 'user.disable', userId);
  });
}

export function enableUser(db: DeskDb, clock: Clock, userId: number, actorId: number): Promise<UserAdminView> {
  return change(db, clock, userId, async (trx, _user, at) => {
    const r = await trx.updateTable('users').set({ active: 1 }).where('id', '=', userId).where('active', '=', 0).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new DeskFault('conflict', `user ${userId} is enabled already`, `المستخدم ${userId} مفعل من قبل`);
    await audit(trx, at, actorId, 'user.enable', userId);
  });
}

/**
 * An admin sets a temporary password: the user's sessions end, any lock is lifted, and the user
 * must choose a new password at next sign-in. Since the admin knew that password, the user can
 * no longer countersign that admin's approvals (four-eyes.ts).
 */
export async function resetPassword(db: DeskDb, clock: Clock, userId: number, password: string, actorId: number): Promise<UserAdminView> {
  const named = await db.selectFrom('users').select('username').where('id', '=', userId).executeTakeFirst();
  if (named) mustNotContainUsername(named.username, password);
  const hash = await hashPassword(password);
  return change(db, clock, userId, async (trx, _user, at) => {
    await unlockAccount(trx, userId);
    await trx
      .updateTable('users')
      .set({ password_hash: hash, must_change_password: 1, password_reset_by: actorId })
      .where('id', '=', userId)
      .execute();
    await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
    await audit(trx, at, actorId, 'user.reset_password', userId);
  });
}

export function unlockUser(db: DeskDb, clock: Clock, userId: number, actorId: number): Promise<UserAdminView> {
  return change(db, clock, userId, async (trx, _user, at) => {
    await unlockAccount(trx, userId);
    await audit(trx, at, actorId, 'user.unlock', userId);
  });
}
