/**
 * Keeps a queue page's place (filters, order, selected row, scroll) when the user leaves it for a case, and
 * gives it back when they return (queue-memory.ts): Back lands on the row they opened, where they scrolled.
 */
import { useCallback, useEffect, useRef, type RefObject } from 'react';
import type { QueueId } from '../../../../shared/domain';
import { queuePlace, rememberQueuePlace, type QueuePlace } from './queue-memory';

/** Where the page was last time, read once when it opens: its initial filters, order and row. */
export function useQueuePlaceOnOpen<F, S extends string>(queue: QueueId): QueuePlace<F, S> | undefined {
  const first = useRef<{ queue: QueueId; place: QueuePlace<F, S> | undefined }>(undefined);
  if (!first.current) first.current = { queue, place: queuePlace<F, S>(queue) };
  return first.current.queue === queue ? first.current.place : undefined;
}

/**
 * Remembers the page's place as it changes and when it closes, and scrolls back to the remembered place once
 * the rows are there (`drawn`, called after each render of the table). `keep(i)` records row `i` as selected at once
 * (a click opens the case before a re-render).
 */
export function useKeptQueuePlace<F, S extends string>(
  queue: QueueId,
  now: { filters: F; sort: S; cursor: number },
  restored: QueuePlace<F, S> | undefined,
  scrollRef: RefObject<HTMLDivElement | null>,
  rowIdAt: (i: number) => number | undefined,
): { keep(i: number): void; drawn(): void } {
  const latest = useRef({ ...now, scrollTop: restored?.scrollTop ?? 0, rowIdAt });
  latest.current = { ...now, scrollTop: latest.current.scrollTop, rowIdAt };
  const save = () => {
    const l = latest.current;
    rememberQueuePlace(queue, { filters: l.filters, sort: l.sort, cursor: l.cursor, requestId: l.rowIdAt(l.cursor) ?? null, scrollTop: l.scrollTop });
  };
  useEffect(() => save);
  // Back to where the user scrolled, once the rows (and so the scroll area) are there.
  const pendingScroll = useRef(restored?.scrollTop);
  const tries = useRef(0);
  const listening = useRef<HTMLDivElement | null>(null);
  const drawn = useCallback(() => {
    const el = scrollRef.current;
    if (!el) return;
    // The rows take a render or two to reach their full height: try again until the scroll holds (a few renders at most).
    if (pendingScroll.current !== undefined) {
      el.scrollTop = pendingScroll.current;
      if (Math.abs(el.scrollTop - pendingScroll.current) < 2 || ++tries.current > 20) {
        pendingScroll.current = undefined;
        // Rows measured since may have moved it: the selected row stays in view whatever the heights.
        requestAnimationFrame(() => {
          const row = el.querySelector('tr[aria-selected="true"]');
          const box = el.getBoundingClientRect();
          const at = row?.getBoundingClientRect();
          if (at && (at.top < box.top || at.bottom > box.bottom)) row!.scrollIntoView({ block: 'center' });
        });
      }
    }
    if (listening.current === el) return;
    listening.current = el;
    el.addEventListener('scroll', () => {
      if (pendingScroll.current === undefined) latest.current.scrollTop = el.scrollTop;
    });
  }, [scrollRef]);
  useEffect(drawn);
  return {
    // The table calls it after each of its own renders (it draws again as rows arrive, without the page).
    drawn,
    keep: (i) => {
      latest.current.cursor = i;
      save();
    },
  };
}
