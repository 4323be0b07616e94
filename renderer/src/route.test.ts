import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref } from './route';

describe('routes', () => {
  it('round-trips every page', () => {
    for (const r of [
      { page: 'queue', queue: 'mine' },
      { page: 'case', id: 42 },
      { page: 'outbox' },
      { page: 'users' },
      { page: 'audit' },
      { page: 'import' },
      { page: 'case', id: 7, tab: 'payments' },
      { page: 'finance', tab: 'reconciliation' },
      { page: 'policy' },
    ] as const) {
      expect(parseRoute(routeHref(r))).toEqual(r);
    }
  });
  it('falls back to the New queue', () => {
    expect(parseRoute('#/nowhere')).toEqual({ page: 'queue', queue: 'new' });
    expect(parseRoute('#/queue/bogus')).toEqual({ page: 'queue', queue: 'new' });
    expect(parseRoute('#/finance/bogus')).toEqual({ page: 'finance', tab: 'awaiting' });
  });
});
