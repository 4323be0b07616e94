import { afterEach, describe, expect, it, vi } from 'vitest';
import { QueryObserver } from '@tanstack/react-query';
import type { CaseDetail, UserInfo } from '../../../../shared/domain';
import { createClient, mockTransport } from '../../api/client';
import { queryClientForTests, renderForTest } from '../../testing/render-for-test';
import { useOpenClaimed } from './open-claimed';

const reviewer: UserInfo = { id: 3, username: 'rev', displayName: 'Reviewer', roles: ['reviewer'] };
const claimed = { id: 41, reference: 'REQ-2026-000041', version: 2 } as unknown as CaseDetail;

/** The hook as a page holds it, taken out of a render; `window.location` stood in for (tests run in Node). */
function openClaimedFor(queryClient: ReturnType<typeof queryClientForTests>) {
  Object.defineProperty(globalThis, 'window', { value: { location: { hash: '#/queue/new' } }, configurable: true });
  let open: ReturnType<typeof useOpenClaimed> | undefined;
  function Holder() {
    open = useOpenClaimed();
    return null;
  }
  renderForTest(<Holder />, { client: createClient(mockTransport({})), queryClient, user: reviewer });
  return open!;
}

afterEach(() => {
  Reflect.deleteProperty(globalThis, 'window');
});

describe('a request just claimed is opened', () => {
  it('with the detail the claim answered as the case page’s data, and the counts asked for again without waiting', async () => {
    const queryClient = queryClientForTests();
    // The navigation's counts, on screen (observed), slow to answer: opening the case must not wait for them.
    let asked = 0;
    const counts = new QueryObserver(queryClient, {
      queryKey: ['queues.counts'],
      queryFn: () => new Promise<number>((resolve) => setTimeout(() => resolve(++asked), 100)),
      staleTime: Infinity,
    });
    const stop = counts.subscribe(() => undefined);
    await vi.waitFor(() => expect(counts.getCurrentResult().data).toBe(1));
    const open = openClaimedFor(queryClient);

    expect(open(claimed)).toBe(true);
    expect(queryClient.getQueryData(['cases.get', 41])).toBe(claimed);
    expect((globalThis as unknown as { window: { location: { hash: string } } }).window.location.hash).toBe('#/case/41');
    // Asked for again, and not answered yet when the case is already open.
    expect(queryClient.isFetching({ queryKey: ['queues.counts'] })).toBe(1);
    await vi.waitFor(() => expect(counts.getCurrentResult().data).toBe(2));
    stop();
  });

  it('nothing claimed: says so, stays where it is, and still refreshes the counts', () => {
    const queryClient = queryClientForTests();
    queryClient.setQueryData(['queues.counts'], 8);
    const open = openClaimedFor(queryClient);
    expect(open(null)).toBe(false);
    expect((globalThis as unknown as { window: { location: { hash: string } } }).window.location.hash).toBe('#/queue/new');
    expect(queryClient.getQueryState(['queues.counts'])?.isInvalidated).toBe(true);
  });
});
