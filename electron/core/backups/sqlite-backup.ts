import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { migrationState } from '../db/migrate';
import { DeskFault } from '../errors';
import { sqliteHandle, type OpenedDatabase } from '../db/connection';
import { createPrivateFile, privateFile } from '../files/private-files';
import { checkFileInWorker } from '../db/check-in-worker';

/** An online backup (SQLite's backup API): the desk keeps working while it runs. */
export async function backupTo(opened: OpenedDatabase, file: string): Promise<{ file: string; pages: number }> {
  const tmp = `${file}.partial`;
  rmSync(tmp, { force: true });
  // Made 0600 before SQLite writes into it: a backup is never readable by others, not even while written.
  createPrivateFile(tmp);
  const r = await sqliteHandle(opened).backup(tmp);
  renameSync(tmp, file);
  return { file, pages: r.totalPages };
}

/** Checks a backup file before it may replace anything: whole, and not from a newer desk. */
export function inspectBackup(file: string): { migrations: string[] } {
  mustExist(file);
  return inspected(file, (db) => db.pragma('integrity_check', { simple: true }));
}

/**
 * inspectBackup with the integrity check (every page of the copy read) in a worker thread: a scheduled backup of a
 * large desk stopped every call for seconds while its copy was checked (8 s at 100,000 requests with their files).
 */
export async function inspectBackupAside(file: string): Promise<{ migrations: string[] }> {
  mustExist(file);
  const check = await checkFileInWorker(file, 'integrity_check');
  return inspected(file, () => check);
}

function mustExist(file: string): void {
  if (!existsSync(file)) throw new DeskFault('bad_input', `backup ${file} does not exist`, `النسخة الاحتياطية ${file} غير موجودة`);
}

/** The backup's integrity as `check` finds it, then its migrations: none newer than this desk knows (the file is there). */
function inspected(file: string, check: (db: BetterSqlite3.Database) => unknown): { migrations: string[] } {
  let db: BetterSqlite3.Database | undefined;
  try {
    db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    const found = check(db);
    if (found !== 'ok') throw new DeskFault('bad_input', `backup ${file} fails integrity_check (${String(found)})`, `النسخة ${file} تالفة`);
    const names = (db.prepare('SELECT name FROM kysely_migration ORDER BY name').all() as Array<{ name: string }>).map((r) => r.name);
    const newer = migrationState(names).newer[0];
    if (newer) throw new DeskFault('bad_input', `backup ${file} comes from a newer desk (migration ${newer})`, `النسخة ${file} من إصدار أحدث`);
    return { migrations: names };
  } catch (e) {
    if (e instanceof DeskFault) throw e;
    throw new DeskFault(
      'bad_input',
      `backup ${file} is not a desk database: ${e instanceof Error ? e.message : String(e)}`,
      `الملف ${file} ليس نسخة احتياطية صالحة`,
    );
  } finally {
    db?.close();
  }
}

/** Replaces the (closed) database file with a checked backup; the old file is kept beside it. */
export function restoreFrom(backupFile: string, databaseFile: string): { previous: string | null } {
  inspectBackup(backupFile);
  const tmp = `${databaseFile}.restoring`;
  copyFileSync(backupFile, tmp);
  let previous: string | null = null;
  if (existsSync(databaseFile)) {
    previous = `${databaseFile}.before-restore-${Date.now()}`;
    renameSync(databaseFile, previous);
  }
  for (const suffix of ['-wal', '-shm']) rmSync(databaseFile + suffix, { force: true });
  renameSync(tmp, databaseFile);
  privateFile(databaseFile);
  return { previous };
}
