/**
 * Frozen. Queue search: an FTS5 trigram index over requests.search_text (SQLite);
 * substrings of names in either script, IDs, mobiles and references in one lookup.
 * Triggers keep it in step with the requests table.
 */
import { type Kysely, sql } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema of their own time
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await sql`CREATE VIRTUAL TABLE requests_fts USING fts5(search_text, content='requests', content_rowid='id', tokenize='trigram')`.execute(db);
  await sql`INSERT INTO requests_fts(rowid, search_text) SELECT id, search_text FROM requests`.execute(db);
  await sql`CREATE TRIGGER requests_fts_insert AFTER INSERT ON requests BEGIN
    INSERT INTO requests_fts(rowid, search_text) VALUES (new.id, new.search_text); END`.execute(db);
  await sql`CREATE TRIGGER requests_fts_delete AFTER DELETE ON requests BEGIN
    INSERT INTO requests_fts(requests_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text); END`.execute(db);
  await sql`CREATE TRIGGER requests_fts_update AFTER UPDATE OF search_text ON requests BEGIN
    INSERT INTO requests_fts(requests_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
    INSERT INTO requests_fts(rowid, search_text) VALUES (new.id, new.search_text); END`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('0050-search-fts cannot be undone: restore a backup instead');
}
