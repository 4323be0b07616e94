/**
 * One desk of the team load test (bench/team.ts), in its own process as a reviewer's desk is: it opens the team's
 * PostgreSQL schema with its own pool, signs in as its own reviewer and, from the instant the parent names until the
 * deadline, claims the next request and decides on it through the same door the desk's screens call (dispatch.ts).
 * It tells the parent every decision it was told it made, its timings, and the CPU it and its server connections
 * spent, so the parent can say where a decision's time goes.
 */
import { readFileSync } from 'node:fs';
import type pg from 'pg';
import { openDesk } from '../electron/core/desk/open-desk';
import { fixedClock } from '../electron/core/time/testing/fixed-clock';
import { createHandlers } from '../electron/core/handlers';
import { createDispatch } from '../electron/core/dispatch';
import { signIn } from '../electron/core/auth/users';

/** What the parent hands a desk (JSON in argv[2]). */
export interface DeskOrders {
  address: string;
  username: string;
  password: string;
  now: string;
  message: string;
  /** Decisions made before the timed run (not timed, still checked). */
  warmUp: number;
}

/** What a desk answers when its time is up. */
export interface DeskReport {
  samples: number[];
  approved: number[];
  returned: number[];
  /** Requests decided while warming up (approved or returned): checked with the others, not counted in the rate. */
  warmUp: number[];
  conflicts: number;
  /** CPU milliseconds spent during the timed loop by this Node process, and by the server processes serving its pool. */
  nodeCpuMs: number;
  serverCpuMs: number;
  /** Why the desk stopped before the deadline (an empty queue), if it did. */
  stoppedEarly: string | null;
}

export type ParentMessage = { go: number };
export type WorkerMessage = { ready: true } | { report: DeskReport } | { failed: string };

type Claimed = { id: number; version: number } | null;

const CLOCK_TICKS_PER_MS = 100 / 1000;

/** utime + stime of a local process, in ms (Linux /proc; 0 where it cannot be read). */
function processCpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_MS;
  } catch {
    return 0;
  }
}

/** The server processes behind every connection of the pool (opened now, all at once, so each is counted). */
async function serverPids(pool: pg.Pool, size: number): Promise<number[]> {
  const clients = await Promise.all(Array.from({ length: size }, () => pool.connect()));
  try {
    return await Promise.all(clients.map(async (c) => Number((await c.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid)));
  } finally {
    for (const c of clients) c.release();
  }
}

async function main(orders: DeskOrders, send: (m: WorkerMessage) => void, go: Promise<number>): Promise<void> {
  const clock = fixedClock(orders.now);
  const desk = await openDesk(orders.address, { clock, cardKeyFile: null });
  try {
    const dispatch = createDispatch(createHandlers(desk), desk);
    const { token } = await signIn(desk.db, clock, orders.username, orders.password);
    const call = (name: string, args: unknown) => dispatch(name, args, token);
    const opened = desk.opened;
    const pids = opened.kind === 'postgres' ? await serverPids(opened.pool, opened.pool.options.max) : [];
    const report: DeskReport = {
      samples: [],
      approved: [],
      returned: [],
      warmUp: [],
      conflicts: 0,
      nodeCpuMs: 0,
      serverCpuMs: 0,
      stoppedEarly: null,
    };
    /** One claim next and its decision: the approval, or the return when the checks refuse it. */
    const decideNext = async (): Promise<{ id: number; as: 'approved' | 'returned' } | 'conflict' | 'empty'> => {
      const claimed = await call('cases.claimNext', { queue: 'new' });
      if (!claimed.ok) throw new Error(`claim next: ${claimed.error.message}`);
      const inHand = claimed.value as Claimed;
      if (!inHand) return 'empty';
      const approved = await call('cases.approve', { id: inHand.id, version: inHand.version });
      if (approved.ok) return { id: inHand.id, as: 'approved' };
      if (approved.error.code === 'conflict') return 'conflict';
      // A failing check (or a four-eyes service) is not this reviewer's to approve alone: return it instead.
      const returned = await call('cases.returnToApplicant', { id: inHand.id, version: inHand.version, message: orders.message });
      if (returned.ok) return { id: inHand.id, as: 'returned' };
      if (returned.error.code === 'conflict') return 'conflict';
      throw new Error(`return ${inHand.id}: ${returned.error.message} (approve said: ${approved.error.message})`);
    };
    // A desk that has served a while: its first decisions load and compile what a decision uses (the letter's PDF,
    // fonts); they are checked with the others, not timed.
    for (let i = 0; i < orders.warmUp; i++) {
      const done = await decideNext();
      if (typeof done === 'object') report.warmUp.push(done.id);
    }
    send({ ready: true });
    const deadline = await go;
    const serverCpu = () => pids.reduce((sum, pid) => sum + processCpuMs(pid), 0);
    const cpu0 = process.cpuUsage();
    const server0 = serverCpu();
    while (Date.now() < deadline) {
      const s = performance.now();
      const done = await decideNext();
      if (done === 'empty') {
        report.stoppedEarly = 'the queue was empty';
        break;
      }
      if (done === 'conflict') report.conflicts++;
      else {
        report[done.as].push(done.id);
        report.samples.push(performance.now() - s);
      }
    }
    const cpu = process.cpuUsage(cpu0);
    report.nodeCpuMs = (cpu.user + cpu.system) / 1000;
    report.serverCpuMs = serverCpu() - server0;
    send({ report });
  } finally {
    await desk.close();
  }
}

// Forked by bench/team.ts (the parent imports only this file's types).
if (process.send) {
  const send = (m: WorkerMessage) => process.send!(m);
  const go = new Promise<number>((resolve) => process.on('message', (m: ParentMessage) => resolve(m.go)));
  main(JSON.parse(process.argv[2]!) as DeskOrders, send, go)
    .catch((e: unknown) => send({ failed: e instanceof Error ? (e.stack ?? e.message) : String(e) }))
    .finally(() => process.disconnect());
}
