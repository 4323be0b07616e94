import { useEffect, useRef } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { DeskClient } from './client';

/** Views that show the shared state of the cases; they refresh when any desk changes something. */
const LIVE_VIEWS = new Set([
  'queues.counts',
  'queues.page',
  'cases.get',
  'refunds.forCase',
  'print.queue',
  'outbox.list',
  'outbox.counts',
  'dashboard.figures',
  'referrals.forCase',
  'referrals.forMe',
  'referrals.waitingCount',
]);

/** How often the desk asks whether anything changed: a lookup of one number. */
export const CHANGE_POLL_MS = 2_000;

/**
 * Keeps the open views current when other desks (sharing the database) claim, decide or print:
 * polls the newest change and, when it moves, refetches the views on screen (react-query keeps
 * what is shown until the new data arrives, so nothing flickers and nothing typed is lost).
 */
export function useLiveChanges(client: DeskClient): void {
  const queryClient = useQueryClient();
  const seen = useRef<number | null>(null);
  const changes = useQuery({
    queryKey: ['desk.changes'],
    queryFn: () => client.call('desk.changes', {}),
    refetchInterval: CHANGE_POLL_MS,
    refetchIntervalInBackground: false,
  });
  const cursor = changes.data?.cursor;
  useEffect(() => {
    if (cursor === undefined) return;
    if (seen.current !== null && seen.current !== cursor) {
      void queryClient.invalidateQueries({ predicate: (q) => LIVE_VIEWS.has(String(q.queryKey[0])) });
    }
    seen.current = cursor;
  }, [cursor, queryClient]);
}
