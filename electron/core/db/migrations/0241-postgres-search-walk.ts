/**
 * Frozen. PostgreSQL: a search for a common word (a family name, a first name, a few digits) matches tens of
 * thousands of requests at a million; its first page walks the queue's order and tests each request's search text
 * until the page is full. On requests_submitted that read each request's row from the table (20,000 rows read for a
 * page of "1234", 3 s cold). This index carries the search text beside the order, so the walk reads the index
 * alone, a seventh of the pages. SQLite walks its FTS5 match list instead (dialect.ts searchMatches): nothing there.
 */
import { sql, type Kysely } from 'kysely';
import { isPostgres } from './portable';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema of their own time
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`CREATE INDEX requests_submitted_search ON requests (submitted_at, id) INCLUDE (search_text)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('0241-postgres-search-walk cannot be undone: restore a backup instead');
}
