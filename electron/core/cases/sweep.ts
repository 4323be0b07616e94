import type { DeskDb } from '../db/connection';
import type { Clock } from '../clock';
import { applyTransition } from './apply-transition';
import { queueApplicantNotice } from './notify';
import { riyadhDate } from './working-days';
import { DeskFault } from '../errors';

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
  const rejected: string[] = [];
  for (const r of due) {
    const done = await db
      .transaction()
      .execute(async (trx) => {
        await applyTransition(trx, {
          requestId: r.id,
          expectedVersion: r.version,
          action: 'expire_return',
          actorId: null,
          at,
          reasonCode: 'no_response',
          reason: 'no resubmission within the response window',
          set: { decided_at: at, assignee_id: null },
        });
        const p = await trx
          .selectFrom('requests')
          .innerJoin('practitioners', 'practitioners.id', 'requests.practitioner_id')
          .select(['practitioners.email', 'practitioners.name_ar', 'practitioners.name_en'])
          .where('requests.id', '=', r.id)
          .executeTakeFirstOrThrow();
        await queueApplicantNotice(
          trx,
          { requestId: r.id, reference: r.reference, email: p.email, nameAr: p.name_ar, nameEn: p.name_en },
          { kind: 'rejected', reason: 'no_response', text: '' },
          at,
        );
        return true;
      })
      .catch((e: unknown) => {
        // Desks sharing a database all sweep: the request another desk expired first is its, not an error.
        if (e instanceof DeskFault && e.code === 'conflict') return false;
        throw e;
      });
    if (done) rejected.push(r.reference);
  }
  return { rejected };
}
