/**
 * pg_trgm belongs to the database, not to one desk: two desk schemas in one database, one dropped, and
 * the other keeps its search index while a third still migrates (issue #18). Run in a database of its
 * own, made and dropped here, because the test removes and moves the extension itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { openDatabase } from '../connection';
import { withDeskParams } from '../location';
import { testPostgresUrl } from '../../testing/test-postgres';

const name = `trgm_${process.pid}_${randomBytes(4).toString('hex')}`;
const server = new pg.Pool({ connectionString: testPostgresUrl(), max: 2 });
const inTestDb = new URL(testPostgresUrl());
inTestDb.pathname = `/${name}`;
const own = new pg.Pool({ connectionString: inTestDb.toString(), max: 2 });
// A connection still closing when the database is dropped (WITH FORCE ends it) is not this test's failure.
own.on('error', () => undefined);
const desk = (schema: string) => withDeskParams(inTestDb.toString(), { schema, pool: 2 });

async function extensionSchema(): Promise<string | undefined> {
  const r = await own.query<{ schema: string }>(
    `SELECT n.nspname AS schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'`,
  );
  return r.rows[0]?.schema;
}

/** A desk migrated in `schema`, its search index present and used by a substring search. */
async function migratedDeskSearches(schema: string): Promise<void> {
  const opened = await openDatabase(desk(schema));
  try {
    const index = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM pg_indexes WHERE schemaname = ${schema} AND indexname = 'requests_search_trgm'`.execute(opened.db);
    expect(index.rows[0]!.n).toBe(1);
    const found = await sql<{ n: number }>`SELECT count(*)::int AS n FROM requests WHERE search_text ILIKE ${'%نورة%'}`.execute(opened.db);
    expect(found.rows[0]!.n).toBe(0);
  } finally {
    await opened.close();
  }
}

beforeAll(async () => {
  await server.query(`CREATE DATABASE "${name}"`);
});
afterAll(async () => {
  await own.end();
  await server.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await server.end();
});

describe('pg_trgm shared by every desk schema of a database', () => {
  it('is installed in public, so dropping the first desk leaves it to the others', async () => {
    await migratedDeskSearches('desk_a');
    await migratedDeskSearches('desk_b');
    expect(await extensionSchema()).toBe('public');
    await own.query('DROP SCHEMA desk_a CASCADE');
    expect(await extensionSchema()).toBe('public');
    await migratedDeskSearches('desk_b');
    await migratedDeskSearches('desk_c');
  });

  it('moves an extension an older desk installed inside its own schema to public', async () => {
    await own.query('DROP EXTENSION pg_trgm CASCADE');
    await own.query('CREATE SCHEMA desk_old; CREATE EXTENSION pg_trgm SCHEMA desk_old');
    await migratedDeskSearches('desk_old');
    expect(await extensionSchema()).toBe('public');
    await migratedDeskSearches('desk_new');
    await own.query('DROP SCHEMA desk_old CASCADE');
    expect(await extensionSchema()).toBe('public');
    await migratedDeskSearches('desk_new');
  });
});
