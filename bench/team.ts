/**
 * The team deployment under load: DESKS desks, each its own process (bench/team-worker.ts) with its own pool and
 * its own reviewer signed in, claim the next request and decide on it against one PostgreSQL server on 127.0.0.1
 * for a bounded time. Afterwards the database is checked (bench/team-checks.ts): no request claimed twice, every
 * decision a desk was told it made is in the history, the audit chain whole.
 *
 * `npm run bench` runs it when MUMARIS_TEST_PG (or --pg URL) names a server; alone:
 * `npx tsx bench/team.ts [--desks 20] [--seconds 20] [--cases 24000] [--pool 2] [--pg postgres://…]`.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openDesk } from '../electron/core/desk/open-desk';
import { fixedClock } from '../electron/core/time/testing/fixed-clock';
import { bulkSeedPostgres } from '../electron/core/demo/bulk-seed';
import { createUser } from '../electron/core/auth/users';
import { withDeskParams } from '../electron/core/db/location';
import { summarise, type Timing } from './stats';
import { checkTeamRun, type TeamVerdict } from './team-checks';
import type { DeskOrders, DeskReport, WorkerMessage } from './team-worker';

const NOW = '2026-11-23T09:00:00.000Z';
const PASSWORD = 'team-bench-password';
export const TEAM_MIN_DECISIONS_PER_SECOND = 400;
export const TEAM_P95_BUDGET_MS = 50;

export interface TeamFigures extends TeamVerdict {
  desks: number;
  processes: number;
  poolPerDesk: number;
  seconds: number;
  requestsSeeded: number;
  decisions: number;
  decisionsPerSecond: number;
  /** One claim next and its decision (approve, or return when the checks refuse it), as a desk waits for them. */
  claimAndDecide: Timing;
  approved: number;
  returned: number;
  /** Lost races reported as conflicts (expected to be 0 with SKIP LOCKED; counted, not hidden). */
  conflicts: number;
  /** Desks that ran out of requests before the deadline (the rate is then not the desk's limit). */
  desksStoppedEarly: number;
  /** Where a decision's CPU goes: the desks' Node processes, their PostgreSQL backends, and the machine while it ran. */
  cpu: { nodeMsPerDecision: number; serverMsPerDecision: number; machineBusyPercent: number; cores: number };
}

/** The worker as one JavaScript file (esbuild, packages left in node_modules): twenty desks start without compiling. */
async function compiledWorker(): Promise<string> {
  const dir = join(__dirname, '.cache');
  mkdirSync(dir, { recursive: true });
  const outfile = join(dir, 'team-worker.js');
  const { build } = await import('esbuild');
  await build({
    entryPoints: [join(__dirname, 'team-worker.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  return outfile;
}

/** Busy and total jiffies of the whole machine (Linux /proc/stat). */
function machineTicks(): { busy: number; total: number } {
  const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
  const n = fields.map(Number);
  const total = n.reduce((a, b) => a + b, 0);
  return { busy: total - n[3]! - (n[4] ?? 0), total };
}

interface Desk {
  child: ChildProcess;
  ready: Promise<void>;
  report: Promise<DeskReport>;
}

function startDesk(script: string, orders: DeskOrders): Desk {
  const child = fork(script, [JSON.stringify(orders)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    // TEAM_PROF=dir: each desk writes a V8 CPU profile there.
    execArgv: process.env.TEAM_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.TEAM_PROF}`] : [],
    env: { ...process.env, MUMARIS_FONTS: process.env.MUMARIS_FONTS ?? join(__dirname, '..', 'resources', 'public', 'fonts') },
  });
  let ready!: () => void;
  let settle!: (r: DeskReport) => void;
  let fail!: (e: Error) => void;
  const readyP = new Promise<void>((r) => (ready = r));
  const report = new Promise<DeskReport>((res, rej) => ((settle = res), (fail = rej)));
  child.on('message', (m: WorkerMessage) => {
    if ('ready' in m) ready();
    else if ('report' in m) settle(m.report);
    else fail(new Error(`desk ${orders.username}: ${m.failed}`));
  });
  child.on('exit', (code) => fail(new Error(`desk ${orders.username} exited (${code}) before reporting`)));
  return { child, ready: Promise.race([readyP, report.then(() => undefined)]), report };
}

export async function benchTeam(opts: {
  url: string;
  desks: number;
  seconds: number;
  cases: number;
  pool?: number;
  schema?: string;
  log: (l: string) => void;
}): Promise<TeamFigures> {
  const schema = opts.schema ?? `bench_team_${process.pid}`;
  const pool = opts.pool ?? 2;
  const address = withDeskParams(opts.url, { schema, pool });
  const admin = new pg.Client({ connectionString: opts.url });
  await admin.connect();
  await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  const children: ChildProcess[] = [];
  try {
    const clock = fixedClock(NOW);
    const first = await openDesk(address, { clock, cardKeyFile: null });
    const usernames = Array.from({ length: opts.desks }, (_, i) => `desk${i + 1}`);
    try {
      opts.log(`team: seeding ${opts.cases} requests on PostgreSQL…`);
      // The bulk seed (thousands a second): the run needs more waiting requests than 20 desks decide on in its time.
      await bulkSeedPostgres(first.db, clock, { cases: opts.cases, seed: 11 });
      for (const [i, username] of usernames.entries())
        await createUser(first.db, clock, { username, displayName: `Desk ${i + 1}`, password: PASSWORD, roles: ['reviewer'] }, null);
    } finally {
      await first.close();
    }
    const script = await compiledWorker();
    opts.log(`team: starting ${opts.desks} desk processes…`);
    const desks = usernames.map((username) =>
      startDesk(script, { address, username, password: PASSWORD, now: NOW, message: 'Please attach the missing documents.', warmUp: 3 }),
    );
    children.push(...desks.map((d) => d.child));
    await Promise.all(desks.map((d) => d.ready));
    opts.log(`team: ${opts.desks} desks claiming and deciding for ${opts.seconds} s…`);
    const t0 = Date.now();
    const ticks0 = machineTicks();
    const deadline = t0 + opts.seconds * 1000;
    for (const d of desks) d.child.send({ go: deadline });
    const reports = await Promise.all(desks.map((d) => d.report));
    const elapsed = (Date.now() - t0) / 1000;
    const ticks1 = machineTicks();
    const approved = reports.flatMap((r) => r.approved);
    const returned = reports.flatMap((r) => r.returned);
    const decisions = approved.length + returned.length;
    const verdict = await checkTeamRun(address, usernames, [...approved, ...returned, ...reports.flatMap((r) => r.warmUp)]);
    const per = (ms: number) => Math.round((ms / Math.max(decisions, 1)) * 100) / 100;
    return {
      desks: opts.desks,
      processes: new Set(desks.map((d) => d.child.pid)).size,
      poolPerDesk: pool,
      seconds: Math.round(elapsed * 10) / 10,
      requestsSeeded: opts.cases,
      decisions,
      decisionsPerSecond: Math.round((decisions / elapsed) * 10) / 10,
      claimAndDecide: summarise(reports.flatMap((r) => r.samples).concat(decisions ? [] : [0])),
      approved: approved.length,
      returned: returned.length,
      conflicts: reports.reduce((n, r) => n + r.conflicts, 0),
      desksStoppedEarly: reports.filter((r) => r.stoppedEarly).length,
      cpu: {
        nodeMsPerDecision: per(reports.reduce((n, r) => n + r.nodeCpuMs, 0)),
        serverMsPerDecision: per(reports.reduce((n, r) => n + r.serverCpuMs, 0)),
        machineBusyPercent: Math.round(((ticks1.busy - ticks0.busy) / Math.max(ticks1.total - ticks0.total, 1)) * 100),
        cores: cpus().length,
      },
      ...verdict,
    };
  } finally {
    // A desk closes its pool and exits by itself once it has reported (and writes its CPU profile under TEAM_PROF).
    const exited = children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null));
    await Promise.race([Promise.all(exited), new Promise((r) => setTimeout(r, 5_000))]);
    for (const c of children) if (c.exitCode === null) c.kill();
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.end();
  }
}

/** The budget of issue #18: the guarantees, the rate and the wait. */
export function teamBudgetMet(f: TeamFigures): boolean {
  return (
    f.doubleClaims === 0 &&
    f.lostDecisions === 0 &&
    f.untoldDecisions === 0 &&
    f.unauditedSteps === 0 &&
    f.auditChainOk &&
    f.processes === f.desks &&
    f.decisionsPerSecond >= TEAM_MIN_DECISIONS_PER_SECOND &&
    f.claimAndDecide.p95Ms < TEAM_P95_BUDGET_MS
  );
}

if (require.main === module) {
  const { values } = parseArgs({
    options: {
      pg: {
        type: 'string',
        default: process.env.MUMARIS_TEST_PG?.startsWith('postgres') ? process.env.MUMARIS_TEST_PG : 'postgres://root@127.0.0.1:5432/test',
      },
      desks: { type: 'string', default: '20' },
      seconds: { type: 'string', default: '20' },
      cases: { type: 'string', default: '24000' },
      pool: { type: 'string', default: '2' },
      schema: { type: 'string' },
    },
  });
  benchTeam({
    url: values.pg!,
    desks: Number(values.desks),
    seconds: Number(values.seconds),
    cases: Number(values.cases),
    pool: Number(values.pool),
    schema: values.schema,
    log: (l) => console.error(l),
  })
    .then((f) => {
      console.log(JSON.stringify({ ...f, budgetMet: teamBudgetMet(f) }, null, 2));
    })
    .catch((e: unknown) => {
      console.error(e);
      process.exit(1);
    });
}
