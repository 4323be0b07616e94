/**
 * Garbage collection: removes blobs no attachment_blobs row names, stored longer ago than the grace
 * period. Such blobs come from imports killed between the put and their transaction's commit, bundles
 * refused after their files were put, or a move out of the database interrupted. The grace period
 * spares blobs an import has put and not yet recorded (a put of a hash already there renews its time);
 * gc-lock.ts keeps a collection and imports apart.
 */
import type { DeskDb } from '../db/connection';
import type { BlobStore, StoredBlob } from './blob-store';
import type { FolderStore } from './folder-store';
import { collectionExcludesImports, lockFolderForCollection } from './gc-lock';

export interface GcResult {
  store: BlobStore['kind'];
  examined: number;
  /** Unnamed, but stored within the grace period: kept for now. */
  young: number;
  removed: number;
  bytesFreed: number;
  /** Temporary files of killed writers removed (folder store). */
  temporaries: number;
}

const isFolder = (s: BlobStore): s is FolderStore => s.kind === 'folder' && 'removeIfUnused' in s;

async function named(db: DeskDb, hashes: string[]): Promise<Set<string>> {
  if (hashes.length === 0) return new Set();
  const rows = await db.selectFrom('attachment_blobs').select('sha256').where('sha256', 'in', hashes).execute();
  return new Set(rows.map((r) => r.sha256));
}

export async function collectGarbage(
  db: DeskDb,
  store: BlobStore,
  opts: { graceDays: number; now: Date; batch?: number; onProgress?: (r: GcResult) => void },
): Promise<GcResult> {
  if (!(opts.graceDays >= 0)) throw new Error(`grace days must be 0 or more, not ${opts.graceDays}`);
  const result: GcResult = { store: store.kind, examined: 0, young: 0, removed: 0, bytesFreed: 0, temporaries: 0 };
  // The database's rows are its blobs: nothing there is unnamed.
  if (store.kind === 'database') return result;
  const before = new Date(opts.now.getTime() - opts.graceDays * 86_400_000);
  const unlock = isFolder(store) ? lockFolderForCollection(store.root) : () => undefined;
  try {
    if (isFolder(store)) result.temporaries = await store.sweepTemporaries(before);
    let batch: StoredBlob[] = [];
    const sweep = async () => {
      const candidates = batch;
      batch = [];
      const known = await named(
        db,
        candidates.map((b) => b.sha256),
      );
      const unnamed = candidates.filter((b) => !known.has(b.sha256));
      const young = unnamed.filter((b) => b.storedAt && b.storedAt >= before);
      result.young += young.length;
      const orphans = unnamed.filter((b) => !young.includes(b));
      if (orphans.length === 0) return;
      if (isFolder(store)) {
        for (const b of orphans) {
          const freed = await store.removeIfUnused(b.sha256, before, async () => (await named(db, [b.sha256])).size === 0);
          if (freed > 0) {
            result.removed++;
            result.bytesFreed += freed;
          }
        }
        return;
      }
      // A bucket cannot rename aside: the batch is re-checked and deleted while imports are held off.
      await db.transaction().execute(async (trx) => {
        await collectionExcludesImports(trx);
        const still = await named(
          trx,
          orphans.map((b) => b.sha256),
        );
        for (const b of orphans) {
          if (still.has(b.sha256)) continue;
          await store.delete(b.sha256);
          result.removed++;
          result.bytesFreed += b.size;
        }
      });
    };
    for await (const b of store.list()) {
      result.examined++;
      batch.push(b);
      if (batch.length >= (opts.batch ?? 500)) {
        await sweep();
        opts.onProgress?.(result);
      }
    }
    await sweep();
    opts.onProgress?.(result);
    return result;
  } finally {
    unlock();
  }
}
