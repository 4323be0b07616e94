import type { RefObject } from 'react';
import { keepPreviousData, queryOptions, useQueries, useQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { QueueId, QueueRow, QueueSort } from '../../../../shared/domain';
import type { DeskClient } from '../../api/client';
import { useSession } from '../../api/session';
import type { QueueFilterValues } from '../../components/QueueFilters';

/** Rows fetched per call as the user scrolls. */
export const CHUNK = 100;
/** The height of a row before it is measured: the first screen's chunk count depends on it. */
const ROW_HEIGHT = 58;

/** One chunk of a queue as filtered and ordered: what the page asks the desk for, the filters sent as chosen. */
export const queueChunkQuery = (client: DeskClient, queue: QueueId, filters: QueueFilterValues, sort: QueueSort, chunk: number) =>
  queryOptions({
    queryKey: ['queues.page', queue, filters, sort, chunk],
    queryFn: () => client.call('queues.page', { queue, offset: chunk * CHUNK, limit: CHUNK, sort, ...filters }),
  });

/**
 * A queue's rows, read in chunks as the user scrolls; only the rows in view are rendered. `rowAt(i)` is
 * row i when its chunk is loaded; `shown` every row loaded so far.
 */
export function useQueueRows(queue: QueueId, filters: QueueFilterValues, sort: QueueSort, scrollRef: RefObject<HTMLDivElement | null>) {
  const { client } = useSession();
  const first = useQuery({
    ...queueChunkQuery(client, queue, filters, sort, 0),
    // While a filter or the order changes, the rows stay until the new ones arrive; another
    // queue's rows are never shown under this queue's name.
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[1] === queue ? keepPreviousData(previous) : undefined),
    refetchInterval: 10_000,
  });
  const total = first.data?.total ?? 0;
  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const visible = virtualizer.getVirtualItems();
  const chunkIds = [...new Set(visible.map((v) => Math.floor(v.index / CHUNK)))].filter((c) => c > 0);
  const chunks = useQueries({
    queries: chunkIds.map((c) => ({ ...queueChunkQuery(client, queue, filters, sort, c), staleTime: 10_000 })),
  });
  const rowAt = (i: number): QueueRow | undefined => {
    const c = Math.floor(i / CHUNK);
    const data = c === 0 ? first.data : chunks[chunkIds.indexOf(c)]?.data;
    return data?.rows[i - c * CHUNK];
  };
  const shown = [...(first.data?.rows ?? []), ...chunks.flatMap((c) => c.data?.rows ?? [])];
  return { first, total, virtualizer, visible, rowAt, shown };
}

export type QueueRows = ReturnType<typeof useQueueRows>;
