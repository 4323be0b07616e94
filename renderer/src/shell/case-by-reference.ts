import { queryOptions } from '@tanstack/react-query';
import type { DeskClient } from '../api/client';

/**
 * A request's id from its reference, among all the requests the user may list (the All queue's
 * search matches references); null when there is none the user can see. Only an exact match counts.
 */
export const caseByReferenceQuery = (client: DeskClient, reference: string) =>
  queryOptions({
    queryKey: ['caseByReference', reference],
    queryFn: async () => {
      const page = await client.call('queues.page', { queue: 'all', search: reference, sort: 'age', offset: 0, limit: 5 });
      return page.rows.find((r) => r.reference === reference)?.id ?? null;
    },
  });
