/**
 * The database entries on PostgreSQL at a team's size (issue #18): every queue's first page, the searches
 * (Arabic name, English name, ID, reference, a common name), opening a case and every queue's count, at the
 * handler level as bench/run.ts measures them on SQLite. The database is seeded once by the bulk seed
 * (electron/core/demo/bulk-seed.ts) into a schema named by size and seed, and reused while it is there and
 * complete (the seed's last act, in its one transaction, is the `demo.seed` audit entry).
 *
 * `npm run bench` runs it when a PostgreSQL server is named (--pg URL or MUMARIS_TEST_PG), at --pg-cases
 * (default 1,000,000); alone: `npx tsx bench/postgres-reads.ts --pg postgres://… --cases 1000000`.
 * MUMARIS_BENCH_PG_PREFIX names the cached schema's prefix (default `bench`).
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { sql } from 'kysely';
import { openDesk } from '../electron/core/desk/open-desk';
import { withDeskParams } from '../electron/core/db/location';
import { bulkSeedPostgres, vacuumSeededTables } from '../electron/core/demo/bulk-seed';
import { DEMO_PASSWORD } from '../electron/core/demo/seed';
import { createHandlers } from '../electron/core/handlers';
import { createDispatch } from '../electron/core/dispatch';
import { signIn } from '../electron/core/auth/users';
import { fixedClock } from '../electron/core/time/testing/fixed-clock';
import { QUEUES } from '../shared/domain';
import { time, type Timing } from './stats';

const NOW = '2026-11-23T09:00:00.000Z';
/** v1: the first bulk seed. A change to what the bulk seed writes is a new version (and a new schema). */
const VERSION = 1;
export const PG_READ_BUDGET_MS = 30;
export const PG_COUNTS_BUDGET_MS = 10;
export const PG_SEED_MIN_PER_SECOND = 5_000;

export interface SeedFigures {
  schema: string;
  requests: number;
  /** Present when this run seeded the schema; a reused one was seeded by an earlier run. */
  seconds?: number;
  perSecond?: number;
  reused: boolean;
}

export interface PostgresReads {
  entries: Record<string, Timing | SeedFigures>;
  budgets: Record<string, { limitMs?: number; minPerSecond?: number; met: boolean }>;
}

/** The cached desk's schema: made by the bulk seed if missing or incomplete. */
async function cachedSchema(url: string, cases: number, seed: number, log: (l: string) => void): Promise<SeedFigures> {
  const schema = `${process.env.MUMARIS_BENCH_PG_PREFIX ?? 'bench'}_desk_${cases}_s${seed}_v${VERSION}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const seeded = await admin.query(
      `SELECT 1 FROM pg_tables WHERE schemaname = $1 AND tablename = 'audit_log'` +
        ` AND EXISTS (SELECT 1 FROM "${schema}".audit_log WHERE action = 'demo.seed')`,
      [schema],
    );
    if (seeded.rowCount) return { schema, requests: cases, reused: true };
  } catch {
    // No such schema (or a half-made one without the table): seeded below.
  } finally {
    await admin.end();
  }
  const again = new pg.Client({ connectionString: url });
  await again.connect();
  await again.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await again.end();
  log(`postgres: seeding ${cases} requests (seed ${seed}) once into schema ${schema}…`);
  const clock = fixedClock(NOW);
  const desk = await openDesk(withDeskParams(url, { schema, pool: 2 }), { clock, cardKeyFile: null });
  try {
    const { ms } = await bulkSeedPostgres(desk.db, clock, { cases, seed, log });
    const seconds = Math.round(ms / 100) / 10;
    log(`postgres: seeded in ${seconds} s`);
    return { schema, requests: cases, seconds, perSecond: Math.round(cases / (ms / 1000)), reused: false };
  } finally {
    await desk.close();
  }
}

export async function benchPostgresReads(opts: { url: string; cases: number; seed: number; log: (l: string) => void }): Promise<PostgresReads> {
  const seeding = await cachedSchema(opts.url, opts.cases, opts.seed, opts.log);
  const entries: PostgresReads['entries'] = { 'postgres.seed': seeding };
  const budgets: PostgresReads['budgets'] = {};
  if (seeding.perSecond !== undefined)
    budgets['postgres.seed'] = { minPerSecond: PG_SEED_MIN_PER_SECOND, met: seeding.perSecond >= PG_SEED_MIN_PER_SECOND };
  const clock = fixedClock(NOW);
  const desk = await openDesk(withDeskParams(opts.url, { schema: seeding.schema, pool: 4 }), { clock, cardKeyFile: null });
  try {
    // A cached desk opened by a newer desk has been migrated: its tables as autovacuum would leave them again.
    if (seeding.reused) await vacuumSeededTables(desk.db);
    const dispatch = createDispatch(createHandlers(desk), desk);
    const reviewer = await signIn(desk.db, clock, 'reviewer1', DEMO_PASSWORD);
    const call = async (name: string, args: unknown) => {
      const r = await dispatch(name, args, reviewer.token);
      if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
      return r.value;
    };
    const entry = (name: string, t: Timing, limitMs: number) => {
      entries[name] = t;
      budgets[name] = { limitMs, met: t.p95Ms < limitMs };
    };

    opts.log(`postgres: every queue's first page at ${opts.cases}…`);
    for (const queue of QUEUES)
      entry(
        `postgres.queue.firstPage.${queue}`,
        await time(30, 3, () => call('queues.page', { queue, offset: 0, limit: 50, sort: 'age' })),
        PG_READ_BUDGET_MS,
      );
    entry('postgres.queue.counts', await time(40, 5, () => call('queues.counts', {})), PG_COUNTS_BUDGET_MS);

    opts.log('postgres: search…');
    // Requests spread over the whole table, so no one part of it is read warm.
    const picked = [17, 4711, 33333, 77777, 250001, 512345, 777777, 999983].filter((id) => id <= opts.cases);
    const sample = await desk.db
      .selectFrom('requests')
      .innerJoin('practitioners', 'practitioners.id', 'requests.practitioner_id')
      .select(['reference', 'name_ar', 'name_en', 'id_number'])
      .where('requests.id', 'in', picked)
      .execute();
    const queries: Record<string, string[]> = {
      'search.nameAr': sample.map((r) => r.name_ar.split(' ').slice(0, 2).join(' ')),
      'search.nameEn': sample.map((r) => r.name_en.split(' ').slice(-1)[0]!),
      'search.id': sample.map((r) => r.id_number),
      'search.reference': sample.map((r) => r.reference),
      'search.commonName': ['محمد', 'Mohammed', 'عبدالله', 'Alqahtani'],
    };
    for (const [name, qs] of Object.entries(queries))
      entry(
        `postgres.${name}`,
        await time(32, 4, (i) => call('queues.page', { queue: 'all', offset: 0, limit: 50, sort: 'age', search: qs[i % qs.length] })),
        PG_READ_BUDGET_MS,
      );

    opts.log('postgres: open a case…');
    const { n } = (await sql<{ n: number }>`SELECT max(id) AS n FROM requests`.execute(desk.db)).rows[0]!;
    // Cases across the whole table (a prime stride), each opened once in the run: none read warm from the one before.
    entry('postgres.case.open', await time(100, 10, (i) => call('cases.get', { id: 1 + ((i * 7919) % Number(n)) })), PG_READ_BUDGET_MS);
  } finally {
    await desk.close();
  }
  return { entries, budgets };
}

if (require.main === module) {
  const { values } = parseArgs({
    options: {
      pg: {
        type: 'string',
        default: process.env.MUMARIS_TEST_PG?.startsWith('postgres') ? process.env.MUMARIS_TEST_PG : 'postgres://root@127.0.0.1:5432/test',
      },
      cases: { type: 'string', default: '1000000' },
      seed: { type: 'string', default: '1' },
    },
  });
  benchPostgresReads({ url: values.pg!, cases: Number(values.cases), seed: Number(values.seed), log: (l) => console.error(l) })
    .then((r) => {
      console.log(JSON.stringify(r, null, 2));
      if (Object.values(r.budgets).some((b) => !b.met)) process.exitCode = 1;
    })
    .catch((e: unknown) => {
      console.error(e);
      process.exit(1);
    });
}
