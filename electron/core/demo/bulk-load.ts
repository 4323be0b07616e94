/**
 * PostgreSQL's advice for filling tables ("Populating a Database"): drop their indexes and foreign keys, load,
 * then build the indexes once from the whole table and check each key with one join instead of row by row. In
 * the caller's transaction: the definitions are read from the catalogue and put back exactly before it commits,
 * and a failed load rolls the drops back with everything else.
 */
import { sql } from 'kysely';
import type { Trx } from '../db/transaction';

/** Runs `load` with `tables`' secondary indexes and foreign keys (theirs and those naming them) set aside. */
export async function withoutIndexesAndKeys<T>(trx: Trx, tables: readonly string[], load: () => Promise<T>): Promise<T> {
  const keys = (
    await sql<{ name: string; on: string; def: string }>`
      SELECT c.conname AS name, c.conrelid::regclass::text AS "on", pg_get_constraintdef(c.oid) AS def
      FROM pg_constraint c
      WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace
        AND (c.conrelid::regclass::text = ANY(${tables}) OR c.confrelid::regclass::text = ANY(${tables}))`.execute(trx)
  ).rows;
  // Indexes that back no constraint (a primary key or unique constraint stays: the load relies on it).
  const indexes = (
    await sql<{ name: string; def: string }>`
      SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
      WHERE i.schemaname = current_schema() AND i.tablename = ANY(${tables})
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = (quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass)`.execute(
      trx,
    )
  ).rows;
  for (const k of keys) await sql`ALTER TABLE ${sql.raw(k.on)} DROP CONSTRAINT ${sql.id(k.name)}`.execute(trx);
  for (const i of indexes) await sql`DROP INDEX ${sql.id(i.name)}`.execute(trx);
  const out = await load();
  // Sorting and the trigram index's build take their memory from here, for this transaction only.
  await sql`SET LOCAL maintenance_work_mem = '256MB'`.execute(trx);
  for (const i of indexes) await sql.raw(i.def).execute(trx);
  for (const k of keys) await sql`ALTER TABLE ${sql.raw(k.on)} ADD CONSTRAINT ${sql.id(k.name)} ${sql.raw(k.def)}`.execute(trx);
  return out;
}
