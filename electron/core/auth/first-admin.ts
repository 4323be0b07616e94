import type { DeskDb } from '../db/connection';
import type { UserInfo } from '../../../shared/domain';
import type { Clock } from '../time/clock';
import { DeskFault } from '../errors';
import { createUser } from './users';

const done = () => new DeskFault('first_run_done', 'the first administrator exists already; sign in', 'تم إنشاء المشرف الأول من قبل؛ سجل الدخول');

/**
 * The only user created without an admin. Whether the database is still empty is read again
 * inside the transaction that inserts (serialised on PostgreSQL), so two first-run screens
 * submitting at the same moment make one admin, and the other is told to sign in.
 */
export async function createFirstAdmin(
  db: DeskDb,
  clock: Clock,
  input: { username: string; displayName: string; password: string },
): Promise<UserInfo> {
  // A cheap early answer; the check that counts is the one inside the transaction.
  if (await db.selectFrom('users').select('id').limit(1).executeTakeFirst()) throw done();
  return createUser(db, clock, { ...input, roles: ['admin', 'approver', 'reviewer'] }, null, async (trx) => {
    if (await trx.selectFrom('users').select('id').limit(1).executeTakeFirst()) throw done();
  });
}
