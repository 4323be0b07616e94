/**
 * What became of a try, written with its proof (a delivery_attempts line) in one transaction.
 * Sent: the relay's answer is kept. Failed: the reason is kept and the next try is set after the
 * back-off, or the message is dead once the admin's limit of tries is reached.
 */
import type { DeskDb } from '../db/connection';
import { backoffMs } from './backoff';

/**
 * The relay took it. Recorded even when this worker's lease ran out meanwhile and another took the
 * row: the message did leave (the other's try carries the same Message-ID, which the relay drops).
 */
export async function markSent(db: DeskDb, id: number, worker: string, answer: string, now: Date): Promise<void> {
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('outbox')
      .set({ state: 'sent', sent_at: at, relay_answer: answer, last_error: null, next_attempt_at: null, claimed_by: null, claimed_until: null })
      .where('id', '=', id)
      .where('state', '!=', 'sent')
      .execute();
    await trx
      .insertInto('delivery_attempts')
      .values({ outbox_id: id, at, outcome: 'sent', detail: `${worker}: ${answer}`, by_user_id: null })
      .execute();
  });
}

/** The try failed; returns what the message is now ('failed' with a next try, or 'dead'). */
export async function markFailed(
  db: DeskDb,
  id: number,
  worker: string,
  reason: string,
  now: Date,
  maxAttempts: number,
): Promise<'failed' | 'dead' | 'lost'> {
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto('delivery_attempts')
      .values({ outbox_id: id, at, outcome: 'failed', detail: `${worker}: ${reason}`, by_user_id: null })
      .execute();
    // Only this worker's claim: a lease that ran out belongs to whoever took the message since.
    const row = await trx
      .selectFrom('outbox')
      .select(['attempts'])
      .where('id', '=', id)
      .where('state', '=', 'sending')
      .where('claimed_by', '=', worker)
      .executeTakeFirst();
    if (!row) return 'lost';
    const dead = row.attempts >= maxAttempts;
    await trx
      .updateTable('outbox')
      .set({
        state: dead ? 'dead' : 'failed',
        last_error: reason,
        next_attempt_at: dead ? null : new Date(now.getTime() + backoffMs(row.attempts)).toISOString(),
        claimed_by: null,
        claimed_until: null,
      })
      .where('id', '=', id)
      .execute();
    if (dead)
      await trx
        .insertInto('delivery_attempts')
        .values({ outbox_id: id, at, outcome: 'dead', detail: `gave up after ${row.attempts} tries`, by_user_id: null })
        .execute();
    return dead ? 'dead' : 'failed';
  });
}
