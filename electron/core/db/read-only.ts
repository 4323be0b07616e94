/**
 * The database opened for looking only (`desk audit verify`, the Audit page's check): no
 * migration, no policy, no key, no audit entry; SQLite opened with `readonly: true`, PostgreSQL in
 * read-only transactions. A check that writes to what it checks would not be worth much.
 */
import { existsSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { DeskPostgresDialect } from './schema-introspector';
import type { Database } from './schema';
import type { DeskDb, OpenedDatabase } from './connection';
import { describeLocation, inMemory, parseLocation, type DatabaseLocation } from './location';
import { postgresPool, sessionOptions } from './postgres-connection';

export interface ReadOnlyDatabase {
  db: DeskDb;
  location: DatabaseLocation;
  describe: string;
  close(): Promise<void>;
}

/** The desk's own tables must be there: verifying something else is a mistake to name, not an empty chain. */
async function mustBeDesk(db: DeskDb, describe: string): Promise<void> {
  try {
    await db.selectFrom('audit_log').select('seq').limit(1).execute();
  } catch (e) {
    throw new Error(`${describe} is not a desk database (no audit log: ${e instanceof Error ? e.message : String(e)})`);
  }
}

/**
 * A SQLite file read-only. In WAL mode SQLite needs its shared-memory index beside the file; when
 * nobody has the file open (a copy, a closed desk) opening it read-only leaves an empty `-wal` and
 * `-shm` behind, so those are tidied the way SQLite's own last close does it (under its locks; the
 * database file itself is not touched).
 */
function openSqliteReadOnly(file: string): { db: DeskDb; close(): Promise<void> } {
  if (!existsSync(file)) throw new Error(`the database file ${file} does not exist`);
  const hadSidecars = existsSync(`${file}-wal`) || existsSync(`${file}-shm`);
  const sqlite = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return {
    db,
    async close() {
      await db.destroy();
      if (hadSidecars || !existsSync(`${file}-shm`)) return;
      try {
        const tidy = new BetterSqlite3(file, { fileMustExist: true });
        tidy.prepare('select count(*) from sqlite_master').get();
        tidy.close();
      } catch {
        /* leaving two empty files is no harm */
      }
    },
  };
}

/** Opens `where` (a SQLite file or a postgres:// URL) for reading only. */
export async function openReadOnly(where: string): Promise<ReadOnlyDatabase> {
  const location = parseLocation(where);
  const describe = describeLocation(location);
  let opened: { db: DeskDb; close(): Promise<void> };
  if (location.kind === 'sqlite') {
    if (inMemory(location)) throw new Error('an in-memory database has nothing to verify');
    opened = openSqliteReadOnly(location.file);
  } else {
    // Every transaction of this pool is read-only: the server refuses any write.
    const pool = postgresPool(location, {
      max: 1,
      options: sessionOptions(location, '-c default_transaction_read_only=on'),
    });
    const db = new Kysely<Database>({ dialect: new DeskPostgresDialect({ pool }, location.schema) });
    opened = { db, close: () => db.destroy() };
  }
  try {
    await mustBeDesk(opened.db, describe);
  } catch (e) {
    await opened.close();
    throw e;
  }
  return { ...opened, location, describe };
}

/**
 * Runs `read` on a read-only view of a desk's open database: a second, read-only connection to a
 * SQLite file; a READ ONLY transaction on PostgreSQL; the database itself when it lives in memory
 * (tests), where there is nothing else to open.
 */
export async function withReadOnly<T>(opened: OpenedDatabase, read: (db: DeskDb) => Promise<T>): Promise<T> {
  if (opened.kind === 'postgres') {
    return opened.db
      .transaction()
      .setAccessMode('read only')
      .execute((trx) => read(trx));
  }
  if (inMemory(opened.location) || opened.location.kind !== 'sqlite') return read(opened.db);
  const ro = openSqliteReadOnly(opened.location.file);
  try {
    return await read(ro.db);
  } finally {
    await ro.close();
  }
}
