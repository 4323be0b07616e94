import { queryOptions } from '@tanstack/react-query';
import type { DeliveryState } from '../../../../shared/domain';
import type { DeskClient } from '../../api/client';

/** The newest this many are listed first, and as many more each time the admin asks; the counts say how many there are in all. */
export const OUTBOX_PAGE = 40;
/** The most the desk lists in one answer. */
export const OUTBOX_MAX = 500;
/** The worker sends in the background: the list and the counts follow it without a reload. */
const FOLLOW_MS = 10_000;

export interface OutboxFilter {
  state: DeliveryState | null;
  search: string;
  limit?: number;
}

/** One message list per filter; the search is sent trimmed, and only when it says something. */
export const outboxListQuery = (client: DeskClient, f: OutboxFilter) => {
  const search = f.search.trim();
  const limit = f.limit ?? OUTBOX_PAGE;
  return queryOptions({
    queryKey: ['outbox.list', f.state, search, limit],
    queryFn: () => client.call('outbox.list', { limit, ...(f.state ? { state: f.state } : {}), ...(search ? { search } : {}) }),
    refetchInterval: FOLLOW_MS,
    placeholderData: (previous) => previous,
  });
};

export const outboxCountsQuery = (client: DeskClient) =>
  queryOptions({ queryKey: ['outbox.counts'], queryFn: () => client.call('outbox.counts', {}), refetchInterval: FOLLOW_MS });

export const outboxHistoryQuery = (client: DeskClient, id: number) =>
  queryOptions({ queryKey: ['outbox.history', id], queryFn: () => client.call('outbox.history', { id }) });

export const deliverySettingsQuery = (client: DeskClient) =>
  queryOptions({ queryKey: ['delivery.settings'], queryFn: () => client.call('delivery.settings', {}) });
