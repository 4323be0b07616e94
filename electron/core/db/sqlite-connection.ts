import { dirname, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from './schema';
import { withStatementCache } from './statement-cache';
import { inMemory } from './location';
import { prepareDatabaseFile, privateFile } from '../files/private-files';
import { defaultDataFolder } from '../desk/data-folder';

/** The tables of attachments' bytes: three quarters of a demo file, each blob also checked against its sha256 when read. */
const CHECKED_LATER = ['attachment_blobs'];

const damaged = (file: string, check: string) => new Error(`the database file ${file} is damaged (quick_check: ${check}); it was not changed`);

/** A quick_check's verdict; a damaged file can also make the check itself fail (a broken index or virtual table). */
function verdict(check: () => unknown): string {
  try {
    return String(check());
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/** quick_check of every table and its indexes but the attachments' bytes. */
function checkTables(sqlite: BetterSqlite3.Database): string {
  return verdict(() => {
    const tables = sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'`).pluck().all() as string[];
    for (const table of tables.filter((t) => !CHECKED_LATER.includes(t))) {
      const check = String(sqlite.pragma(`quick_check("${table.replace(/"/g, '""')}")`, { simple: true }));
      if (check !== 'ok') return check;
    }
    return 'ok';
  });
}

/**
 * The whole file's quick_check on its own read-only connection in a worker thread, so the desk serves meanwhile
 * on the other core. The worker is source text: the bundled host and the app have no worker file to point at.
 */
function checkFileInWorker(file: string): Promise<void> {
  const source = `
    const { parentPort, workerData } = require('node:worker_threads');
    let check;
    try {
      const db = new (require(workerData.driver))(workerData.file, { readonly: true, fileMustExist: true });
      try { check = String(db.pragma('quick_check', { simple: true })); } finally { db.close(); }
    } catch (e) { check = e instanceof Error ? e.message : String(e); }
    parentPort.postMessage(check);`;
  return new Promise((resolvePromise, reject) => {
    const worker = new Worker(source, { eval: true, workerData: { file, driver: require.resolve('better-sqlite3') } });
    worker.unref();
    worker.once('message', (check: string) => (check === 'ok' ? resolvePromise() : reject(damaged(file, check))));
    worker.once('error', reject);
  });
}

/**
 * A SQLite file with the durability settings of architecture.md (WAL, synchronous=FULL, foreign
 * keys), its folder created if need be. A damaged file is refused before anything touches it.
 *
 * `checkLater` (the host, issue #18): the full check of a 400 MB file was most of the start, nearly all of it spent
 * on the attachments' bytes. Every other table and index is checked now, before anything is written; the whole
 * file in a worker, whose verdict is `wholeFileCheck` (the host stops and names the backup if it fails).
 */
export function openSqlite(
  file: string,
  opts: { checkLater?: boolean } = {},
): { db: Kysely<Database>; sqlite: BetterSqlite3.Database; wholeFileCheck?: Promise<void> } {
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
    const later = opts.checkLater === true && onDisk;
    const check = later ? checkTables(sqlite) : verdict(() => sqlite.pragma('quick_check', { simple: true }));
    if (check !== 'ok') throw damaged(file, check);
  } catch (e) {
    sqlite.close();
    throw e;
  }
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: process.env.MUMARIS_NO_STATEMENT_CACHE ? sqlite : withStatementCache(sqlite) }),
  });
  if (opts.checkLater !== true || !onDisk) return { db, sqlite };
  const wholeFileCheck = checkFileInWorker(file);
  // Seen by whoever awaits it; never an unhandled rejection when the desk closes first.
  wholeFileCheck.catch(() => undefined);
  return { db, sqlite, wholeFileCheck };
}
