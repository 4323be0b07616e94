/**
 * Before the postgres test project: pg_trgm installed once in public (test schemas come and go; the
 * extension stays), and schemas and databases left by an interrupted earlier run dropped; after it, the
 * seeded template databases its processes made (electron/core/testing/seeded-desk.ts).
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

/** Test databases (templates `mt_pid_…`, copies `mc_pid_…`) of processes that are gone. */
async function dropOrphanDatabases(client: pg.Client): Promise<void> {
  const left = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname ~ '^m[tc]_[0-9]+_'");
  for (const { datname } of left.rows)
    if (!alive(Number(datname.split('_')[1]))) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
}

export default async function setup(): Promise<() => Promise<void>> {
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
    await dropOrphanDatabases(client);
  } finally {
    await client.end();
  }
  // After the run the test processes have ended: their templates are orphans now.
  return async () => {
    const after = new pg.Client({ connectionString: testPostgresUrl() });
    await after.connect();
    try {
      await dropOrphanDatabases(after);
    } finally {
      await after.end();
    }
  };
}
