import type { DeskDb } from '../db/connection';
import type { QueueId, Status, UserInfo } from '../../../shared/domain';
import { QUEUES } from '../../../shared/domain';
import { inQueue } from './queue-membership';
import { refundsWaiting, statusCounts } from './status-counts';

/**
 * Every queue's count for `user`. The per-status ones are sums of the queue_counts tally (migration 0210, kept by
 * triggers in the transaction of each change), so they cost the same at 100,000 requests as at 100; the three that
 * depend on the viewer or on another table (Mine, the second signatures this user may give, refunds) are counted
 * through their indexes.
 */
export async function queueCounts(db: DeskDb, user: UserInfo): Promise<Record<QueueId, number>> {
  const byStatus = await statusCounts(db);
  const n = (s: Status) => byStatus.get(s) ?? 0;
  const count = async (queue: QueueId) =>
    Number(
      (
        await inQueue(db.selectFrom('requests'), queue, user)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const counts = {
    new: n('submitted'),
    mine: await count('mine'),
    resubmitted: n('resubmitted'),
    awaiting_applicant: n('returned'),
    awaiting_second_signature: await count('awaiting_second_signature'),
    awaiting_payment: n('awaiting_payment'),
    ready_to_print: n('ready_to_print'),
    refunds: await refundsWaiting(db),
    all: [...byStatus.values()].reduce((sum, x) => sum + x, 0),
  } satisfies Record<QueueId, number>;
  return Object.fromEntries(QUEUES.map((q) => [q, counts[q]])) as Record<QueueId, number>;
}
