import { dirname, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from './schema';
import { withStatementCache } from './statement-cache';
import { inMemory } from './location';
import { prepareDatabaseFile, privateFile } from '../files/private-files';
import { defaultDataFolder } from '../desk/data-folder';
import { checkFileInWorker } from './check-in-worker';

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

/** The tables checked before serving: every table (with its indexes) but the attachments' bytes, the requests first (the largest). */
function tablesToCheck(sqlite: BetterSqlite3.Database): string[] {
  const tables = sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'`).pluck().all() as string[];
  return tables.filter((t) => !CHECKED_LATER.includes(t)).sort((a, b) => Number(b === 'requests') - Number(a === 'requests'));
}

/** A worker holding a read-only connection that answers each table name it is sent with that table's quick_check. */
const TABLE_CHECKER = `
  const { parentPort, workerData } = require('node:worker_threads');
  let db, opening;
  try { db = new (require(workerData.driver))(workerData.file, { readonly: true, fileMustExist: true }); } catch (e) { opening = e instanceof Error ? e.message : String(e); }
  parentPort.on('message', (table) => {
    let check = opening;
    if (check === undefined) {
      try { check = String(db.pragma('quick_check("' + table.replace(/"/g, '""') + '")', { simple: true })); } catch (e) { check = e instanceof Error ? e.message : String(e); }
    }
    parentPort.postMessage(check);
  });`;

/**
 * Worker threads for the tables' check. One: it runs beside the main thread, which loads the desk's code
 * meanwhile (electron/host/serve.ts). Two, each taking the next table, were slower on the busy two-core
 * bench machine at 100,000 requests (6.3, 8.2, 6.3 s against 3.8, 7.3, 5.2 s for one; load average 46).
 */
const TABLE_CHECKERS = 1;

/**
 * The tables' quick_checks off the main thread, each checker taking the next table as it finishes: the
 * check that stands between opening a 100,000-request file and serving it (issue #18). Answers 'ok' or
 * the first damage found; the workers end with it.
 */
function checkTablesInWorkers(file: string, tables: string[]): Promise<string> {
  const queue = [...tables];
  let found = 'ok';
  return new Promise((resolvePromise) => {
    const workers = Array.from({ length: Math.min(TABLE_CHECKERS, queue.length) }, () => {
      const worker = new Worker(TABLE_CHECKER, { eval: true, workerData: { file, driver: require.resolve('better-sqlite3') } });
      worker.unref();
      return worker;
    });
    let running = workers.length;
    if (running === 0) return resolvePromise(found);
    const next = (worker: Worker) => {
      const table = found === 'ok' ? queue.shift() : undefined;
      if (table !== undefined) return worker.postMessage(table);
      void worker.terminate();
      if (--running === 0) resolvePromise(found);
    };
    for (const worker of workers) {
      worker.on('message', (check: string) => {
        if (check !== 'ok' && found === 'ok') found = check;
        next(worker);
      });
      worker.once('error', (e) => {
        if (found === 'ok') found = e.message;
        next(worker);
      });
      next(worker);
    }
  });
}

/**
 * A SQLite file with the durability settings of architecture.md (WAL, synchronous=FULL, foreign
 * keys), its folder created if need be. A damaged file is refused before anything touches it.
 *
 * `checkLater` (the host and the app, issue #18): the full check of a 400 MB file was most of the start, nearly all
 * of it spent on the attachments' bytes. Every other table and index is checked first, in a worker thread
 * (`tablesCheck`, which the caller awaits before anything is written: connection.ts); then the whole file in a
 * worker, whose verdict is `wholeFileCheck` (the desk stops and names the backup if it fails).
 */
export function openSqlite(
  file: string,
  opts: { checkLater?: boolean; memoryImage?: Buffer } = {},
): { db: Kysely<Database>; sqlite: BetterSqlite3.Database; tablesCheck?: Promise<void>; wholeFileCheck?: Promise<void> } {
  const onDisk = !inMemory({ kind: 'sqlite', file });
  if (opts.memoryImage && onDisk) throw new Error(`${file}: a copy of a database opens only in memory, not over a file`);
  // Personal data: the file (and so its WAL and SHM) 0600, in a 0700 folder when the folder is the desk's own.
  if (onDisk) prepareDatabaseFile(file, resolve(dirname(file)) === resolve(defaultDataFolder()));
  // From a copy: better-sqlite3 opens a serialized database in memory.
  const sqlite = new BetterSqlite3(opts.memoryImage ?? file);
  let tables: string[] = [];
  try {
    sqlite.pragma('journal_mode = WAL');
    if (onDisk) for (const f of [`${file}-wal`, `${file}-shm`]) privateFile(f);
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    const later = opts.checkLater === true && onDisk;
    // Later: the schema is read now (a damaged one refuses the file at once), its tables checked in workers below.
    const check = later ? verdict(() => ((tables = tablesToCheck(sqlite)), 'ok')) : verdict(() => sqlite.pragma('quick_check', { simple: true }));
    if (check !== 'ok') throw damaged(file, check);
  } catch (e) {
    sqlite.close();
    throw e;
  }
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: process.env.MUMARIS_NO_STATEMENT_CACHE ? sqlite : withStatementCache(sqlite) }),
  });
  if (opts.checkLater !== true || !onDisk) return { db, sqlite };
  const tablesCheck = checkTablesInWorkers(file, tables).then((check) => {
    if (check !== 'ok') throw damaged(file, check);
  });
  // After the tables: the whole file's check would otherwise take the core the tables' check and the desk's start share.
  const wholeFileCheck = tablesCheck
    .then(() => checkFileInWorker(file, 'quick_check'))
    .then((check) => {
      if (check !== 'ok') throw damaged(file, check);
    });
  // Seen by whoever awaits them; never an unhandled rejection when the desk closes first.
  tablesCheck.catch(() => undefined);
  wholeFileCheck.catch(() => undefined);
  return { db, sqlite, tablesCheck, wholeFileCheck };
}
