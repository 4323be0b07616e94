/**
 * Frozen, like the migrations that use it. The few column types and statements where SQLite
 * and PostgreSQL differ. Under SQLite every helper emits exactly what the migrations emitted
 * before PostgreSQL was supported (pinned by the schema snapshot in migrate.test.ts).
 */
import { PostgresAdapter, sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema of their own time
type AnyDb = Kysely<any>;

/** Kysely keeps the adapter on its executor; it is the one place the dialect is known. */
export function isPostgres(db: AnyDb): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** A surrogate key: `integer primary key autoincrement` on SQLite, an identity column on PostgreSQL. */
export function serialKey(db: AnyDb) {
  return (c: ColumnDefinitionBuilder) => (isPostgres(db) ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement());
}

/** Binary data: SQLite's blob is PostgreSQL's bytea. */
export const binaryType = (db: AnyDb) => (isPostgres(db) ? 'bytea' : 'blob');

/** Fractional numbers (CPD hours): SQLite's real is 8 bytes; PostgreSQL's real is only 4. */
export const fractionType = (db: AnyDb) => (isPostgres(db) ? 'double precision' : 'real');

/** Refuses UPDATE and DELETE on `table`, with `message`. */
export async function appendOnly(db: AnyDb, table: string, message: string): Promise<void> {
  if (isPostgres(db)) {
    const fn = sql.raw(`${table}_append_only`);
    await sql`CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION '${sql.raw(message)}'; END $$`.execute(db);
    await sql`CREATE TRIGGER ${sql.raw(`${table}_no_update`)} BEFORE UPDATE ON ${sql.table(table)} FOR EACH ROW EXECUTE FUNCTION ${fn}()`.execute(db);
    await sql`CREATE TRIGGER ${sql.raw(`${table}_no_delete`)} BEFORE DELETE ON ${sql.table(table)} FOR EACH ROW EXECUTE FUNCTION ${fn}()`.execute(db);
    return;
  }
  await sql`CREATE TRIGGER ${sql.raw(`${table}_no_update`)} BEFORE UPDATE ON ${sql.raw(table)}
    BEGIN SELECT RAISE(ABORT, '${sql.raw(message)}'); END`.execute(db);
  await sql`CREATE TRIGGER ${sql.raw(`${table}_no_delete`)} BEFORE DELETE ON ${sql.raw(table)}
    BEGIN SELECT RAISE(ABORT, '${sql.raw(message)}'); END`.execute(db);
}
