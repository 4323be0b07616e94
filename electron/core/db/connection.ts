import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type pg from 'pg';
import type { Database } from './schema';
import { appliedMigrations, migrate, migrationState } from './migrate';
import { parseLocation, describeLocation, type DatabaseLocation } from './location';
import { openSqlite } from './sqlite-connection';
import { openPostgres } from './postgres-connection';

export type DeskDb = Kysely<Database>;

interface Common {
  db: DeskDb;
  location: DatabaseLocation;
  /** Names the database for screens and logs, without a password. */
  describe: string;
  close(): Promise<void>;
}

/** The opened database and its raw handle (for SQLite's backups and integrity checks). */
export type OpenedDatabase =
  | (Common & {
      kind: 'sqlite';
      sqlite: BetterSqlite3.Database;
      /** With `checkLater`: the whole file's quick_check, still running (sqlite-connection.ts). */
      wholeFileCheck?: Promise<void>;
    })
  | (Common & { kind: 'postgres'; pool: pg.Pool });

/**
 * Opens the case database named by `where` (a SQLite file, ':memory:' for tests, or a
 * postgres:// URL) and migrates it. One code path for the domain: only this opening differs.
 */
export async function openDatabase(
  where: string,
  opts: { migrateTo?: string; checkLater?: boolean; memoryImage?: Buffer } = {},
): Promise<OpenedDatabase> {
  const location = parseLocation(where);
  const describe = describeLocation(location);
  let opened: OpenedDatabase;
  let tablesCheck: Promise<void> | undefined;
  if (location.kind === 'sqlite') {
    const { db, sqlite, wholeFileCheck, ...checks } = openSqlite(location.file, { checkLater: opts.checkLater, memoryImage: opts.memoryImage });
    opened = { kind: 'sqlite', db, sqlite, wholeFileCheck, location, describe, close: () => db.destroy() };
    tablesCheck = checks.tablesCheck;
  } else {
    if (opts.memoryImage) throw new Error(`${describe}: a copy of a SQLite database opens only in memory`);
    const { db, pool } = await openPostgres(location);
    opened = { kind: 'postgres', db, pool, location, describe, close: () => db.destroy() };
  }
  try {
    // With checkLater: nothing is read for the desk or written before the tables' check (in workers) is back.
    await tablesCheck;
    // A migration rewrites tables: never on a file whose whole check has not come back.
    if (opened.kind === 'sqlite' && opened.wholeFileCheck && migrationState(await appliedMigrations(opened.db as never)).pending > 0)
      await opened.wholeFileCheck;
    await migrate(opened.db as never, { target: opts.migrateTo, schema: location.kind === 'postgres' ? location.schema : undefined });
  } catch (e) {
    await opened.close();
    throw e;
  }
  return opened;
}

/** The SQLite handle, for what only a SQLite file has (online backup, integrity check). */
export function sqliteHandle(opened: OpenedDatabase): BetterSqlite3.Database {
  if (opened.kind !== 'sqlite') throw new Error(`${opened.describe} is a PostgreSQL database; this needs a SQLite file`);
  return opened.sqlite;
}
