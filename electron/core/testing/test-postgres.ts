/**
 * Which database the tests run on: SQLite always; PostgreSQL when the `postgres` test project
 * runs (MUMARIS_TEST_PG set: its URL, or anything else for the machine's server at 127.0.0.1).
 * Each test desk on PostgreSQL gets a schema of its own, dropped when the desk closes.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { withDeskParams } from '../db/location';

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
