import { describe, expect, it } from 'vitest';
import { deepLinkInArgv, parseDeepLink, routeFor } from './deep-links';
import { isShellRoute } from './shell-routes';

describe('deep links', () => {
  it('reads a request reference and a card payload', () => {
    expect(parseDeepLink('mumaris-desk://case/REQ-2026-000123')).toEqual({ kind: 'case', reference: 'REQ-2026-000123' });
    expect(parseDeepLink('mumaris-desk://case/REQ-2026-000123/')).toEqual({ kind: 'case', reference: 'REQ-2026-000123' });
    expect(parseDeepLink('MUMARIS-DESK://case/REQ-2026-000123')).toEqual({ kind: 'case', reference: 'REQ-2026-000123' });
    expect(parseDeepLink('mumaris-desk://verify?payload=MUM1.abc_DEF-9.sig')).toEqual({ kind: 'verify', payload: 'MUM1.abc_DEF-9.sig' });
  });

  it.each([
    ['another scheme', 'https://case/REQ-2026-000123'],
    ['another host', 'mumaris-desk://cases/REQ-2026-000123'],
    ['a reference too short', 'mumaris-desk://case/REQ-2026-00012'],
    ['a lower-case reference', 'mumaris-desk://case/req-2026-000123'],
    ['a path after the reference', 'mumaris-desk://case/REQ-2026-000123/../../settings'],
    ['an encoded traversal', 'mumaris-desk://case/%2e%2e%2fREQ-2026-000123'],
    ['a query on a case', 'mumaris-desk://case/REQ-2026-000123?tab=payments'],
    ['a fragment', 'mumaris-desk://case/REQ-2026-000123#/users'],
    ['credentials', 'mumaris-desk://user:pw@case/REQ-2026-000123'],
    ['a port', 'mumaris-desk://case:80/REQ-2026-000123'],
    ['script in the reference', 'mumaris-desk://case/REQ-2026-000123<script>'],
    ['a verify with no payload', 'mumaris-desk://verify'],
    ['a verify with a second parameter', 'mumaris-desk://verify?payload=abc&next=javascript:alert(1)'],
    ['a verify payload with spaces', 'mumaris-desk://verify?payload=a%20b'],
    ['a verify payload with a newline', 'mumaris-desk://verify?payload=a%0Ab'],
    ['a verify payload in Arabic', 'mumaris-desk://verify?payload=%D8%A7'],
    ['a verify with a path', 'mumaris-desk://verify/x?payload=abc'],
    ['an enormous address', `mumaris-desk://verify?payload=${'a'.repeat(3000)}`],
    ['not an address', 'mumaris-desk:'],
  ])('ignores %s', (_why, raw) => {
    expect(parseDeepLink(raw)).toBeNull();
  });

  it('finds the link or the bundle among a command line, skipping the program and switches', () => {
    expect(deepLinkInArgv(['desk.exe', '--flag', 'mumaris-desk://case/REQ-2026-000001'])).toEqual({ kind: 'case', reference: 'REQ-2026-000001' });
    expect(deepLinkInArgv(['desk.exe', 'C:\\Users\\r\\Downloads\\batch-7.mumaris.zip'])).toEqual({
      kind: 'import',
      file: 'C:\\Users\\r\\Downloads\\batch-7.mumaris.zip',
    });
    // The program itself is never read as a link, and a switch is not a file.
    expect(deepLinkInArgv(['mumaris-desk://case/REQ-2026-000001'])).toBeNull();
    expect(deepLinkInArgv(['desk', '--x=.mumaris.zip', 'mumaris-desk://case/nope', 'other.zip'])).toBeNull();
  });

  it('routes every link to an address the preload lets through', () => {
    const links = [
      parseDeepLink('mumaris-desk://case/REQ-2026-000123')!,
      parseDeepLink("mumaris-desk://verify?payload=A.b-c_d~e!f*g'h(i)j")!,
      { kind: 'import' as const, file: '/tmp/a.mumaris.zip' },
    ];
    expect(links.map(routeFor)).toEqual(['#/case/REQ-2026-000123', "#/verify/A.b-c_d~e!f*g'h(i)j", '#/import']);
    for (const link of links) expect(isShellRoute(routeFor(link))).toBe(true);
    expect(isShellRoute('#/users')).toBe(false);
    expect(isShellRoute('#/case/1')).toBe(false);
    expect(isShellRoute('javascript:alert(1)')).toBe(false);
  });
});
