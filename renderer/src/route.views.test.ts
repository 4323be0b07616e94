import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref } from './route';

describe('addresses of saved views and the workload', () => {
  it('a saved view and a reviewer’s list have an address each, read back as written', () => {
    for (const r of [{ page: 'view', id: 12 }, { page: 'workload' }, { page: 'workload', reviewer: 4 }] as const)
      expect(parseRoute(routeHref(r))).toEqual(r);
  });

  it('a malformed view address falls back to the New queue, never to a view that is not there', () => {
    expect(parseRoute('#/view/abc')).toEqual({ page: 'queue', queue: 'new' });
    expect(parseRoute('#/workload/x')).toEqual({ page: 'workload' });
  });
});
