/**
 * File links (`/files/<ticket>`) over real HTTP: they open only with the file key of the session
 * that asked for them, and end with that session (sign-out, idle timeout). On SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { testDesk } from '../../electron/core/testing/test-desk';
import { seedDemo } from '../../electron/core/demo/seed';
import { fileForTicket } from '../../electron/core/files/attachment-file';
import { fileKeyOf } from '../../electron/core/files/tickets';
import { startHost, type RunningHost } from '../../electron/host/server';
import { currentPolicy } from '../../electron/core/policy/current-policy';

let host: RunningHost;
let t: Awaited<ReturnType<typeof testDesk>>;

beforeAll(async () => {
  t = await testDesk();
  await seedDemo(t.desk.db, t.clock, { cases: 20, seed: 8 });
  const rendererDir = mkdtempSync(join(tmpdir(), 'desk-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>desk</title>');
  host = await startHost({ dispatch: t.dispatch, rendererDir, readFile: (ticket, key) => fileForTicket(t.desk, ticket, key) });
});
afterAll(async () => {
  await host.close();
  await t.desk.close();
});

function get(path: string): Promise<{ status: number; body: Buffer; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path, headers: { host: `127.0.0.1:${host.port}` } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function call<T>(name: string, args: unknown, token: string): Promise<T> {
  const r = await t.dispatch(name, args, token);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

/** The link as the renderer loads it: with the session's file key (shared/file-key.ts). */
const withKey = (url: string, token: string) => `${url}?k=${encodeURIComponent(fileKeyOf(token))}`;

describe('file links', () => {
  it('open only with the key of the session that asked for them; the token itself is never in the link', async () => {
    const a = await t.as('links-a', ['reviewer']);
    const b = await t.as('links-b', ['reviewer']);
    const att = await t.desk.db.selectFrom('attachments').select('id').orderBy('id').executeTakeFirstOrThrow();
    const { url } = await call<{ url: string }>('attachments.open', { id: att.id }, a.token);
    expect(url).toMatch(/^\/files\/[A-Za-z0-9_-]{20,}$/);
    expect(url).not.toContain(a.token);
    expect((await get(url)).status).toBe(404);
    expect((await get(`${url}?k=`)).status).toBe(404);
    expect((await get(`${url}?k=${a.token}`)).status).toBe(404);
    expect((await get(withKey(url, b.token))).status).toBe(404);
    const ok = await get(withKey(url, a.token));
    expect(ok.status).toBe(200);
    expect(ok.body.length).toBeGreaterThan(0);
    expect(ok.headers['cache-control']).toContain('no-store');
  });

  it('end at sign-out: attachments, generated documents and reports alike', async () => {
    const s = await t.as('links-signout', ['reviewer']);
    const att = await t.desk.db.selectFrom('attachments').select(['id', 'request_id']).orderBy('id', 'desc').executeTakeFirstOrThrow();
    const links = [
      (await call<{ url: string }>('attachments.open', { id: att.id }, s.token)).url,
      (await call<{ url: string }>('reports.caseReport', { id: att.request_id, lang: 'en', copy: 'staff' }, s.token)).url,
    ];
    for (const url of links) expect((await get(withKey(url, s.token))).status).toBe(200);
    await call('auth.signOut', {}, s.token);
    for (const url of links) expect((await get(withKey(url, s.token))).status).toBe(404);
  });

  it('end when the session does: idle past the policy, or ended in the database', async () => {
    const s = await t.as('links-idle', ['reviewer']);
    const att = await t.desk.db.selectFrom('attachments').select('id').orderBy('id').executeTakeFirstOrThrow();
    const { url } = await call<{ url: string }>('attachments.open', { id: att.id }, s.token);
    expect((await get(withKey(url, s.token))).status).toBe(200);
    const { policy } = await currentPolicy(t.desk.db, t.clock.now().toISOString());
    const before = t.clock.now().toISOString();
    t.clock.set(new Date(t.clock.now().getTime() + (policy.sessionIdleMinutes + 1) * 60_000).toISOString());
    try {
      // The ticket's own ten minutes have not passed (they run on the wall clock); its session has ended, so the link has too.
      expect((await get(withKey(url, s.token))).status).toBe(404);
    } finally {
      t.clock.set(before);
    }
    const other = await t.as('links-ended', ['reviewer']);
    const second = (await call<{ url: string }>('attachments.open', { id: att.id }, other.token)).url;
    await t.desk.db.deleteFrom('sessions').execute(); // every session ended (an admin disabling users, say)
    expect((await get(withKey(second, other.token))).status).toBe(404);
  });
});
