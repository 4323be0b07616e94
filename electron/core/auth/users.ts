import { createHash, randomBytes } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { DeskDb } from '../db/connection';
import type { Database } from '../db/schema';
import { ROLES, type Role, type SessionInfo, type UserInfo } from '../../../shared/domain';
import { DeskFault } from '../errors';
import { appendAudit } from '../audit/chain';
import { checkPassword, hashPassword } from './passwords';
import { countAttempt, LOCAL_SOURCE, mayOpen, settleSuccess, type CountedAttempt } from './sign-in-limits';
import { changeRoles, grantRoles, lockUserAdministration, rolesHeld } from './role-grants';
import type { Clock } from '../time/clock';

export { LOCAL_SOURCE, LOCKOUT_MINUTES, MAX_FAILED_SIGN_INS } from './sign-in-limits';

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

const rolesOf = rolesHeld;

export async function getUser(db: DeskDb, userId: number): Promise<UserInfo | null> {
  const u = await db
    .selectFrom('users')
    .select(['id', 'username', 'display_name'])
    .where('id', '=', userId)
    .where('active', '=', 1)
    .executeTakeFirst();
  return u ? { id: u.id, username: u.username, displayName: u.display_name, roles: await rolesOf(db, u.id) } : null;
}

export async function countUsers(db: DeskDb): Promise<number> {
  const r = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function listUsers(db: DeskDb): Promise<UserInfo[]> {
  const users = await db.selectFrom('users').select(['id']).where('active', '=', 1).orderBy('username').execute();
  return (await Promise.all(users.map((u) => getUser(db, u.id)))).filter((u): u is UserInfo => u !== null);
}

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  roles: Role[];
}

export const mustNotContainUsername = (username: string, password: string) => {
  if (password.toLowerCase().includes(username.toLowerCase()))
    throw new DeskFault('bad_input', 'password: must not contain the user name', 'كلمة المرور: يجب ألا تتضمن اسم المستخدم');
};

/**
 * Adds a user. `actorId` null is the system (the first admin, seeded and test users): the roles
 * hold at once. An admin's roles are grants (role-grants.ts): they wait for a second admin.
 * `inTransaction` runs first inside the same transaction (the first-admin check).
 */
export async function createUser(
  db: DeskDb,
  clock: Clock,
  input: NewUser,
  actorId: number | null,
  inTransaction?: (trx: Transaction<Database>) => Promise<void>,
): Promise<UserInfo> {
  mustNotContainUsername(input.username, input.password);
  const passwordHash = await hashPassword(input.password);
  const at = clock.now().toISOString();
  const roles = [...new Set(input.roles)].sort();
  const id = await db.transaction().execute(async (trx) => {
    await lockUserAdministration(trx);
    if (inTransaction) await inTransaction(trx);
    const taken = await trx.selectFrom('users').select('id').where('username', '=', input.username).executeTakeFirst();
    if (taken) throw new DeskFault('conflict', `the user name ${input.username} is taken`, `اسم المستخدم ${input.username} مستخدم من قبل`);
    const { id } = await trx
      .insertInto('users')
      .values({ username: input.username, display_name: input.displayName, password_hash: passwordHash, created_at: at, created_by: actorId })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, { at, actorId, action: 'user.create', entity: 'user', entityId: id, data: { username: input.username, roles } });
    if (actorId === null) for (const role of roles) await trx.insertInto('user_roles').values({ user_id: id, role }).execute();
    else await grantRoles(trx, id, roles, actorId, at);
    return id;
  });
  return (await getUser(db, id))!;
}

/** Roles dropped go at once; roles added wait for a second admin (role-grants.ts). Answers the roles held now. */
export async function setRoles(db: DeskDb, clock: Clock, userId: number, roles: Role[], actorId: number): Promise<UserInfo> {
  await db.transaction().execute(async (trx) => {
    await lockUserAdministration(trx);
    await changeRoles(trx, userId, roles, actorId, clock.now().toISOString());
  });
  const user = await db.selectFrom('users').select(['id', 'username', 'display_name']).where('id', '=', userId).executeTakeFirstOrThrow();
  return { id: user.id, username: user.username, displayName: user.display_name, roles: await rolesOf(db, userId) };
}

/**
 * One answer for every refused sign-in, whatever the reason (unknown name, wrong password, a
 * lock on the account or the source, a disabled account, no role): it never tells which.
 */
const refused = () =>
  new DeskFault(
    'unauthenticated',
    'wrong user name or password, or sign-in is paused after repeated failures: try again later or ask an administrator',
    'اسم المستخدم أو كلمة المرور غير صحيحة، أو أن الدخول موقوف مؤقتًا بعد محاولات خاطئة متكررة: حاول لاحقًا أو راجع المشرف',
  );

type RefusalReason = 'unknown_user' | 'locked' | 'wrong_password' | 'disabled' | 'no_roles';

async function auditRefusal(trx: Transaction<Database>, attempt: CountedAttempt, username: string, reason: RefusalReason, at: string) {
  const entityId = attempt.user?.id ?? null;
  await appendAudit(trx, { at, actorId: null, action: 'auth.failed', entity: 'user', entityId, data: { username, source: attempt.source, reason } });
  if (attempt.account?.justLocked)
    await appendAudit(trx, {
      at,
      actorId: null,
      action: 'auth.locked',
      entity: 'user',
      entityId,
      data: { until: attempt.account.after.lockedUntil },
    });
  if (attempt.origin.justLocked)
    await appendAudit(trx, {
      at,
      actorId: null,
      action: 'auth.source_locked',
      entity: 'sign_in_source',
      entityId: attempt.source,
      data: { until: attempt.origin.after.lockedUntil },
    });
}

export interface Credentials {
  username: string;
  password: string;
  /** The client address the host saw; LOCAL_SOURCE for the desktop app. */
  source?: string;
}

/**
 * The one way a password is checked. The attempt is counted as a failure first, in its own
 * transaction (sign-in-limits.ts); then the password is checked, against a stand-in hash for an
 * unknown name so that it takes as long; then, in a second transaction, either `onSuccess` runs
 * (and the attempt's count is given back) or the refusal is audited and one generic message answers.
 */
async function withCheckedPassword<T>(
  db: DeskDb,
  clock: Clock,
  c: Credentials,
  onSuccess: (trx: Transaction<Database>, userId: number, at: string) => Promise<T>,
): Promise<T> {
  const now = clock.now();
  const at = now.toISOString();
  const username = c.username.trim().slice(0, 64);
  const source = (c.source ?? LOCAL_SOURCE).slice(0, 100) || LOCAL_SOURCE;
  const attempt = await db.transaction().execute((trx) => countAttempt(trx, username, source, now));
  const passwordOk = await checkPassword(c.password, attempt.user?.passwordHash ?? null);
  const outcome = await db.transaction().execute(async (trx): Promise<{ ok: true; value: T } | { ok: false }> => {
    let reason: RefusalReason | null = !attempt.user ? 'unknown_user' : attempt.blocked ? 'locked' : passwordOk ? null : 'wrong_password';
    if (reason === null && attempt.user) {
      const userId = attempt.user.id;
      if (!(await mayOpen(trx, attempt, now))) reason = 'locked';
      else if ((await trx.selectFrom('users').select('active').where('id', '=', userId).executeTakeFirstOrThrow()).active !== 1) reason = 'disabled';
      else if ((await rolesOf(trx, userId)).length === 0) reason = 'no_roles';
      else {
        await settleSuccess(trx, attempt);
        return { ok: true, value: await onSuccess(trx, userId, at) };
      }
    }
    await auditRefusal(trx, attempt, username, reason ?? 'wrong_password', at);
    return { ok: false };
  });
  if (!outcome.ok) throw refused();
  return outcome.value;
}

async function openSession(trx: Transaction<Database>, userId: number, at: string): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await trx
    .insertInto('sessions')
    .values({ token_hash: tokenHash(token), user_id: userId, created_at: at, last_seen_at: at })
    .execute();
  await appendAudit(trx, { at, actorId: userId, action: 'auth.sign_in', entity: 'user', entityId: userId });
  return token;
}

/** Checks the password (counted toward the lockouts) and opens a session; a reset password must be changed first. */
export async function signIn(db: DeskDb, clock: Clock, username: string, password: string, source: string = LOCAL_SOURCE): Promise<SessionInfo> {
  const opened = await withCheckedPassword(db, clock, { username, password, source }, async (trx, userId, at) => {
    const u = await trx.selectFrom('users').select('must_change_password').where('id', '=', userId).executeTakeFirstOrThrow();
    if (u.must_change_password) {
      await appendAudit(trx, { at, actorId: userId, action: 'auth.password_change_required', entity: 'user', entityId: userId });
      return null;
    }
    return { token: await openSession(trx, userId, at), userId };
  });
  if (opened === null)
    throw new DeskFault(
      'password_change_required',
      'an administrator reset your password: choose a new one to sign in',
      'أعاد المشرف تعيين كلمة المرور: اختر كلمة مرور جديدة لتسجيل الدخول',
    );
  return { token: opened.token, user: (await getUser(db, opened.userId))! };
}

/**
 * A user changes their password with the current one (after a reset: the temporary one). The
 * check is a sign-in's, counted the same; the new password ends every other session and opens one.
 */
export async function changePassword(db: DeskDb, clock: Clock, c: Credentials & { newPassword: string }): Promise<SessionInfo> {
  const name = c.username.trim().toLowerCase();
  if (name && c.newPassword.toLowerCase().includes(name))
    throw new DeskFault('bad_input', 'newPassword: must not contain the user name', 'كلمة المرور الجديدة: يجب ألا تتضمن اسم المستخدم');
  if (c.newPassword === c.password)
    throw new DeskFault('bad_input', 'newPassword: must differ from the current password', 'كلمة المرور الجديدة: يجب أن تختلف عن الحالية');
  const newHash = await hashPassword(c.newPassword);
  const opened = await withCheckedPassword(db, clock, c, async (trx, userId, at) => {
    await trx.updateTable('users').set({ password_hash: newHash, must_change_password: 0 }).where('id', '=', userId).execute();
    await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
    await appendAudit(trx, { at, actorId: userId, action: 'auth.password_changed', entity: 'user', entityId: userId });
    return { token: await openSession(trx, userId, at), userId };
  });
  return { token: opened.token, user: (await getUser(db, opened.userId))! };
}

/**
 * The user behind a session token, or null when it is unknown or ended. A session idle for longer than
 * `idleMinutes` has ended (the desk locks itself when left alone); activity is recorded at most once a minute.
 * Every call of the desk starts here, so the session, its user and the user's roles are read in one statement
 * (a row per role), not three.
 */
export async function resolveSession(db: DeskDb, token: string | undefined, now = new Date(), idleMinutes = Infinity): Promise<UserInfo | null> {
  if (!token || token.length > 200) return null;
  const hash = tokenHash(token);
  const rows = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .leftJoin('user_roles', 'user_roles.user_id', 'sessions.user_id')
    .select(['sessions.user_id', 'sessions.last_seen_at', 'users.username', 'users.display_name', 'users.active', 'user_roles.role'])
    .where('sessions.token_hash', '=', hash)
    .execute();
  const s = rows[0];
  if (!s) return null;
  const idleMs = now.getTime() - new Date(s.last_seen_at).getTime();
  if (idleMs > idleMinutes * 60_000) {
    await db.deleteFrom('sessions').where('token_hash', '=', hash).execute();
    return null;
  }
  if (idleMs > 60_000) await db.updateTable('sessions').set({ last_seen_at: now.toISOString() }).where('token_hash', '=', hash).execute();
  if (s.active !== 1) return null;
  const roles = rows
    .map((r) => r.role)
    .filter((r): r is Role => r !== null && ROLES.includes(r))
    .sort();
  return { id: s.user_id, username: s.username, displayName: s.display_name, roles };
}

/** Ends a session, audited (`clock` gives the time; the system clock when left out). */
export async function signOut(db: DeskDb, token: string, clock?: Clock): Promise<void> {
  const at = (clock?.now() ?? new Date()).toISOString();
  const hash = tokenHash(token);
  await db.transaction().execute(async (trx) => {
    const s = await trx.selectFrom('sessions').select('user_id').where('token_hash', '=', hash).executeTakeFirst();
    if (!s) return;
    const r = await trx.deleteFrom('sessions').where('token_hash', '=', hash).executeTakeFirst();
    if (Number(r.numDeletedRows) !== 1) return;
    await appendAudit(trx, { at, actorId: s.user_id, action: 'auth.sign_out', entity: 'user', entityId: s.user_id });
  });
}
