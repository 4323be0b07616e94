/**
 * Lockout of sign-in by account and by source (the client address; 'local' for the desktop app).
 *
 * Every attempt is counted as a failure BEFORE its password is checked, in a transaction of its
 * own that also reads the lock: a burst of guesses sent at once cannot all pass before the count
 * catches up. An attempt whose password turns out right may still open a session only if no other
 * attempt on the account was counted after it (`mayOpen`), so a right password hidden in a burst
 * of wrong ones signs no one in; a session opening gives its own count back (`settleSuccess`).
 *
 * Each counter keeps: failures since the last sign-in that succeeded (`failed_attempts`, what the
 * admin sees), failures since the last lock (the lock comes at the limit) and the number of locks,
 * which doubles the next one (exponential back-off).
 */
import type { Trx } from '../db/transaction';
import { serialise } from '../db/dialect';

/** Wrong passwords in a row that lock an account, for LOCKOUT_MINUTES the first time, then twice as long each time. */
export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_MINUTES = 15;
const MAX_ACCOUNT_LOCK_MINUTES = 24 * 60;
/** Failures from one source, on any names, that lock the source; the window restarts after an hour without failures. */
export const MAX_FAILED_PER_SOURCE = 20;
const SOURCE_WINDOW_MINUTES = 60;
// A source lock also stops the staff behind that address, so it stays short.
const MAX_SOURCE_LOCK_MINUTES = 60;
/** The source of calls from the desktop app (Electron's own window). */
export const LOCAL_SOURCE = 'local';

export interface Counter {
  failed: number;
  sinceLock: number;
  lockouts: number;
  lockedUntil: string | null;
}

export interface CounterStep {
  before: Counter;
  after: Counter;
  /** A lock was on: the attempt is refused whatever its password. */
  blocked: boolean;
  /** This attempt reached the limit and put the lock on. */
  justLocked: boolean;
}

export interface CountedAttempt {
  user: { id: number; passwordHash: string } | null;
  source: string;
  account: CounterStep | null;
  origin: CounterStep;
  blocked: boolean;
}

export const lockMinutes = (lockouts: number, cap = MAX_ACCOUNT_LOCK_MINUTES) => Math.min(LOCKOUT_MINUTES * 2 ** Math.min(lockouts, 20), cap);

const isLocked = (c: { lockedUntil: string | null }, now: Date) => c.lockedUntil !== null && c.lockedUntil > now.toISOString();

function step(c: Counter, now: Date, max: number, cap: number): CounterStep {
  if (isLocked(c, now)) return { before: c, after: { ...c, failed: c.failed + 1 }, blocked: true, justLocked: false };
  const sinceLock = c.sinceLock + 1;
  if (sinceLock < max) return { before: c, after: { ...c, failed: c.failed + 1, sinceLock }, blocked: false, justLocked: false };
  const lockedUntil = new Date(now.getTime() + lockMinutes(c.lockouts, cap) * 60_000).toISOString();
  return { before: c, after: { failed: c.failed + 1, sinceLock: 0, lockouts: c.lockouts + 1, lockedUntil }, blocked: false, justLocked: true };
}

const accountKey = (userId: number) => `sign-in:account:${userId}`;
const sourceKey = (source: string) => `sign-in:source:${source}`;

async function readAccount(trx: Trx, userId: number): Promise<Counter> {
  const r = await trx
    .selectFrom('users')
    .select(['failed_attempts', 'attempts_since_lock', 'lockouts', 'locked_until'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  return { failed: r.failed_attempts, sinceLock: r.attempts_since_lock, lockouts: r.lockouts, lockedUntil: r.locked_until };
}

async function writeAccount(trx: Trx, userId: number, c: Counter): Promise<void> {
  await trx
    .updateTable('users')
    .set({ failed_attempts: c.failed, attempts_since_lock: c.sinceLock, lockouts: c.lockouts, locked_until: c.lockedUntil })
    .where('id', '=', userId)
    .execute();
}

async function readSource(trx: Trx, source: string): Promise<(Counter & { lastFailureAt: string | null }) | null> {
  const r = await trx.selectFrom('sign_in_sources').selectAll().where('source', '=', source).executeTakeFirst();
  return r
    ? {
        failed: r.failed_attempts,
        sinceLock: r.attempts_since_lock,
        lockouts: r.lockouts,
        lockedUntil: r.locked_until,
        lastFailureAt: r.last_failure_at,
      }
    : null;
}

async function writeSource(trx: Trx, source: string, c: Counter, lastFailureAt: string | null, exists: boolean): Promise<void> {
  const values = { failed_attempts: c.failed, attempts_since_lock: c.sinceLock, lockouts: c.lockouts, locked_until: c.lockedUntil };
  if (exists) {
    await trx
      .updateTable('sign_in_sources')
      .set({ ...values, ...(lastFailureAt ? { last_failure_at: lastFailureAt } : {}) })
      .where('source', '=', source)
      .execute();
  } else {
    await trx
      .insertInto('sign_in_sources')
      .values({ source, ...values, last_failure_at: lastFailureAt })
      .execute();
  }
}

/**
 * T1 of every attempt: finds the account by name (any state: a disabled account takes the same
 * path) and counts the attempt as a failure of the account and of the source.
 */
export async function countAttempt(trx: Trx, username: string, source: string, now: Date): Promise<CountedAttempt> {
  const found = await trx.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
  let account: CounterStep | null = null;
  let user: CountedAttempt['user'] = null;
  if (found) {
    await serialise(trx, accountKey(found.id));
    const row = await trx.selectFrom('users').select(['id', 'password_hash']).where('id', '=', found.id).executeTakeFirstOrThrow();
    user = { id: row.id, passwordHash: row.password_hash };
    account = step(await readAccount(trx, row.id), now, MAX_FAILED_SIGN_INS, MAX_ACCOUNT_LOCK_MINUTES);
    await writeAccount(trx, row.id, account.after);
  }
  await serialise(trx, sourceKey(source));
  const stored = await readSource(trx, source);
  let counter: Counter = stored ?? { failed: 0, sinceLock: 0, lockouts: 0, lockedUntil: null };
  // A quiet hour forgives a source's earlier failures (the desk's own address serves everyone).
  const quietSince = new Date(now.getTime() - SOURCE_WINDOW_MINUTES * 60_000).toISOString();
  if (stored && !isLocked(stored, now) && (stored.lastFailureAt ?? '') < quietSince) counter = { ...counter, sinceLock: 0, lockouts: 0 };
  const origin = step(counter, now, MAX_FAILED_PER_SOURCE, MAX_SOURCE_LOCK_MINUTES);
  await writeSource(trx, source, origin.after, now.toISOString(), stored !== null);
  return { user, source, account, origin, blocked: origin.blocked || (account?.blocked ?? false) };
}

/**
 * T2, after a right password: may a session open? Not when another attempt on the account was
 * counted after this one (a burst), nor when the source was locked meanwhile by others.
 * Takes the same locks as countAttempt, in the same order.
 */
export async function mayOpen(trx: Trx, attempt: CountedAttempt, now: Date): Promise<boolean> {
  if (!attempt.user || !attempt.account || attempt.blocked) return false;
  await serialise(trx, accountKey(attempt.user.id));
  await serialise(trx, sourceKey(attempt.source));
  const account = await readAccount(trx, attempt.user.id);
  if (account.failed !== attempt.account.after.failed) return false;
  const source = await readSource(trx, attempt.source);
  return !!source && (!isLocked(source, now) || source.failed === attempt.origin.after.failed);
}

/** A session opened: the account starts afresh; the source gets this attempt back (and the lock it put on, if no one came after). */
export async function settleSuccess(trx: Trx, attempt: CountedAttempt): Promise<void> {
  if (attempt.user) await writeAccount(trx, attempt.user.id, { failed: 0, sinceLock: 0, lockouts: 0, lockedUntil: null });
  const source = await readSource(trx, attempt.source);
  if (!source) return;
  const mine = attempt.origin;
  let next: Counter;
  if (mine.justLocked && source.failed === mine.after.failed) next = { ...mine.before, failed: source.failed - 1 };
  else if (!mine.justLocked && source.lockouts === mine.after.lockouts)
    next = { ...source, failed: source.failed - 1, sinceLock: Math.max(0, source.sinceLock - 1) };
  else next = { ...source, failed: source.failed - 1 };
  await writeSource(trx, attempt.source, next, null, true);
}

/** An admin lifts an account's lock and forgets its failures. */
export async function unlockAccount(trx: Trx, userId: number): Promise<void> {
  await serialise(trx, accountKey(userId));
  await writeAccount(trx, userId, { failed: 0, sinceLock: 0, lockouts: 0, lockedUntil: null });
}

/** Takes the account's sign-in lock (PostgreSQL): disabling or resetting must not race a session opening. */
export const lockAccountRow = (trx: Trx, userId: number) => serialise(trx, accountKey(userId));
