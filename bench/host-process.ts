/** The compiled host (out/host/serve.js) started as a person starts it, on a database the bench names. */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMPILED_HOST } from '../scripts/build-node.mjs';

export const BENCH_TOKEN = 'bench-token-not-a-secret-0123456789';

export interface HostProcess {
  url: string;
  /** From spawning the process to its address printed (listening). */
  listeningMs: number;
  /** When the process was spawned (performance.now()). */
  startedAt: number;
  stop(): void;
}

export async function startHostProcess(databaseFile: string): Promise<HostProcess> {
  const startedAt = performance.now();
  const host = spawn(process.execPath, [COMPILED_HOST, '--db', databaseFile, '--port', '0', '--token', BENCH_TOKEN], {
    stdio: ['ignore', 'pipe', 'pipe'],
    // The desk's own folder (settings, checkpoints) in a temporary folder, never the user's.
    env: { ...process.env, MUMARIS_DATA_DIR: mkdtempSync(join(tmpdir(), 'bench-host-')), MUMARIS_DB: '' },
  });
  const url = await hostAddress(host);
  return { url, listeningMs: performance.now() - startedAt, startedAt, stop: () => void host.kill('SIGTERM') };
}

/** One call of the desk's API over HTTP, as the renderer makes it. */
export async function callHost<T>(url: string, name: string, args: unknown, session?: string): Promise<T> {
  const r = await fetch(`${url}/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-desk-token': BENCH_TOKEN, ...(session ? { 'x-desk-session': session } : {}) },
    body: JSON.stringify(args),
  });
  const body = (await r.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${name}: ${body.error?.message ?? r.status}`);
  return body.value;
}

/** The address a starting host prints, or why it exited before printing one. */
export function hostAddress(host: ChildProcessByStdio<null, Readable, Readable>): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    host.stderr.on('data', (d: Buffer) => (err += d.toString()));
    host.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m) resolve(m[1]!);
    });
    host.on('exit', (code) => reject(new Error(`the host exited (${code}): ${err.trim().split('\n').slice(-3).join(' ')}`)));
  });
}
