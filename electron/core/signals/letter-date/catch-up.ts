/**
 * Reads, in the background, the employer letters of waiting requests that have no kept reading yet (letters
 * imported or seeded since the last round), newest first, one at a time: a reviewer opening the case finds
 * the date already read, and the dashboard can count the signal. OCR runs in its worker thread; the pauses
 * between files leave the desk's thread to the people using it.
 */
import type { DeskDb } from '../../db/connection';
import type { BlobStore } from '../../blobs/blob-store';
import { attachmentBytes } from '../../blobs/attachment-blobs';
import { FINAL_STATUSES } from '../../../../shared/domain';
import { documentReading } from './document-reading';
import { READER_VERSION } from './reading';

const ROUND = 100;
const PAUSE_MS = 200;
const EVERY_MS = 10 * 60_000;
const FIRST_AFTER_MS = 30_000;

/** One round: reads up to `limit` unread letters; says how many were read and which could not be. */
export async function readWaitingLetters(
  db: DeskDb,
  blobs: BlobStore,
  limit = ROUND,
  pauseMs = PAUSE_MS,
): Promise<{ read: number; failed: string[] }> {
  const rows = await db
    .selectFrom('attachments as a')
    .innerJoin('requests as r', 'r.id', 'a.request_id')
    .innerJoin('attachment_blobs as b', 'b.sha256', 'a.sha256')
    .select(['a.id', 'a.kind', 'a.file_name', 'a.sha256', 'a.issued_at', 'b.mime', 'b.data', 'b.stored', 'r.reference'])
    .where('a.kind', '=', 'employer_letter')
    .where('r.status', 'not in', [...FINAL_STATUSES])
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('document_dates as d').select('d.sha256').whereRef('d.sha256', '=', 'a.sha256').where('d.reader', '=', READER_VERSION))),
    )
    .orderBy('r.submitted_at', 'desc')
    .limit(limit)
    .execute();
  const done = { read: 0, failed: [] as string[] };
  for (const r of rows) {
    const label = { reference: r.reference, fileName: r.file_name };
    try {
      await documentReading(
        db,
        {
          id: r.id,
          kind: r.kind,
          fileName: r.file_name,
          mime: r.mime,
          sha256: r.sha256,
          issuedAt: r.issued_at,
          bytes: () => attachmentBytes(blobs, r, label),
        },
        true,
      );
      done.read += 1;
    } catch (e) {
      // A missing file is named and skipped; the case view says the same when the letter is opened.
      done.failed.push(`${r.reference} ${r.file_name}: ${e instanceof Error ? e.message : String(e)}`);
    }
    await new Promise((resume) => setTimeout(resume, pauseMs));
  }
  return done;
}

/** Rounds shortly after the desk starts and every ten minutes; returns the stop. */
export function scheduleLetterReading(db: DeskDb, blobs: BlobStore, log: (line: string) => void): () => void {
  let running = false;
  const round = async () => {
    if (running) return;
    running = true;
    try {
      const { read, failed } = await readWaitingLetters(db, blobs);
      if (read > 0) log(`employer letters: ${read} read for their printed date`);
      for (const f of failed) log(`employer letter not read: ${f}`);
    } catch (e) {
      log(`reading employer letters failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void round(), FIRST_AFTER_MS);
  const timer = setInterval(() => void round(), EVERY_MS);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
