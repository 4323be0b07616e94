/**
 * A request that leaves review (approved, returned, rejected, released, answered…) closes its open question
 * in the same transaction as the step, with its audit entry: nobody is left answering a question about a
 * request that has moved on. Called by applyTransition, so every step, present and future, does it.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { appendAudit } from '../audit/chain';

export async function closeOpenReferrals(
  trx: Transaction<Database>,
  step: { requestId: number; reference: string; action: string; actorId: number | null; at: string },
): Promise<void> {
  const closed = await trx
    .updateTable('referrals')
    .set({ state: 'closed', closed_by: step.actorId, closed_at: step.at, closed_reason: step.action })
    .where('request_id', '=', step.requestId)
    .where('state', '=', 'open')
    .returning(['id', 'question'])
    .execute();
  for (const r of closed)
    await appendAudit(trx, {
      at: step.at,
      actorId: step.actorId,
      action: 'referral.close',
      entity: 'request',
      entityId: step.requestId,
      data: { reference: step.reference, referralId: r.id, question: r.question, step: step.action },
    });
}
