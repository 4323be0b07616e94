import { createHash, randomBytes } from 'node:crypto';
import type { DeskDb } from '../db/connection';
import type { Role, SessionInfo, UserInfo } from '../../../shared/domain';
import { ROLES } from '../../../shared/domain';
import { DeskFault } from '../errors';
import { appendAudit } from '../audit/chain';
import { hashPassword, verifyPassword } from './passwords';
import type { Clock } from '../clock';

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** After this many wrong passwords in a row the account is locked for LOCKOUT_MINUTES. */
export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_MINUTES = 15;

async function rolesOf(db: DeskDb, userId: number): Promise<Role[]> {
  const rows = await db.selectFrom('user_roles').select('role').where('user_id', '=', userId).execute();
  return rows
    .map((r) => r.role as Role)
    .filter((r) => (ROLES as readonly string[]).includes(r))
    .sort();
}

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

export async function createUser(db: DeskDb, clock: Clock, input: NewUser, actorId: number | null): Promise<UserInfo> {
  if (input.password.toLowerCase().includes(input.username.toLowerCase()))
    throw new DeskFault('bad_input', 'password: must not contain the user name', 'كلمة المرور: يجب ألا تتضمن اسم المستخدم');
  const passwordHash = await hashPassword(input.password);
  const at = clock.now().toISOString();
  const id = await db.transaction().execute(async (trx) => {
    const taken = await trx.selectFrom('users').select('id').where('username', '=', input.username).executeTakeFirst();
    if (taken) throw new DeskFault('conflict', `the user name ${input.username} is taken`, `اسم المستخدم ${input.username} مستخدم من قبل`);
    const { id } = await trx
      .insertInto('users')
      .values({ username: input.username, display_name: input.displayName, password_hash: passwordHash, created_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const role of new Set(input.roles)) await trx.insertInto('user_roles').values({ user_id: id, role }).execute();
    await appendAudit(trx, {
      at,
      actorId,
      action: 'user.create',
      entity: 'user',
      entityId: id,
      data: { username: input.username, roles: [...new Set(input.roles)].sort() },
    });
    return id;
  });
  return (await getUser(db, id))!;
}

export async function setRoles(db: DeskDb, clock: Clock, userId: number, roles: Role[], actorId: number): Promise<UserInfo> {
  await db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst();
    if (!user) throw new DeskFault('not_found', `user ${userId} was not found`, `المستخدم ${userId} غير موجود`);
    await trx.deleteFrom('user_roles').where('user_id', '=', userId).execute();
    for (const role of new Set(roles)) await trx.insertInto('user_roles').values({ user_id: userId, role }).execute();
    await appendAudit(trx, {
      at: clock.now().toISOString(),
      actorId,
      action: 'user.set_roles',
      entity: 'user',
      entityId: userId,
      data: { roles: [...new Set(roles)].sort() },
    });
  });
  return (await getUser(db, userId))!;
}

const badCredentials = () => new DeskFault('unauthenticated', 'wrong user name or password', 'اسم المستخدم أو كلمة المرور غير صحيحة');

/** Checks the password, counts failures toward a lockout, and opens a session. */
export async function signIn(db: DeskDb, clock: Clock, username: string, password: string): Promise<SessionInfo> {
  const now = clock.now();
  const user = await db.selectFrom('users').selectAll().where('username', '=', username.trim()).where('active', '=', 1).executeTakeFirst();
  if (!user) throw badCredentials();
  if (user.locked_until && user.locked_until > now.toISOString()) {
    throw new DeskFault(
      'locked',
      `this account is locked after repeated wrong passwords until ${user.locked_until}`,
      `الحساب مقفل بعد محاولات خاطئة متكررة حتى ${user.locked_until}`,
    );
  }
  if (!(await verifyPassword(password, user.password_hash))) {
    const failed = user.failed_attempts + 1;
    const lock = failed >= MAX_FAILED_SIGN_INS;
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('users')
        .set({ failed_attempts: lock ? 0 : failed, locked_until: lock ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString() : null })
        .where('id', '=', user.id)
        .execute();
      await appendAudit(trx, {
        at: now.toISOString(),
        actorId: user.id,
        action: lock ? 'auth.locked' : 'auth.failed',
        entity: 'user',
        entityId: user.id,
      });
    });
    throw badCredentials();
  }
  const token = randomBytes(32).toString('base64url');
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ failed_attempts: 0, locked_until: null }).where('id', '=', user.id).execute();
    await trx
      .insertInto('sessions')
      .values({ token_hash: tokenHash(token), user_id: user.id, created_at: now.toISOString(), last_seen_at: now.toISOString() })
      .execute();
    await appendAudit(trx, { at: now.toISOString(), actorId: user.id, action: 'auth.sign_in', entity: 'user', entityId: user.id });
  });
  return { token, user: (await getUser(db, user.id))! };
}

/** The signed-in user behind a session token, or null when it is unknown or ended. */
/**
 * The user behind a session token. A session idle for longer than `idleMinutes` has ended (the
 * desk locks itself when left alone); activity is recorded at most once a minute.
 */
export async function resolveSession(db: DeskDb, token: string | undefined, now = new Date(), idleMinutes = Infinity): Promise<UserInfo | null> {
  if (!token || token.length > 200) return null;
  const hash = tokenHash(token);
  const s = await db.selectFrom('sessions').select(['user_id', 'last_seen_at']).where('token_hash', '=', hash).executeTakeFirst();
  if (!s) return null;
  const idleMs = now.getTime() - new Date(s.last_seen_at).getTime();
  if (idleMs > idleMinutes * 60_000) {
    await db.deleteFrom('sessions').where('token_hash', '=', hash).execute();
    return null;
  }
  if (idleMs > 60_000) await db.updateTable('sessions').set({ last_seen_at: now.toISOString() }).where('token_hash', '=', hash).execute();
  return getUser(db, s.user_id);
}

export async function signOut(db: DeskDb, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash(token)).execute();
}
