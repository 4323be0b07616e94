/**
 * Starting the desk from its compiled JavaScript (scripts/build-node.mjs): a command-line command
 * from `node` to its exit on a small database, and the host from its start to the first queue page
 * served on the bench's database. Each start is a new process, as a person's is.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMPILED_CLI } from '../scripts/build-node.mjs';
import { DEMO_PASSWORD } from '../electron/core/demo/seed';
import { summarise, type Timing } from './stats';
import { callHost, startHostProcess } from './host-process';

export const COMMAND_BUDGET_MS = 400;
export const HOST_START_BUDGET_MS = 1_500;

function desk(args: string[], env: NodeJS.ProcessEnv): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [COMPILED_CLI, ...args], { encoding: 'utf8', env });
  if (r.status !== 0) throw new Error(`desk ${args.join(' ')} exited ${r.status}: ${r.stderr.trim()}`);
  return performance.now() - t0;
}

/** `desk card-key` and `desk audit verify` on a database of 30 requests, 10 runs each after 2 warm-ups. */
export function benchCommandLine(log: (line: string) => void): Record<string, Timing> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-cli-'));
  const db = join(dir, 'desk.sqlite');
  const env = { ...process.env, MUMARIS_DATA_DIR: join(dir, 'desk-folder'), MUMARIS_DB: '' };
  log('command line (compiled): card-key and audit verify on 30 requests…');
  desk(['seed', '--cases', '30', '--db', db], env);
  const commands: Record<string, string[]> = {
    'cli.cardKey': ['card-key', '--out', join(dir, 'card-key.pem')],
    'cli.auditVerify': ['audit', 'verify'],
  };
  const entries: Record<string, Timing> = {};
  for (const [name, args] of Object.entries(commands)) {
    const samples: number[] = [];
    for (let i = 0; i < 12; i++) {
      const ms = desk([...args, '--db', db], env);
      if (i >= 2) samples.push(ms);
    }
    entries[name] = summarise(samples);
  }
  return entries;
}

/** The host started `starts` times on `databaseFile`: to listening, and to the first queue page served after sign-in. */
export async function benchHostStart(databaseFile: string, log: (line: string) => void, starts = 3) {
  log(`host cold start (compiled), ${starts} starts…`);
  const listening: number[] = [];
  const firstPage: number[] = [];
  for (let i = 0; i < starts; i++) {
    const host = await startHostProcess(databaseFile);
    try {
      const { token } = await callHost<{ token: string }>(host.url, 'auth.signIn', { username: 'reviewer1', password: DEMO_PASSWORD });
      await callHost(host.url, 'queues.page', { queue: 'all', offset: 0, limit: 50 }, token);
      listening.push(host.listeningMs);
      firstPage.push(performance.now() - host.startedAt);
    } finally {
      host.stop();
    }
  }
  return { listeningMs: summarise(listening), firstQueuePageMs: summarise(firstPage), samplesMs: firstPage.map(Math.round) };
}
