import { sql } from 'kysely';
import type { DeskDb } from '../db/connection';
import type { QueueId, QueueViewFilters, Status, UserInfo } from '../../../shared/domain';
import { QUEUES } from '../../../shared/domain';
import { inQueue, STATUS_QUEUES } from './queue-membership';
import { refundsWaiting, statusCounts } from './status-counts';

/** A status queue's count from the status tallies: one status, or every request. */
function fromTally(byStatus: Map<Status, number>, of: Status | 'every'): number {
  return of === 'every' ? [...byStatus.values()].reduce((sum, x) => sum + x, 0) : (byStatus.get(of) ?? 0);
}

/**
 * Every queue's count for `user`. The per-status ones are sums of the queue_counts tally (migration 0210, kept by
 * triggers in the transaction of each change), so they cost the same at 100,000 requests as at 100. The second
 * signatures this user may give are the status's tally less those they signed first (0260: an index count of their
 * own); Mine and refunds are counted through their indexes.
 */
export async function queueCounts(db: DeskDb, user: UserInfo): Promise<Record<QueueId, number>> {
  const byStatus = await statusCounts(db);
  const count = async (queue: QueueId) =>
    Number(
      (
        await inQueue(db.selectFrom('requests'), queue, user)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const counts = {} as Record<QueueId, number>;
  for (const queue of QUEUES) {
    const of = STATUS_QUEUES[queue];
    counts[queue] = of
      ? fromTally(byStatus, of)
      : queue === 'refunds'
        ? await refundsWaiting(db)
        : queue === 'awaiting_second_signature'
          ? fromTally(byStatus, 'awaiting_second_signature') - (await signedFirstBy(db, user))
          : await count(queue);
  }
  return counts;
}

/** The requests waiting for a second signature that `user` signed first, counted: not theirs to countersign. */
export function signedFirstQuery(db: DeskDb, user: Pick<UserInfo, 'id'>) {
  return (
    db
      .selectFrom('requests')
      // The status as a literal: SQLite takes a partial index (0260's) only for the very value it names.
      .where('status', '=', sql.lit('awaiting_second_signature'))
      .where('first_signer_id', '=', user.id)
      .select((eb) => eb.fn.countAll<number>().as('n'))
  );
}

async function signedFirstBy(db: DeskDb, user: UserInfo): Promise<number> {
  return Number((await signedFirstQuery(db, user).executeTakeFirstOrThrow()).n);
}

/** The filters the tallies can answer: the queue itself and a status. */
const TALLIED_FILTERS = new Set(['queue', 'sort', 'status', 'offset', 'limit']);

/**
 * A queue view's total from the status tallies, when it is a status queue (or All) with at most a status filter and
 * no search: the first page of All at 100,000 requests then costs a page, not a count of every request. Undefined
 * when the view needs its requests counted (queues.ts, queueTotal). A filter left empty filters nothing (queues.ts).
 */
export async function talliedTotal(db: DeskDb, view: QueueViewFilters): Promise<number | undefined> {
  const of = STATUS_QUEUES[view.queue];
  if (!of || Object.entries(view).some(([key, value]) => !TALLIED_FILTERS.has(key) && Boolean(value))) return undefined;
  const byStatus = await statusCounts(db);
  if (!view.status) return fromTally(byStatus, of);
  return of === 'every' || of === view.status ? fromTally(byStatus, view.status) : 0;
}
