/**
 * `desk blobs verify`: every blob a row names is present and whole, wherever the row says it is;
 * each problem names the requests and files that use the blob.
 */
import { sql } from 'kysely';
import type { DeskDb } from '../db/connection';
import { BlobCorruptError, BlobMissingError, type BlobStore } from './blob-store';
import { sha256Of } from './hash';

export interface BlobProblem {
  sha256: string;
  problem: 'missing' | 'corrupt' | 'other_store';
  stored: string;
  /** The attachments that use it: request reference and file name. */
  usedBy: Array<{ reference: string; fileName: string }>;
}

export interface VerifyResult {
  checked: number;
  inDatabase: number;
  inStore: number;
  bytes: number;
  problems: BlobProblem[];
}

export async function verifyBlobs(db: DeskDb, store: BlobStore, onProgress?: (done: number) => void): Promise<VerifyResult> {
  const out: VerifyResult = { checked: 0, inDatabase: 0, inStore: 0, bytes: 0, problems: [] };
  const problem = async (sha256: string, kind: BlobProblem['problem'], stored: string) => {
    const usedBy = await db
      .selectFrom('attachments as a')
      .innerJoin('requests as r', 'r.id', 'a.request_id')
      .select(['r.reference', 'a.file_name as fileName'])
      .where('a.sha256', '=', sha256)
      .orderBy('a.id')
      .limit(20)
      .execute();
    out.problems.push({ sha256, problem: kind, stored, usedBy });
  };
  let after = '';
  for (;;) {
    // Keyset pages; the bytes of rows kept in the database are read a page at a time.
    const page = await db
      .selectFrom('attachment_blobs')
      .select(['sha256', 'stored', 'size', sql<number>`case when data is null then 0 else 1 end`.as('in_row')])
      .where('sha256', '>', after)
      .orderBy('sha256')
      .limit(200)
      .execute();
    for (const row of page) {
      out.checked++;
      out.bytes += row.size;
      if (Number(row.in_row) === 1) {
        out.inDatabase++;
        const { data } = await db.selectFrom('attachment_blobs').select('data').where('sha256', '=', row.sha256).executeTakeFirstOrThrow();
        if (!data || sha256Of(data) !== row.sha256) await problem(row.sha256, 'corrupt', row.stored);
        continue;
      }
      out.inStore++;
      if (row.stored !== store.kind) {
        await problem(row.sha256, 'other_store', row.stored);
        continue;
      }
      try {
        await store.get(row.sha256);
      } catch (e) {
        if (e instanceof BlobMissingError) await problem(row.sha256, 'missing', row.stored);
        else if (e instanceof BlobCorruptError) await problem(row.sha256, 'corrupt', row.stored);
        else throw e;
      }
    }
    onProgress?.(out.checked);
    if (page.length < 200) return out;
    after = page[page.length - 1]!.sha256;
  }
}
