import type { QueueViewFilters } from '../../../shared/domain';
import type { QueueFilterValues } from './QueueFilters';

/** The filters and search of a queue view (a saved view, a reviewer's list), without its queue and order. */
export function filtersOf(view?: Partial<QueueViewFilters>): QueueFilterValues {
  if (!view) return {};
  const { service, status, nationality, profession, assigneeId, submittedFrom, submittedTo, search } = view;
  const all: QueueFilterValues = { service, status, nationality, profession, assigneeId, submittedFrom, submittedTo, search };
  return Object.fromEntries(Object.entries(all).filter(([, v]) => v !== undefined)) as QueueFilterValues;
}
