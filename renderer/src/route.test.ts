import { describe, expect, it } from 'vitest';
import { homeRoute, parseRoute, routeHref } from './route';

describe('routes', () => {
  it('round-trips every page', () => {
    for (const r of [
      { page: 'queue', queue: 'mine' },
      { page: 'case', id: 42 },
      { page: 'outbox' },
      { page: 'outbox', state: 'dead' },
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
    expect(parseRoute('#/outbox/bogus')).toEqual({ page: 'outbox' });
  });
  it('lands each role where its work is', () => {
    expect(homeRoute(['finance'])).toEqual({ page: 'finance', tab: 'awaiting' });
    expect(homeRoute(['admin', 'finance'])).toEqual({ page: 'finance', tab: 'awaiting' });
    expect(homeRoute(['card_clerk'])).toEqual({ page: 'print' });
    expect(homeRoute(['finance', 'reviewer'])).toEqual({ page: 'queue', queue: 'new' });
    expect(homeRoute(['card_clerk', 'approver'])).toEqual({ page: 'queue', queue: 'new' });
    expect(homeRoute(['reviewer'])).toEqual({ page: 'queue', queue: 'new' });
    expect(homeRoute(['admin'])).toEqual({ page: 'queue', queue: 'new' });
  });
});
