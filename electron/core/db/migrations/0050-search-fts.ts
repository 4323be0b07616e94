/**
 * Frozen. Queue search: a trigram index over requests.search_text, so substrings of names in
 * either script, IDs, mobiles and references are one lookup. SQLite: an FTS5 trigram table kept
 * in step by triggers. PostgreSQL: pg_trgm's GIN index, which LIKE '%…%' uses directly.
 */
import { type Kysely, sql } from 'kysely';
import { isPostgres } from './portable';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema of their own time
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  if (isPostgres(db)) {
    try {
      // In public, where every desk schema finds it and no desk's DROP SCHEMA takes it away (see 0200).
      await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public`.execute(db);
    } catch (e) {
      throw new Error(
        `the pg_trgm extension is missing and this role may not create it; a database owner runs CREATE EXTENSION pg_trgm once (${String(e)})`,
      );
    }
    await sql`CREATE INDEX requests_search_trgm ON requests USING gin (search_text gin_trgm_ops)`.execute(db);
    return;
  }
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
