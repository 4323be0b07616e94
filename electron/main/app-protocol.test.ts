import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppHandler, registerAppScheme } from './app-protocol';
import { createFakeElectron } from './testing/fake-electron';
import { CSP } from '../core/security/csp';
import { testDesk } from '../core/testing/test-desk';
import { fileForTicket } from '../core/files/attachment-file';
import { fileKeyOf } from '../core/files/tickets';

const base = mkdtempSync(join(tmpdir(), 'desk-app-protocol-'));
const root = join(base, 'renderer');
let t: Awaited<ReturnType<typeof testDesk>>;
let handle: (r: Request) => Promise<Response>;
const get = (url: string) => handle(new Request(url));

beforeAll(async () => {
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>desk</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  // Beside the renderer folder, never to be served: the database and a sibling whose name starts alike.
  writeFileSync(join(base, 'desk.sqlite'), 'SQLite format 3');
  mkdirSync(join(base, 'renderer-secrets'));
  writeFileSync(join(base, 'renderer-secrets', 'key.pem'), 'secret');
  t = await testDesk();
  handle = createAppHandler({ root, fileForTicket: (ticket, key) => fileForTicket(t.desk, ticket, key), fetchFile: createFakeElectron().net.fetch });
  // Opening a desk (migrations) is slow on a busy machine.
}, 60_000);
afterAll(async () => {
  await t.desk.close();
  rmSync(base, { recursive: true, force: true });
});

describe('the app:// handler', () => {
  it('registers app:// as a secure standard scheme', () => {
    const electron = createFakeElectron();
    registerAppScheme(electron.protocol);
    expect(electron.protocol.schemes).toEqual([[{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]]);
  });

  it('serves the renderer with the desk’s content security policy', async () => {
    for (const url of ['app://desk/', 'app://desk/index.html', 'app://desk/assets/app.js']) {
      const r = await get(url);
      expect(r.status).toBe(200);
      expect(r.headers.get('content-security-policy')).toBe(CSP);
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    }
    expect(CSP).toContain("script-src 'self'");
    expect(CSP).not.toContain('unsafe-eval');
  });

  it.each([
    ['dot segments', 'app://desk/assets/../../desk.sqlite'],
    ['encoded dot segments', 'app://desk/%2e%2e/desk.sqlite'],
    ['an encoded slash', 'app://desk/..%2fdesk.sqlite'],
    ['encoded backslashes', 'app://desk/..%5c..%5cdesk.sqlite'],
    ['a sibling folder with the same start', 'app://desk/%2e%2e/renderer-secrets/key.pem'],
    ['another host', 'app://other/index.html'],
    ['a port', 'app://desk:8080/index.html'],
  ])('refuses %s', async (_why, url) => {
    const r = await get(url);
    expect([400, 404]).toContain(r.status);
    expect(await r.text()).not.toMatch(/SQLite|secret/);
  });

  it('answers a malformed escape or a NUL with 400, not an exception', async () => {
    expect((await get('app://desk/%E0%A4%A')).status).toBe(400);
    expect((await get('app://desk/index.html%00.js')).status).toBe(400);
  });

  it('opens a file link only with the file key of the session that asked for it', async () => {
    const owner = await t.as('owner', ['reviewer']);
    const other = await t.as('other', ['reviewer']);
    const ticket = t.desk.fileTickets.issueGenerated(
      { bytes: new TextEncoder().encode('%PDF-1.7 letter'), mime: 'application/pdf', fileName: 'letter.pdf' },
      owner.token,
    );
    const wrong = await get(`app://desk/files/${ticket}?k=${fileKeyOf(other.token)}`);
    expect(wrong.status).toBe(404);
    expect((await get(`app://desk/files/${ticket}`)).status).toBe(404);
    const ok = await get(`app://desk/files/${ticket}?k=${fileKeyOf(owner.token)}`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('%PDF-1.7 letter');
    expect(ok.headers.get('content-type')).toBe('application/pdf');
    // A file is never a page: no script, no plugins, its own sandbox.
    expect(ok.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect((await get('app://desk/files/not-a-ticket?k=x')).status).toBe(404);
  });
});
