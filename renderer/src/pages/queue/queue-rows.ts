import { useCallback, useState, type RefObject } from 'react';
import { keepPreviousData, queryOptions, useQueries, useQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { QueueId, QueuePage, QueueRow, QueueSort } from '../../../../shared/domain';
import type { DeskClient } from '../../api/client';
import { useSession } from '../../api/session';
import type { QueueFilterValues } from '../../components/QueueFilters';

/** Rows fetched per call as the user scrolls. */
export const CHUNK = 100;
/** The height of a row before any is measured: the first screen's chunk count depends on it. */
const ROW_HEIGHT = 58;

/** One chunk of a queue as filtered and ordered: what the page asks the desk for, the filters sent as chosen. */
export const queueChunkQuery = (client: DeskClient, queue: QueueId, filters: QueueFilterValues, sort: QueueSort, chunk: number) =>
  queryOptions({
    queryKey: ['queues.page', queue, filters, sort, chunk],
    queryFn: () => client.call('queues.page', { queue, offset: chunk * CHUNK, limit: CHUNK, sort, ...filters }),
  });

/** A queue's first chunk: its total and the rows on top, kept up to date. */
export function useQueueFirstRows(queue: QueueId, filters: QueueFilterValues, sort: QueueSort) {
  const { client } = useSession();
  const first = useQuery({
    ...queueChunkQuery(client, queue, filters, sort, 0),
    // While a filter or the order changes, the rows stay until the new ones arrive; another
    // queue's rows are never shown under this queue's name.
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[1] === queue ? keepPreviousData(previous) : undefined),
    refetchInterval: 10_000,
  });
  return { first };
}

/**
 * The rows in view of a queue whose first chunk is `first`, read in chunks as the user scrolls; only those are
 * rendered. `rowAt(i)` is row i when its chunk is loaded; `shown` every row loaded so far.
 */
export function useQueueWindow(
  queue: QueueId,
  filters: QueueFilterValues,
  sort: QueueSort,
  first: QueuePage | undefined,
  scrollRef: RefObject<HTMLDivElement | null>,
) {
  const { client } = useSession();
  const total = first?.total ?? 0;
  // Every row is taken to be as tall as the first one drawn (QueueTable reads it once). Rows measured one by one,
  // each at another height than its estimate, moved every row after it, which the virtualizer recomputed for the
  // rest of the queue (100,000 places per row of a jump), and each measure made the browser lay the page out.
  const [rowHeight, setRowHeight] = useState(ROW_HEIGHT);
  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => scrollRef.current, estimateSize: () => rowHeight, overscan: 4 });
  const learnRowHeight = useCallback((height: number) => setRowHeight((known) => (known === ROW_HEIGHT && height > 0 ? height : known)), []);
  const visible = virtualizer.getVirtualItems();
  const chunkIds = [...new Set(visible.map((v) => Math.floor(v.index / CHUNK)))].filter((c) => c > 0);
  const chunks = useQueries({
    // Rows already read are not asked for again when scrolled back to: a change made at any desk marks them
    // stale (api/live-changes.ts), and only then are they read again.
    queries: chunkIds.map((c) => ({ ...queueChunkQuery(client, queue, filters, sort, c), staleTime: Infinity })),
  });
  const rowAt = (i: number): QueueRow | undefined => {
    const c = Math.floor(i / CHUNK);
    const data = c === 0 ? first : chunks[chunkIds.indexOf(c)]?.data;
    return data?.rows[i - c * CHUNK];
  };
  const shown = [...(first?.rows ?? []), ...chunks.flatMap((c) => c.data?.rows ?? [])];
  return { total, virtualizer, visible, rowAt, shown, rowHeight, rowHeightLearnt: rowHeight !== ROW_HEIGHT, learnRowHeight };
}

export type QueueWindow = ReturnType<typeof useQueueWindow>;
