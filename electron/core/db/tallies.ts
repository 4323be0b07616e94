/**
 * Tallies: tables of counts kept by triggers (migrations 0210, 0220). A change adds a row (+1 under its new
 * key, -1 under its old) and never updates one, so writers on PostgreSQL never queue for a counter row; a
 * figure is the sum of its key's rows. Folding merges each key's rows into one, so sums stay quick.
 */
import { sql, type Kysely } from 'kysely';
import { dialectOf } from './dialect';

export type QueueCountRow = {
  id: number;
  status: string;
  n: number;
};

export type DashboardIntakeRow = {
  id: number;
  day: string;
  service: string;
  status: string;
  n: number;
};

export type DashboardStepRow = {
  id: number;
  day: string;
  service: string;
  action: string;
  actor_id: number | null;
  submitted_day: string;
  n: number;
};

/** The tallies' tables, added to a database's with `db.withTables<Tallies>()`. */
export type Tallies = {
  queue_counts: QueueCountRow;
  dashboard_intake: DashboardIntakeRow;
  dashboard_steps: DashboardStepRow;
};

/** Each tally's key columns. */
export const TALLY_KEYS: Record<keyof Tallies, readonly string[]> = {
  queue_counts: ['status'],
  dashboard_intake: ['day', 'service', 'status'],
  dashboard_steps: ['day', 'service', 'action', 'actor_id', 'submitted_day'],
};

/**
 * Merges each key's rows of `table` into one (keys whose sum is 0 go). On PostgreSQL one statement takes the rows
 * it deletes and inserts their sums, so two desks folding at once never count a row twice (the second skips the
 * rows the first deleted) and rows committed meanwhile stay for the next fold. SQLite has one writer at a time.
 */
export async function foldTally(db: Kysely<unknown>, table: keyof Tallies): Promise<void> {
  const keys = sql.raw(TALLY_KEYS[table].join(', '));
  const t = sql.table(table);
  if (dialectOf(db) === 'postgres') {
    await sql`WITH gone AS (DELETE FROM ${t} RETURNING ${keys}, n)
      INSERT INTO ${t} (${keys}, n) SELECT ${keys}, sum(n) FROM gone GROUP BY ${keys} HAVING sum(n) <> 0`.execute(db);
    return;
  }
  await db.transaction().execute(async (trx) => {
    const last = (await sql<{ id: number | null }>`SELECT max(id) AS id FROM ${t}`.execute(trx)).rows[0]?.id;
    if (last === null || last === undefined) return;
    await sql`INSERT INTO ${t} (${keys}, n) SELECT ${keys}, sum(n) FROM ${t} WHERE id <= ${last} GROUP BY ${keys} HAVING sum(n) <> 0`.execute(trx);
    await sql`DELETE FROM ${t} WHERE id <= ${last}`.execute(trx);
  });
}

/** Rows each tally had after this process last folded it: a tally is folded once it has grown by FOLD_AFTER rows. */
const foldedAt = new WeakMap<object, Map<keyof Tallies, number>>();
const FOLD_AFTER = 5_000;

/** Folds `table` when it has grown by FOLD_AFTER rows since this process last folded it (and at its first look). */
export async function foldTallyWhenLong(db: Kysely<unknown>, table: keyof Tallies, rows: number): Promise<void> {
  const known = foldedAt.get(db) ?? new Map<keyof Tallies, number>();
  foldedAt.set(db, known);
  const after = known.get(table);
  if (after !== undefined && rows < after + FOLD_AFTER) return;
  await foldTally(db, table);
  const left = (await sql<{ n: number | string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(db)).rows[0]!.n;
  known.set(table, Number(left));
}
