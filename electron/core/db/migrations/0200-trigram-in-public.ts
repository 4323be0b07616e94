/**
 * Frozen. PostgreSQL only: pg_trgm lives in `public`, where every desk schema finds it (each desk's
 * search_path is `<schema>, public`). 0050 once created it without a schema, so it went into the first
 * desk schema that migrated; dropping that schema (a desk removed, a test torn down) then dropped the
 * extension with CASCADE, every other desk's trigram index with it, and the next desk's migration failed
 * ("operator class gin_trgm_ops does not exist"). A database where that happened keeps working once the
 * extension is moved; SQLite is untouched.
 */
import { sql, type Kysely } from 'kysely';
import { isPostgres } from './portable';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema of their own time
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  if (!isPostgres(db)) return;
  const found = await sql<{ schema: string }>`
    SELECT n.nspname AS schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'`.execute(db);
  const schema = found.rows[0]?.schema;
  if (schema === undefined || schema === 'public') return;
  try {
    await sql`ALTER EXTENSION pg_trgm SET SCHEMA public`.execute(db);
  } catch (e) {
    throw new Error(
      `pg_trgm is installed in the schema "${schema}", which dropping that desk would remove for every desk; a database owner runs ALTER EXTENSION pg_trgm SET SCHEMA public once (${String(e)})`,
    );
  }
}

export async function down(): Promise<void> {
  throw new Error('0200-trigram-in-public cannot be undone: restore a backup instead');
}
