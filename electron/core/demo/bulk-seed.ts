/**
 * The demo's requests at bench size on PostgreSQL (issue #18): a million requests in minutes, where seed.ts
 * writes one row per statement (about 100 requests a second). Rows are made in memory (bulk-requests.ts) and
 * written a chunk at a time, each table in one INSERT … SELECT FROM unnest(one array per column), all in one
 * transaction: a killed run leaves nothing behind. The tallies' per-row triggers (migrations 0210, 0220) are
 * switched off inside that transaction and the tallies recounted before it commits, so they are as true as the
 * triggers would have left them, at a fraction of the cost. What seed.ts adds beyond the requests (the payment
 * file's import, refunds, the CPD audit, planted integrity signals) is left out: the bench reads queues, searches
 * and cases.
 */
import { sql } from 'kysely';
import type { DeskDb } from '../db/connection';
import type { Trx } from '../db/transaction';
import type { Clock } from '../time/clock';
import { dialectOf, riyadhDay } from '../db/dialect';
import { currentPolicy } from '../policy/current-policy';
import { appendAudit } from '../audit/chain';
import { databaseStore } from '../blobs/database-store';
import { recordBlob } from '../blobs/attachment-blobs';
import { ensureDemoUsers } from './seed';
import { SeededRandom } from './random';
import { makeDemoFiles, type DemoFilePool } from './attachment-files';
import type { DemoFile } from './demo-file';
import { FACILITIES } from './names';
import { withoutIndexesAndKeys } from './bulk-load';
import { settleFirstSigners } from '../cases/first-signer';
import { addBulkRequest, BULK_COLUMNS, BulkRows, type BulkContext, type BulkTable } from './bulk-requests';

export interface BulkSeedOptions {
  cases: number;
  seed: number;
  /** Requests per chunk of statements (default 5,000). */
  chunk?: number;
  log?: (line: string) => void;
}

/** The tallies' row triggers on inserts, off while the bulk seed writes (the tallies are recounted instead). */
const TALLY_INSERT_TRIGGERS: Record<'requests' | 'status_history', string[]> = {
  requests: ['queue_counts_insert_delete', 'dashboard_intake_insert_delete'],
  status_history: ['dashboard_steps_insert_delete'],
};

/** The tables whose ids the bulk seed gives itself: their identity sequences are moved past them. */
const OWN_IDS = ['practitioners', 'requests', 'invoices', 'cards'] as const;

/** Seeds `opts.cases` demo requests into an empty desk on PostgreSQL; returns how many and how long it took. */
export async function bulkSeedPostgres(db: DeskDb, clock: Clock, opts: BulkSeedOptions): Promise<{ requests: number; ms: number }> {
  if (dialectOf(db) !== 'postgres') throw new Error('the bulk seed writes PostgreSQL; seedDemo seeds SQLite');
  const t0 = performance.now();
  const had = await db
    .selectFrom('requests')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(had.n) > 0) throw new Error('the bulk seed fills a new desk; this one has requests already');
  const users = await ensureDemoUsers(db, clock);
  const now = clock.now();
  const rng = new SeededRandom(opts.seed);
  const { files, used } = remembered(await makeDemoFiles(rng, FACILITIES));
  const { version, policy } = await currentPolicy(db, now.toISOString());
  const ctx: BulkContext = {
    rng,
    seed: opts.seed,
    files,
    policy,
    policyVersion: version,
    now,
    reviewers: ['reviewer1', 'reviewer2', 'approver1'].map((u) => users.get(u)!),
    clerk: users.get('clerk1')!,
    finance: users.get('finance1')!,
    numbers: { invoiceId: 1, cardId: 1, invoiceOfYear: new Map(), cardOfYear: new Map() },
  };
  const chunk = opts.chunk ?? 5_000;
  const blobs = databaseStore(db);
  await db.transaction().execute(async (trx) => {
    await switchTallyTriggers(trx, 'DISABLE');
    const stored = new Set<string>();
    await withoutIndexesAndKeys(trx, Object.keys(BULK_COLUMNS), async () => {
      // The next chunk is made while the server writes the one before (a pause now and then lets the writes go out).
      let writing = Promise.resolve();
      for (let start = 0; start < opts.cases; start += chunk) {
        const rows = new BulkRows();
        const end = Math.min(opts.cases, start + chunk);
        for (let n = start + 1; n <= end; n++) {
          addBulkRequest(ctx, n, rows);
          if (n % 500 === 0) await new Promise((resolve) => setImmediate(resolve));
        }
        await writing;
        for (const f of used.values()) {
          if (stored.has(f.sha256)) continue;
          await recordBlob(trx, blobs, f);
          stored.add(f.sha256);
        }
        writing = writeRows(trx, rows);
        // Awaited above on the next round (or after the last); until then a failure must not count as unhandled.
        writing.catch(() => undefined);
        if (end % 100_000 === 0 || end === opts.cases)
          opts.log?.(`bulk seed: ${end} requests made, ${Math.round(end / ((performance.now() - t0) / 1000))} a second`);
      }
      await writing;
    });
    opts.log?.(`bulk seed: indexes and keys back, ${Math.round((performance.now() - t0) / 1000)} s`);
    for (const table of OWN_IDS)
      await sql`SELECT setval(pg_get_serial_sequence(${table}, 'id'), (SELECT coalesce(max(id), 0) + 1 FROM ${sql.table(table)}), false)`.execute(
        trx,
      );
    await recountTallies(trx);
    await switchTallyTriggers(trx, 'ENABLE');
    await settleFirstSigners(trx);
    await appendAudit(trx, {
      at: now.toISOString(),
      actorId: null,
      action: 'demo.seed',
      entity: 'database',
      entityId: null,
      data: { cases: opts.cases, seed: opts.seed, bulk: true },
    });
  });
  await vacuumSeededTables(db);
  return { requests: opts.cases, ms: performance.now() - t0 };
}

/**
 * Statistics for the planner and the visibility map for index-only scans, as autovacuum would leave them: after the
 * seed, and after a later migration rewrote rows of a cached bench desk (0260 set a column on 30,000 requests, and
 * counts read through their indexes then visited the table for every row on those pages). Table by table: a bare
 * VACUUM takes every schema of the database, and waits on other desks' locks.
 */
export async function vacuumSeededTables(db: DeskDb): Promise<void> {
  for (const table of [...Object.keys(BULK_COLUMNS), 'queue_counts', 'dashboard_intake', 'dashboard_steps'])
    await sql`VACUUM (ANALYZE) ${sql.table(table)}`.execute(db);
}

/** The pool, with every file it has handed out kept by digest: those are the blobs to store. */
function remembered(pool: DemoFilePool): { files: DemoFilePool; used: Map<string, DemoFile> } {
  const used = new Map<string, DemoFile>();
  const keep = (f: DemoFile) => (used.set(f.sha256, f), f);
  return { files: { letter: (kind) => keep(pool.letter(kind)), photo: () => keep(pool.photo()) }, used };
}

async function switchTallyTriggers(trx: Trx, how: 'DISABLE' | 'ENABLE'): Promise<void> {
  for (const [table, triggers] of Object.entries(TALLY_INSERT_TRIGGERS))
    await sql`ALTER TABLE ${sql.table(table)} ${sql.raw(triggers.map((t) => `${how} TRIGGER ${t}`).join(', '))}`.execute(trx);
}

/** Each table's rows in one statement: an array per column, unnested into rows, in BULK_COLUMNS's order. */
async function writeRows(trx: Trx, rows: BulkRows): Promise<void> {
  for (const table of Object.keys(BULK_COLUMNS) as BulkTable[]) {
    const columns = rows.columns.get(table);
    if (!columns) continue;
    const types: Record<string, string> = BULK_COLUMNS[table];
    const names = [...columns.keys()];
    await sql`INSERT INTO ${sql.table(table)} (${sql.join(names.map((c) => sql.ref(c)))})
      SELECT * FROM unnest(${sql.join(names.map((c) => sql`${columns.get(c)}::${sql.raw(types[c]!)}[]`))})`.execute(trx);
  }
}

/**
 * The tallies counted again from the requests and their history, as migrations 0210 and 0220 first filled them.
 * Inside the seed's transaction, which holds the tables (ALTER TABLE locks them) until it commits.
 */
export async function recountTallies(trx: Trx): Promise<void> {
  const day = (column: string) => riyadhDay('postgres', column);
  await sql`DELETE FROM queue_counts`.execute(trx);
  await sql`INSERT INTO queue_counts (status, n) SELECT status, count(*) FROM requests GROUP BY status`.execute(trx);
  await sql`DELETE FROM dashboard_intake`.execute(trx);
  await sql`INSERT INTO dashboard_intake (day, service, status, n)
    SELECT ${day('submitted_at')}, service, status, count(*) FROM requests GROUP BY 1, 2, 3`.execute(trx);
  await sql`DELETE FROM dashboard_steps`.execute(trx);
  await sql`INSERT INTO dashboard_steps (day, service, action, actor_id, submitted_day, n)
    SELECT ${day('h.at')}, r.service, h.action, h.actor_id, ${day('r.submitted_at')}, count(*)
    FROM status_history h JOIN requests r ON r.id = h.request_id
    WHERE h.action IN ('approve', 'reject', 'return_to_applicant') GROUP BY 1, 2, 3, 4, 5`.execute(trx);
}
