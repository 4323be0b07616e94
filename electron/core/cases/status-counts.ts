import type { DeskDb } from '../db/connection';
import type { Status } from '../../../shared/domain';
import { foldTallyWhenLong, type Tallies } from '../db/tallies';

/** How many requests each status holds, from the queue_counts tally (migration 0210); a status with none is absent. */
export async function statusCounts(db: DeskDb): Promise<Map<Status, number>> {
  const rows = await db
    .withTables<Tallies>()
    .selectFrom('queue_counts')
    .select((eb) => ['status', eb.fn.sum<number>('n').as('n'), eb.fn.countAll<number>().as('rows')])
    .groupBy('status')
    .execute();
  await foldTallyWhenLong(
    db as never,
    'queue_counts',
    rows.reduce((sum, r) => sum + Number(r.rows), 0),
  );
  return new Map(rows.filter((r) => Number(r.n) !== 0).map((r) => [r.status as Status, Number(r.n)]));
}

/** Requests with a refund to work on (the Refunds queue): read from the few such refunds, not by testing every request. */
export async function refundsWaiting(db: DeskDb): Promise<number> {
  const r = await db
    .selectFrom('refunds')
    .select((eb) => eb.fn.count<number>('request_id').distinct().as('n'))
    .where('status', 'in', ['requested', 'computed'])
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
