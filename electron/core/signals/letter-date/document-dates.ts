/**
 * The document_dates table (migration 0140): a reading kept per file content, so a case opens again at once
 * and `desk check` reuses what the case view read. A reading made by an older reader counts as absent.
 */
import type { DeskDb } from '../../db/connection';
import { READER_VERSION, type DocumentReading } from './reading';

export async function keptReading(db: DeskDb, sha256: string): Promise<DocumentReading | null> {
  const row = await db
    .selectFrom('document_dates')
    .select(['reading'])
    .where('sha256', '=', sha256)
    .where('reader', '=', READER_VERSION)
    .executeTakeFirst();
  return row ? (JSON.parse(row.reading) as DocumentReading) : null;
}

/**
 * Keeps a reading. Two desks may read the same file at once: the newer reader's reading stays, and an
 * equal one is replaced (the same file read by the same reader gives the same dates).
 */
export async function keepReading(db: DeskDb, sha256: string, reading: DocumentReading, at: string): Promise<void> {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`keepReading: "${sha256}" is not a SHA-256 in hex`);
  const row = {
    sha256,
    reader: READER_VERSION,
    source: reading.source,
    reading: JSON.stringify(reading),
    millis: Math.round(reading.millis),
    read_at: at,
  };
  await db
    .insertInto('document_dates')
    .values(row)
    .onConflict((oc) =>
      oc
        .column('sha256')
        .doUpdateSet({ reader: row.reader, source: row.source, reading: row.reading, millis: row.millis, read_at: row.read_at })
        .where('document_dates.reader', '<=', READER_VERSION),
    )
    .execute();
}
