import { existsSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { DeskPostgresDialect } from './schema-introspector';
import { MIGRATIONS } from './migrations';
import { appliedMigrations, migrationState } from './migrate';
import { describeLocation, maskPassword, parseLocation, type DatabaseLocation } from './location';
import { postgresPool } from './postgres-connection';
import type { DatabaseProbe, DatabaseProblem } from '../../../shared/domain';
import { probeProblem } from './probe-problem';

/**
 * Looks at a database without changing it: can this desk reach it, and how far is it migrated?
 * The Settings page asks before an admin saves a new address.
 */
export async function probeDatabase(address: string): Promise<DatabaseProbe> {
  let loc: DatabaseLocation;
  try {
    loc = parseLocation(address);
  } catch (e) {
    return failed('sqlite', maskPassword(address), e, 'bad_address');
  }
  const describe = describeLocation(loc);
  // No file yet: nothing to read; the page says a new file will be made (problem 'new_file', worded there).
  if (loc.kind === 'sqlite' && !existsSync(loc.file)) return { ...reached(loc, describe, null, []), problem: 'new_file' };
  // Read-only on SQLite; one short-lived connection on PostgreSQL (no schema is created).
  const db =
    loc.kind === 'sqlite'
      ? new Kysely<unknown>({
          dialect: new SqliteDialect({ database: async () => new BetterSqlite3(loc.file, { readonly: true, fileMustExist: true }) }),
        })
      : new Kysely<unknown>({
          dialect: new DeskPostgresDialect({ pool: postgresPool(loc, { max: 1, connectionTimeoutMillis: 5_000 }) }, loc.schema),
        });
  try {
    const version =
      loc.kind === 'sqlite'
        ? `SQLite ${(await sql<{ v: string }>`select sqlite_version() as v`.execute(db)).rows[0]!.v}`
        : `PostgreSQL ${(await sql<{ v: string }>`select current_setting('server_version') as v`.execute(db)).rows[0]!.v}`;
    return reached(loc, describe, version, await appliedMigrations(db, loc.kind === 'postgres' ? loc.schema : undefined));
  } catch (e) {
    return failed(loc.kind, describe, e);
  } finally {
    await db.destroy().catch(() => undefined);
  }
}

function reached(loc: DatabaseLocation, describe: string, server: string | null, applied: string[]): DatabaseProbe {
  const state = migrationState(applied);
  return {
    ok: true,
    kind: loc.kind,
    describe,
    server,
    migrationsApplied: state.applied,
    migrationsPending: state.pending,
    newerThanDesk: state.newer.length > 0,
    message: null,
    problem: null,
  };
}

function failed(kind: DatabaseProbe['kind'], describe: string, e: unknown, problem: DatabaseProblem = probeProblem(e)): DatabaseProbe {
  return {
    ok: false,
    kind,
    describe,
    server: null,
    migrationsApplied: 0,
    migrationsPending: MIGRATIONS.length,
    newerThanDesk: false,
    message: maskPassword(e instanceof Error ? e.message : String(e)),
    problem,
  };
}
