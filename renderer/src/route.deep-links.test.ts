import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref } from './route';

/**
 * The addresses the desktop app sends for mumaris-desk:// links (electron/main/deep-links.test.ts checks it
 * sends exactly these) are the renderer's own routes; the host takes the same.
 */
describe('deep-link addresses in the renderer', () => {
  it('a request by reference, a card to verify and the Import page', () => {
    expect(parseRoute('#/case/REQ-2026-000123')).toEqual({ page: 'caseRef', reference: 'REQ-2026-000123' });
    expect(parseRoute("#/verify/A.b-c_d~e!f*g'h(i)j")).toEqual({ page: 'verify', payload: "A.b-c_d~e!f*g'h(i)j" });
    expect(parseRoute('#/verify/MUM1.a%2Fb_c')).toEqual({ page: 'verify', payload: 'MUM1.a/b_c' });
    expect(parseRoute('#/import')).toEqual({ page: 'import' });
  });

  it('round-trips, and anything that is not a reference stays a normal route', () => {
    for (const r of [{ page: 'caseRef', reference: 'REQ-2026-000001' }, { page: 'verify', payload: 'A B/C' }, { page: 'verify' }] as const)
      expect(parseRoute(routeHref(r))).toEqual(r);
    expect(parseRoute('#/case/42')).toEqual({ page: 'case', id: 42 });
    expect(parseRoute('#/case/REQ-2026-00001')).toEqual({ page: 'queue', queue: 'new' });
    expect(parseRoute('#/case/req-2026-000001')).toEqual({ page: 'queue', queue: 'new' });
    // A malformed escape is no payload, never an exception.
    expect(parseRoute('#/verify/%E0%A4%A')).toEqual({ page: 'verify' });
  });
});
