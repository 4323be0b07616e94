/**
 * "The next request" of the queue the user came from: in New and Resubmitted it is claimed (the desk hands
 * out the oldest, from that queue only); in the other queues it is the row after the one just worked, in the
 * queue's own filters and order. With nothing left, the user goes back to the queue, told so.
 */
import { useQueryClient } from '@tanstack/react-query';
import { TERMS, type QueueSort } from '../../../../shared/domain';
import { useSession } from '../../api/session';
import { navigate } from '../../route';
import { MESSAGES } from '../../i18n/messages';
import { fill } from '../../i18n/fill';
import { lastQueue, queuePlace, selectInQueue } from './queue-memory';
import { toast } from './DeskToasts';
import { refreshQueueCounts, useOpenClaimed } from './open-claimed';

/** Claims or opens the next request after `fromId` (null: from the queue's selected row); resolves to its reference, or null. */
export function useOpenNextCase(): (fromId: number | null) => Promise<string | null> {
  const { client } = useSession();
  const queryClient = useQueryClient();
  const openClaimed = useOpenClaimed();
  return async (fromId) => {
    const queue = lastQueue();
    let next: { id: number; reference: string } | undefined;
    if (queue === 'new' || queue === 'resubmitted') {
      const claimed = await client.call('cases.claimNext', { queue });
      if (claimed) {
        openClaimed(claimed);
        return claimed.reference;
      }
    } else {
      const place = queuePlace<Record<string, unknown>, QueueSort>(queue);
      const cursor = place?.cursor ?? 0;
      const offset = Math.max(0, cursor - 5);
      const page = await client.call('queues.page', { ...place?.filters, queue, sort: place?.sort ?? 'due', offset, limit: 50 });
      const at = fromId === null ? -1 : page.rows.findIndex((r) => r.id === fromId);
      // Still in the queue: the row after it; gone from it (decided): the row that took its place.
      next = at >= 0 ? page.rows[at + 1] : (page.rows[cursor - offset] ?? page.rows.find((r) => r.id !== fromId));
      if (next?.id === fromId) next = undefined;
      // Back from the next request selects its row, and the one after it is next again.
      if (next) selectInQueue(queue, offset + page.rows.indexOf(next as (typeof page.rows)[number]), next.id);
    }
    refreshQueueCounts(queryClient);
    if (next) {
      navigate({ page: 'case', id: next.id });
      return next.reference;
    }
    toast(
      { ar: fill(MESSAGES.queueDone.ar, { queue: TERMS.queues[queue].ar }), en: fill(MESSAGES.queueDone.en, { queue: TERMS.queues[queue].en }) },
      'yellow',
    );
    navigate({ page: 'queue', queue });
    return null;
  };
}
