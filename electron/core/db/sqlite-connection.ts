import { dirname, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from './schema';
import { withStatementCache } from './statement-cache';
import { inMemory } from './location';
import { prepareDatabaseFile, privateFile } from '../files/private-files';
import { defaultDataFolder } from '../data-folder';

/**
 * A SQLite file with the durability settings of architecture.md (WAL, synchronous=FULL, foreign
 * keys), its folder created if need be. A damaged file is refused before anything touches it.
 */
export function openSqlite(file: string): { db: Kysely<Database>; sqlite: BetterSqlite3.Database } {
  const onDisk = !inMemory({ kind: 'sqlite', file });
  // Personal data: the file (and so its WAL and SHM) 0600, in a 0700 folder when the folder is the desk's own.
  if (onDisk) prepareDatabaseFile(file, resolve(dirname(file)) === resolve(defaultDataFolder()));
  const sqlite = new BetterSqlite3(file);
  try {
    sqlite.pragma('journal_mode = WAL');
    if (onDisk) for (const f of [`${file}-wal`, `${file}-shm`]) privateFile(f);
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // A damaged file can also make the check itself fail (a broken index or virtual table).
    let check: unknown;
    try {
      check = sqlite.pragma('quick_check', { simple: true });
    } catch (e) {
      check = e instanceof Error ? e.message : String(e);
    }
    if (check !== 'ok') throw new Error(`the database file ${file} is damaged (quick_check: ${String(check)}); it was not changed`);
  } catch (e) {
    sqlite.close();
    throw e;
  }
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: process.env.MUMARIS_NO_STATEMENT_CACHE ? sqlite : withStatementCache(sqlite) }),
  });
  return { db, sqlite };
}
