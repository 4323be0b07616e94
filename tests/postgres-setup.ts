/**
 * Before the postgres test project: pg_trgm installed once in public (test schemas come and go; the
 * extension stays), and schemas left by an interrupted earlier run dropped.
 */
import pg from 'pg';
import { testPostgresUrl } from '../electron/core/testing/test-postgres';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export default async function setup(): Promise<void> {
  const client = new pg.Client({ connectionString: testPostgresUrl() });
  try {
    await client.connect();
  } catch (e) {
    throw new Error(`MUMARIS_TEST_PG is set but PostgreSQL at ${testPostgresUrl()} cannot be reached: ${String(e)}`);
  }
  try {
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public');
    // Installed by a desk whose schema came first on its path: moved where every test schema finds it.
    await client.query('ALTER EXTENSION pg_trgm SET SCHEMA public');
    const stale = await client.query<{ nspname: string }>("SELECT nspname FROM pg_namespace WHERE nspname LIKE 't\\_%\\_%'");
    // Only those of test processes that are gone: another run on this machine may be using its own right now.
    for (const { nspname } of stale.rows) if (!alive(Number(nspname.split('_')[1]))) await client.query(`DROP SCHEMA IF EXISTS "${nspname}" CASCADE`);
  } finally {
    await client.end();
  }
}
