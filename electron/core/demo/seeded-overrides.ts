/**
 * The demo's approvals are written straight into the history, past the approval's own refusal of a
 * failing check: where a seeded request's checks fail, its latest approval records the override an
 * approver would have had to write (rules and justification), so no demo request waits for (or has had)
 * a second signature with a failed check and no override on record.
 */
import type { DeskDb } from '../db/connection';
import type { Clock } from '../time/clock';
import { currentPolicy } from '../policy/current-policy';
import { runChecks } from '../cases/checks';
import { overrideCode } from '../cases/check-overrides';

const JUSTIFICATION = 'تم التحقق من أصل المستند في الفرع ومطابقته للنظام. / Original checked at the branch and found in order.';

export async function recordSeededOverrides(db: DeskDb, clock: Clock, firstId: number): Promise<void> {
  const pv = await currentPolicy(db, clock.now().toISOString());
  const approvals = await db
    .selectFrom('status_history')
    .select(['request_id', (eb) => eb.fn.max('id').as('id')])
    .where('action', '=', 'approve')
    .where('request_id', '>=', firstId)
    .groupBy('request_id')
    .execute();
  for (const a of approvals) {
    const failed = (await runChecks(db, a.request_id, pv)).filter((c) => c.outcome === 'fail').map((c) => c.rule);
    if (failed.length === 0) continue;
    await db
      .updateTable('status_history')
      .set({ reason_code: overrideCode(failed), reason: JUSTIFICATION })
      .where('id', '=', Number(a.id))
      .where('reason_code', 'is', null)
      .execute();
  }
}
