/**
 * Frozen. document_dates: the date read from a document's own text (the PDF's text layer or OCR of a scan),
 * per file content (SHA-256), for the employer-letter-date signal (issue #20). Reading a scan takes seconds;
 * kept here, a case opens again at once and `desk check` reuses it. No foreign key to attachment_blobs: a
 * bundle judged before import is read (and kept) before its files are stored. `reader` is the reading's
 * version: a desk that reads better reads again what an older one kept. `reading` is JSON: every date found, with
 * the line and page it came from (which one is the letter's date depends on the request: pick-date.ts).
 */
import { sql, type Kysely } from 'kysely';
import { isPostgres } from './portable';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema of their own time
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  // Kysely runs SQLite migrations outside a transaction: this one makes its own, so a killed run leaves nothing half done.
  if (isPostgres(db)) await change(db);
  else await db.transaction().execute((trx) => change(trx));
}

async function change(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('document_dates')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('reader', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('reading', 'text', (c) => c.notNull())
    .addColumn('millis', 'integer', (c) => c.notNull())
    .addColumn('read_at', 'text', (c) => c.notNull())
    .addCheckConstraint('document_dates_source', sql`source IN ('text-layer', 'ocr', 'none')`)
    .execute();
}
