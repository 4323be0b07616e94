/**
 * The demo's refunds worked along the finance desk's own steps.
 */
import type { DeskDb } from '../db/connection';
import type { Clock } from '../time/clock';
import { getUser } from '../auth/users';
import { approveRefund, computeCaseRefund, recordPayout } from '../finance/refunds';
import type { SeededRandom } from './random';
import { riyadhDate } from '../time/riyadh-day';

/**
 * The refund candidates the payments made, taken along the finance desk's own steps so every stage of the
 * Refunds page has work: some computed by finance1, some of those approved by finance2, some paid out.
 */
export async function workDemoRefunds(db: DeskDb, clock: Clock, rng: SeededRandom, users: Map<string, number>): Promise<void> {
  const maker = { user: (await getUser(db, users.get('finance1')!))!, clock };
  const checker = { user: (await getUser(db, users.get('finance2')!))!, clock };
  const open = await db.selectFrom('refunds').select(['id', 'request_id']).where('status', '=', 'requested').orderBy('id').execute();
  const today = riyadhDate(clock.now());
  for (const r of open) {
    if (rng.chance(0.4)) continue;
    await computeCaseRefund(db, maker, r.request_id, today, []);
    if (rng.chance(0.4)) continue;
    await approveRefund(db, checker, r.id);
    if (rng.chance(0.5)) continue;
    await recordPayout(db, checker, r.id, `SARIE-${today.replaceAll('-', '')}-${rng.digits(6)}`);
  }
}
