/**
 * Which database the tests run on: SQLite always; PostgreSQL when the `postgres` test project
 * runs (MUMARIS_TEST_PG set: its URL, or anything else for the machine's server at 127.0.0.1).
 * Each test desk on PostgreSQL gets a database of its own, copied from a template (an empty migrated desk, or a
 * seeded one: seeded-desk.ts) and dropped when the desk closes; tests of several desks in one database make
 * schemas of their own (freshTestSchema).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { withDeskParams } from '../db/location';
import { openDatabase } from '../db/connection';

export const testingOnPostgres = () => process.env.MUMARIS_TEST_DIALECT === 'postgres';

export function testPostgresUrl(env: NodeJS.ProcessEnv = process.env): string {
  const v = env.MUMARIS_TEST_PG ?? '';
  return /^postgres(ql)?:\/\//.test(v) ? v : 'postgres://root@127.0.0.1:5432/test';
}

/** A fresh schema for one test desk: its address, and a drop for when the desk closes. */
export function freshTestSchema(): { address: string; drop(): Promise<void> } {
  const schema = `t_${process.pid}_${randomBytes(5).toString('hex')}`;
  return {
    address: withDeskParams(testPostgresUrl(), { schema, pool: 4 }),
    async drop() {
      const client = new pg.Client({ connectionString: testPostgresUrl() });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}

/** The schema the desk of every test database (below) lives in. */
const TEST_DATABASE_SCHEMA = 'desk';

/**
 * A database name for this process: `mt_pid_random` for a template, `mc_pid_random` for a copy, so that a later
 * run (tests/postgres-setup.ts) can tell what an interrupted run left behind from what another run is using.
 */
export const testDatabaseName = (prefix: 'mt' | 'mc') => `${prefix}_${process.pid}_${randomBytes(5).toString('hex')}`;

/** The desk's address in the test database `name`. */
export function testDatabaseAddress(name: string): string {
  const u = new URL(testPostgresUrl());
  u.pathname = `/${name}`;
  return withDeskParams(u.toString(), { schema: TEST_DATABASE_SCHEMA, pool: 4 });
}

/** Runs `statement` over a connection of its own to the test server (CREATE DATABASE runs outside a transaction). */
export async function onTestServer(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: testPostgresUrl() });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A copy of the template database `template` (nobody may be connected to it): its address, and a drop for when the desk closes. */
export async function copiedTestDatabase(template: string): Promise<{ address: string; drop(): Promise<void> }> {
  const name = testDatabaseName('mc');
  await onTestServer(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  return { address: testDatabaseAddress(name), drop: () => onTestServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

/** One making per key, even when two tests ask at once; a failed one is tried again by the next test. */
export function madeOnce<T>(made: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  let p = made.get(key);
  if (!p) {
    p = make();
    made.set(key, p);
    p.catch(() => made.delete(key));
  }
  return p;
}

const migrated = new Map<string, Promise<string>>();

/**
 * A database holding an empty desk, migrated (made once per process): a test desk copied from it opens in a third
 * of the time a fresh schema takes to migrate (1.1 s here, for every test desk on PostgreSQL).
 */
export function migratedTestTemplate(): Promise<string> {
  return madeOnce(migrated, 'migrated', async () => {
    const name = testDatabaseName('mt');
    await onTestServer(`CREATE DATABASE "${name}"`);
    // Closed before anything is copied from it: PostgreSQL copies no database someone is connected to.
    await (await openDatabase(testDatabaseAddress(name))).close();
    return name;
  });
}
