/**
 * A document's reading for the signal: the kept one (document_dates) at once, else a read started in the
 * background (OCR runs in its worker thread) while the case view shows "reading the document…", or, for a
 * caller that must answer now (`desk check`), the read awaited. A file asked for again while it is being
 * read is read once.
 */
import type { DeskDb } from '../../db/connection';
import type { SubjectAttachment } from '../signal';
import { keepReading, keptReading } from './document-dates';
import { readDocument } from './read-document';
import type { DocumentReading } from './reading';

const inFlight = new WeakMap<DeskDb, Map<string, Promise<DocumentReading>>>();
/** Why a background read failed (a file missing from the store), told once at the next open, which reads again. */
const failed = new WeakMap<DeskDb, Map<string, string>>();

const mapOf = <V>(maps: WeakMap<DeskDb, Map<string, V>>, db: DeskDb): Map<string, V> => {
  let m = maps.get(db);
  if (!m) maps.set(db, (m = new Map()));
  return m;
};

function startReading(db: DeskDb, attachment: SubjectAttachment): Promise<DocumentReading> {
  const reads = mapOf(inFlight, db);
  const running = reads.get(attachment.sha256);
  if (running) return running;
  const read = (async () => {
    const reading = await readDocument(await attachment.bytes(), attachment.mime);
    // A file that cannot be read stays so; OCR that failed (its worker out of memory) may work next time.
    if (!(reading.source === 'ocr' && reading.problem)) await keepReading(db, attachment.sha256, reading, new Date().toISOString());
    return reading;
  })();
  reads.set(attachment.sha256, read);
  void read.then(
    () => reads.delete(attachment.sha256),
    () => reads.delete(attachment.sha256),
  );
  return read;
}

/** The reading, or 'pending' while it runs in the background (`wait` false). */
export async function documentReading(db: DeskDb, attachment: SubjectAttachment, wait: boolean): Promise<DocumentReading | 'pending'> {
  const kept = await keptReading(db, attachment.sha256);
  if (kept) return kept;
  const why = mapOf(failed, db).get(attachment.sha256);
  if (why !== undefined && !wait) {
    mapOf(failed, db).delete(attachment.sha256);
    return { source: 'none', dates: [], pages: 0, characters: 0, languages: null, problem: why, millis: 0 };
  }
  const read = startReading(db, attachment);
  if (wait) return read;
  // Nobody awaits a background read: its failure is kept to be told at the next open.
  read.catch((e: unknown) => mapOf(failed, db).set(attachment.sha256, e instanceof Error ? e.message : String(e)));
  return 'pending';
}

/** Resolves when every background read of `db` has finished (tests, a desk closing). */
export async function readingsSettled(db: DeskDb): Promise<void> {
  await Promise.allSettled([...(inFlight.get(db)?.values() ?? [])]);
}
