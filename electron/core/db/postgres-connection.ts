import pg from 'pg';
import { Kysely, sql } from 'kysely';
import type { Database } from './schema';
import { DeskPostgresDialect } from './schema-introspector';
import { maskPassword, type DatabaseLocation } from './location';

type PostgresLocation = Extract<DatabaseLocation, { kind: 'postgres' }>;

// pg returns bigint (count(*)) and numeric (sum) as strings to keep every digit; the desk's counts
// and halala sums are far below 2^53, so they come back as numbers like SQLite's.
const INT8 = 20;
const NUMERIC = 1700;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 || oid === NUMERIC ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/**
 * A pool on the team's PostgreSQL server, every connection in the location's schema (created if
 * missing). Durability is the server's (its WAL and fsync settings); the desk asks for nothing less.
 */
export async function openPostgres(loc: PostgresLocation): Promise<{ db: Kysely<Database>; pool: pg.Pool }> {
  const pool = postgresPool(loc);
  const db = new Kysely<Database>({ dialect: new DeskPostgresDialect({ pool }, loc.schema) });
  try {
    try {
      await sql`CREATE SCHEMA IF NOT EXISTS ${sql.id(loc.schema)}`.execute(db);
    } catch (e) {
      // Desks starting together race here; IF NOT EXISTS does not stop the loser's error.
      const exists = await sql`SELECT 1 FROM pg_namespace WHERE nspname = ${loc.schema}`.execute(db);
      if (exists.rows.length === 0) throw e;
    }
  } catch (e) {
    await db.destroy();
    throw new Error(`cannot use the PostgreSQL database at ${maskPassword(loc.url)}: ${e instanceof Error ? e.message : String(e)}`);
  }
  return { db, pool };
}

/**
 * Each connection's session settings. public stays on the path: pg_trgm's operators live where the database owner
 * installed them. No JIT: the desk's statements are short reads and writes; at a million requests the planner's
 * cost estimates pass JIT's threshold and compiling took 15–20 ms of a 128 ms count (bench/postgres-reads.ts).
 */
export function sessionOptions(loc: Pick<PostgresLocation, 'schema'>, ...more: string[]): string {
  return [`-c search_path=${loc.schema},public`, '-c timezone=UTC', '-c jit=off', ...more].join(' ');
}

/** The connection settings every desk uses (`overrides` for a one-off look, such as the Settings page's test). */
export function postgresPool(loc: PostgresLocation, overrides: pg.PoolConfig = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString: loc.url,
    max: loc.poolSize,
    types,
    options: sessionOptions(loc),
    ssl: loc.ssl === 'disable' ? false : { rejectUnauthorized: loc.ssl === 'verify-full' },
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
    application_name: 'mumaris-review-desk',
    ...overrides,
  });
  // An idle connection the server drops must not crash the desk; the pool replaces it.
  pool.on('error', () => undefined);
  return pool;
}
