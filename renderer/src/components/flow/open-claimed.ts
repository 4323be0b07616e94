/**
 * After a call that changed requests: the queue counts asked for again, and a request the desk just handed the user
 * (claim next) opened. Neither waits for the counts: the badges follow a moment later, and the reviewer's next case
 * does not wait on a figure in the navigation (two round trips of every "return, then the next one").
 */
import { useCallback } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { CaseDetail } from '../../../../shared/domain';
import { navigate } from '../../route';

/** The navigation's counts fetched again, not waited for. */
export const refreshQueueCounts = (queryClient: QueryClient): void => void queryClient.invalidateQueries({ queryKey: ['queues.counts'] });

/**
 * Opens a request just claimed: its detail (read in the claim's own transaction) is the case page's data, so the page
 * draws it without asking for it again. Answers whether there was one.
 */
export function useOpenClaimed(): (claimed: CaseDetail | null) => boolean {
  const queryClient = useQueryClient();
  return useCallback(
    (claimed) => {
      refreshQueueCounts(queryClient);
      if (!claimed) return false;
      queryClient.setQueryData(['cases.get', claimed.id], claimed);
      navigate({ page: 'case', id: claimed.id });
      return true;
    },
    [queryClient],
  );
}
