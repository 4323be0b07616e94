/** Bad addresses are the caller's mistake: 400 with a plain message, never a 500 or a stack trace. */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { connect } from 'node:net';
import { startHost, type RunningHost } from './server';
import { decodePath, parseRequestUrl } from '../core/security/request-path';

let host: RunningHost;
const dispatch = vi.fn(async () => ({ ok: true as const, value: null }));

beforeAll(async () => {
  const rendererDir = mkdtempSync(join(tmpdir(), 'desk-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>desk</title>');
  host = await startHost({ dispatch, rendererDir });
});
afterAll(() => host.close());

function get(path: string, method = 'GET', headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path, method, headers: { host: `127.0.0.1:${host.port}`, ...headers } }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(method === 'POST' ? '{}' : undefined);
  });
}

/** A request line Node's client would refuse to send, written on the socket as it is. */
function rawLine(target: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(host.port, '127.0.0.1', () =>
      socket.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nConnection: close\r\n\r\n`),
    );
    let data = '';
    socket.on('data', (c) => (data += c.toString()));
    socket.on('end', () => resolve(data));
    socket.on('error', reject);
  });
}

describe('bad addresses at the host', () => {
  it('a malformed percent escape in a page address: 400, no stack', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    for (const path of ['/%E0%A4%A', '/assets/%', '/%zz', '/%C0%AF']) {
      const r = await get(path);
      expect(r.status, path).toBe(400);
      expect(r.body).toContain('bad_input');
      expect(r.body).not.toMatch(/at .*\.ts|URIError|stack/);
    }
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });

  it('a malformed percent escape in a method name: 400, nothing dispatched', async () => {
    dispatch.mockClear();
    const r = await get('/api/app.%E0%A4%A', 'POST', { 'content-type': 'application/json', 'x-desk-token': host.token });
    expect(r.status).toBe(400);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('a request target that is no URL at all: 400', async () => {
    const answer = await rawLine('http://[::1');
    expect(answer).toMatch(/^HTTP\/1\.1 400/);
  });

  it('the helpers say null rather than throw', () => {
    expect(decodePath('/%E0%A4%A')).toBeNull();
    expect(decodePath('/caf%C3%A9')).toBe('/café');
    expect(parseRequestUrl('http://[::1', 80)).toBeNull();
    expect(parseRequestUrl('/files/x?k=1', 80)?.pathname).toBe('/files/x');
  });
});
