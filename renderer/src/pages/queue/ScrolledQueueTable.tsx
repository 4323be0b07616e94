import { useEffect, type ComponentProps, type RefObject } from 'react';
import type { QueueId, QueuePage, QueueSort } from '../../../../shared/domain';
import type { QueueFilterValues } from '../../components/QueueFilters';
import { QueueTable } from './QueueTable';
import { useQueueWindow, type QueueWindow } from './queue-rows';

/**
 * A queue's table with the rows in view read as the user scrolls (queue-rows.ts). The scroll position lives here:
 * each scroll draws this table again, not the page around it (its filters, menus and buttons), which made every
 * step of a long scroll wait for the whole page. The page reads the rows through `shown` (keys, selection, place).
 */
export function ScrolledQueueTable({
  queue,
  filters,
  sort,
  first,
  shown,
  onDrawn,
  scrollRef,
  ...table
}: {
  queue: QueueId;
  filters: QueueFilterValues;
  sort: QueueSort;
  first: QueuePage | undefined;
  shown: RefObject<QueueWindow | null>;
  /** After each render of the table: the page puts back a remembered scroll once the rows are tall enough. */
  onDrawn(): void;
  scrollRef: RefObject<HTMLDivElement | null>;
} & Omit<ComponentProps<typeof QueueTable>, 'rows' | 'scrollRef'>) {
  const rows = useQueueWindow(queue, filters, sort, first, scrollRef);
  shown.current = rows;
  // No table (an empty queue after a filter): the page has no rows to read.
  useEffect(() => () => void (shown.current = null), [shown]);
  useEffect(onDrawn);
  return <QueueTable rows={rows} scrollRef={scrollRef} {...table} />;
}
