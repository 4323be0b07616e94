/**
 * Garbage collection and imports kept apart. On PostgreSQL an advisory lock: an import's transaction
 * takes it shared while it records blob rows, a collection takes it exclusive while it re-checks and
 * deletes a batch (so it never deletes while an import is about to name a blob, and an import waits
 * for the batch). A folder store (SQLite) needs no such lock for safety (folder-store.ts
 * removeIfUnused renames aside and re-checks), only one collection at a time: a lock file.
 */
import { sql } from 'kysely';
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { dialectOf } from '../db/dialect';
import type { Trx } from '../cases/apply-transition';
import type { DeskDb } from '../db/connection';
import { DeskFault } from '../errors';

const KEY = 'blob-gc';

/** In an import's transaction, before it records a row naming a blob outside the database. */
export async function importSharesBlobs(trx: Trx | DeskDb): Promise<void> {
  if (dialectOf(trx) === 'postgres') await sql`select pg_advisory_xact_lock_shared(hashtext(${KEY}))`.execute(trx);
}

/** In a collection's transaction: waits for imports recording blob rows, and holds new ones off until it commits. */
export async function collectionExcludesImports(trx: Trx): Promise<void> {
  if (dialectOf(trx) === 'postgres') await sql`select pg_advisory_xact_lock(hashtext(${KEY}))`.execute(trx);
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** One collection at a time in a folder: `<root>/.gc.lock` holds the collector's pid; one left by a killed collector is taken over. */
export function lockFolderForCollection(root: string): () => void {
  const file = join(root, '.gc.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(readFileSync(file, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && alive(pid))
        throw new DeskFault('locked', `another garbage collection (process ${pid}) is running on ${root}`, 'تنظيف آخر للمخزن قيد التشغيل');
      rmSync(file, { force: true });
    }
  }
  throw new DeskFault('locked', `could not take ${file}`, 'تعذر حجز مخزن المرفقات');
}
