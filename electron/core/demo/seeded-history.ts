/** A demo request's history: the steps from submission to its status, a return's note to the applicant with it. */
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { Status } from '../../../shared/domain';
import type { SeededRandom } from './random';

export interface HistorySeed {
  requestId: number;
  /** The actions that lead to the request's status (request-mix.ts pathTo). */
  path: Array<[action: string, to: Status]>;
  submittedAt: string;
  /** Who took the desk's steps (the applicant's own, resubmit and withdraw, have none). */
  actor: number;
  now: Date;
}

/** Writes the steps, each a few hours to a day after the one before and none in the future; answers when each action was taken. */
export async function seedHistory(trx: Transaction<Database>, rng: SeededRandom, h: HistorySeed): Promise<Map<string, string>> {
  const { requestId, path, actor, now } = h;
  let from: Status = 'submitted';
  const actionAt = new Map<string, string>();
  let clockMs = new Date(h.submittedAt).getTime();
  let step = 0;
  for (const [action, to] of path) {
    // Each step a few hours to a day after the one before.
    clockMs += 3600_000 * rng.int(2, 30);
    // Never in the future: a recent request's steps crowd into the last minutes before now.
    clockMs = Math.min(clockMs, now.getTime() - (path.length - step++) * 60_000);
    const at = new Date(clockMs).toISOString();
    actionAt.set(action, at);
    const rejected = action === 'reject';
    await trx
      .insertInto('status_history')
      .values({
        request_id: requestId,
        action,
        from_status: from,
        to_status: to,
        actor_id: action === 'resubmit' || action === 'withdraw' ? null : actor,
        at,
        reason_code: rejected ? rng.pick(['ineligible', 'documents_invalid', 'duplicate']) : null,
        reason: null,
        policy_version: 1,
      })
      .execute();
    if (action === 'return_to_applicant') {
      await trx
        .insertInto('notes')
        .values({
          request_id: requestId,
          kind: 'to_applicant',
          text: rng.pick([
            'يرجى إرفاق خطاب تعريف من جهة العمل بتاريخ حديث لا يتجاوز ثلاثة أشهر.',
            'يرجى إرفاق التقرير الطبي المطلوب لمن بلغ 65 عاماً.',
            'ساعات التطوير المهني المسجلة أقل من المطلوب؛ يرجى إضافة الشهادات.',
          ]),
          author_id: actor,
          at,
        })
        .execute();
    }
    from = to;
  }
  return actionAt;
}
