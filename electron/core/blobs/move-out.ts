/**
 * `desk blobs migrate`: moves attachments' bytes out of the database into the desk's blob store, in
 * batches. Each batch is put into the store first, then one transaction empties those rows' data
 * and records where the bytes went: killed at any moment (kill -9 included), a run loses nothing and
 * the next one carries on (a blob put twice is the same blob). At the end the database gives back
 * the space (SQLite VACUUM; PostgreSQL VACUUM makes it reusable, VACUUM FULL would give it back).
 */
import { sql } from 'kysely';
import type { DeskDb } from '../db/connection';
import { dialectOf } from '../db/dialect';
import { DeskFault } from '../errors';
import { BlobCorruptError, type BlobStore } from './blob-store';
import { sha256Of } from './hash';

export interface MoveProgress {
  moved: number;
  bytes: number;
  /** Rows still in the database when this run began. */
  total: number;
}

export interface MoveResult extends MoveProgress {
  store: BlobStore['kind'];
  /** The database's size before and after its VACUUM (bytes); null when it was not run. */
  vacuum: { before: number; after: number } | null;
}

/** SQLite: pages × page size; PostgreSQL: attachment_blobs with its TOAST and indexes. */
async function databaseBytes(db: DeskDb): Promise<number> {
  if (dialectOf(db) === 'postgres') {
    const r = await sql<{ n: string }>`select pg_total_relation_size('attachment_blobs') as n`.execute(db);
    return Number(r.rows[0]!.n);
  }
  const r = await sql<{ n: number }>`select page_count * page_size as n from pragma_page_count(), pragma_page_size()`.execute(db);
  return Number(r.rows[0]!.n);
}

export async function moveBlobsOut(
  db: DeskDb,
  store: BlobStore,
  opts: { batch?: number; vacuum?: boolean; onProgress?: (p: MoveProgress) => void } = {},
): Promise<MoveResult> {
  if (store.kind === 'database')
    throw new DeskFault(
      'bad_input',
      'this desk keeps attachments in the database (no folder or bucket is configured): there is nowhere to move them',
      'يحفظ هذا المكتب المرفقات في قاعدة البيانات: لا مخزن آخر لنقلها إليه',
    );
  const batch = opts.batch ?? 200;
  const total = Number(
    (
      await db
        .selectFrom('attachment_blobs')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('stored', '=', 'database')
        .executeTakeFirstOrThrow()
    ).n,
  );
  const progress: MoveProgress = { moved: 0, bytes: 0, total };
  for (;;) {
    const rows = await db
      .selectFrom('attachment_blobs')
      .select(['sha256', 'mime', 'data'])
      .where('stored', '=', 'database')
      .orderBy('sha256')
      .limit(batch)
      .execute();
    if (rows.length === 0) break;
    for (const r of rows) {
      // Damaged bytes are never copied on as if whole: the move stops and names the blob.
      if (!r.data || sha256Of(r.data) !== r.sha256)
        throw new BlobCorruptError(r.sha256, r.data ? sha256Of(r.data) : 'nothing', 'in the database, not moved');
      await store.put(r.sha256, r.data, r.mime);
    }
    // Only now, with every blob of the batch durable in the store, do the rows let go of their bytes.
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('attachment_blobs')
        .set({ data: null, stored: store.kind })
        .where(
          'sha256',
          'in',
          rows.map((r) => r.sha256),
        )
        .where('stored', '=', 'database')
        .execute();
    });
    progress.moved += rows.length;
    progress.bytes += rows.reduce((n, r) => n + (r.data?.length ?? 0), 0);
    opts.onProgress?.({ ...progress });
  }
  let vacuum: MoveResult['vacuum'] = null;
  if (opts.vacuum !== false) {
    const before = await databaseBytes(db);
    if (dialectOf(db) === 'postgres') await sql`VACUUM (ANALYZE) attachment_blobs`.execute(db);
    else {
      await sql`VACUUM`.execute(db);
      // The WAL held the copied pages; a truncating checkpoint gives that space back too.
      await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
    }
    vacuum = { before, after: await databaseBytes(db) };
  }
  return { ...progress, store: store.kind, vacuum };
}
