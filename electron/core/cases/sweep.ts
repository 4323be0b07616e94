import type { DeskDb } from '../db/connection';
import type { Clock } from '../clock';
import { applyTransition } from './apply-transition';
import { queueApplicantNotice, recipient } from './notify';
import { eachAlone } from './each-alone';
import { riyadhDate } from './working-days';

/**
 * The return window: a returned request with no resubmission by its due day is
 * rejected for no response (domain.md), and the applicant told. Each request in its own transaction.
 */
export async function sweepReturnWindows(db: DeskDb, clock: Clock): Promise<{ rejected: string[] }> {
  const at = clock.now().toISOString();
  const today = riyadhDate(at);
  const due = await db
    .selectFrom('requests')
    .select(['id', 'version', 'reference'])
    .where('status', '=', 'returned')
    .where('return_due_at', '<', today)
    .orderBy('id')
    .execute();
  // Each request alone: desks sharing a database all sweep, and the request another desk expired first is its, not an error.
  const r = await eachAlone(due, (id, version) =>
    db.transaction().execute(async (trx) => {
      await applyTransition(trx, {
        requestId: id,
        expectedVersion: version,
        action: 'expire_return',
        actorId: null,
        at,
        reasonCode: 'no_response',
        reason: 'no resubmission within the response window',
        set: { decided_at: at, assignee_id: null },
      });
      await queueApplicantNotice(trx, await recipient(trx, id), { kind: 'rejected', reason: 'no_response', text: '' }, at);
    }),
  );
  const references = new Map(due.map((d) => [d.id, d.reference]));
  return { rejected: r.done.map((id) => references.get(id)!) };
}
