/**
 * The database as a blob store: the bytes in attachment_blobs.data, as every desk kept them before
 * the blob stores (and as in-memory and PostgreSQL desks without a bucket still do). Its rows are its
 * blobs: put writes the bytes into the row (making it if need be), delete removes a row no attachment uses.
 */
import type { DeskDb } from '../db/connection';
import { assertSha256, BlobMissingError, type BlobStore, type StoredBlob } from './blob-store';
import { checked } from './hash';

export function databaseStore(db: DeskDb): BlobStore {
  return {
    kind: 'database',
    async put(sha256, bytes, mime) {
      assertSha256(sha256);
      checked(sha256, bytes);
      const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      await db
        .insertInto('attachment_blobs')
        .values({ sha256, size: bytes.length, mime, data, stored: 'database' })
        .onConflict((oc) => oc.column('sha256').doUpdateSet({ data, stored: 'database' }))
        .execute();
    },
    async get(sha256) {
      assertSha256(sha256);
      const row = await db.selectFrom('attachment_blobs').select('data').where('sha256', '=', sha256).executeTakeFirst();
      if (!row?.data) throw new BlobMissingError(sha256);
      return checked(sha256, row.data);
    },
    async has(sha256) {
      assertSha256(sha256);
      const row = await db
        .selectFrom('attachment_blobs')
        .select('sha256')
        .where('sha256', '=', sha256)
        .where('data', 'is not', null)
        .executeTakeFirst();
      return row !== undefined;
    },
    async delete(sha256) {
      assertSha256(sha256);
      // A row an attachment still names is never removed (the foreign key would refuse it anyway).
      await db
        .deleteFrom('attachment_blobs')
        .where('sha256', '=', sha256)
        .where(({ not, exists, selectFrom }) => not(exists(selectFrom('attachments').select('id').where('attachments.sha256', '=', sha256))))
        .execute();
    },
    async *list(): AsyncIterable<StoredBlob> {
      // Keyset pages, so a large table is never held in memory at once.
      let after = '';
      for (;;) {
        const page = await db
          .selectFrom('attachment_blobs')
          .select(['sha256', 'size'])
          .where('data', 'is not', null)
          .where('sha256', '>', after)
          .orderBy('sha256')
          .limit(500)
          .execute();
        for (const r of page) yield { sha256: r.sha256, storedAt: null, size: r.size };
        if (page.length < 500) return;
        after = page[page.length - 1]!.sha256;
      }
    },
  };
}
