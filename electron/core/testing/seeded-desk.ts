/**
 * A test desk holding the demo's requests (seedDemo), the same as `testDesk()` followed by `seedDemo()`, at a
 * fraction of the cost: each seeding (its options and "now") is made once per test process and copied for each
 * test. Seeding 60 requests took a second on SQLite and five on PostgreSQL (one row per statement over the
 * network), and most of the database tests seed a desk of their own per test so that none sees another's work.
 *
 * The copies: on SQLite the seeded database serialized and opened in memory from that image; on PostgreSQL a
 * database of its own made with CREATE DATABASE … TEMPLATE (PostgreSQL copies the files: ~0.3 s), dropped when the
 * desk closes. Templates a process leaves behind are dropped by tests/postgres-setup.ts (their names carry the pid).
 */
import { seedDemo, type SeedOptions } from '../demo/seed';
import { sqliteHandle } from '../db/connection';
import { openDesk } from '../desk/open-desk';
import { fixedClock } from '../time/testing/fixed-clock';
import { testDesk, DEFAULT_TEST_NOW } from './test-desk';
import { madeOnce, migratedTestTemplate, onTestServer, testDatabaseAddress, testDatabaseName, testingOnPostgres } from './test-postgres';

/** What a test may ask to be seeded: the demo's size and seed (no signer or blob store of its own). */
export type SeededDemo = Pick<SeedOptions, 'cases' | 'seed'>;

/** A seeded desk at `now`, a copy no other test shares. */
export async function seededTestDesk(demo: SeededDemo, now = DEFAULT_TEST_NOW) {
  const key = `${demo.cases}-${demo.seed}-${now}`;
  if (!testingOnPostgres()) {
    const image = await madeOnce(sqliteImages, key, () => seededSqliteImage(demo, now));
    return testDesk(':memory:', now, { memoryImage: image });
  }
  const template = await madeOnce(postgresTemplates, key, () => seededPostgresTemplate(demo, now));
  return testDesk(':memory:', now, { postgresTemplate: template });
}

const sqliteImages = new Map<string, Promise<Buffer>>();
const postgresTemplates = new Map<string, Promise<string>>();

async function seededSqliteImage(demo: SeededDemo, now: string): Promise<Buffer> {
  const desk = await openDesk(':memory:', { clock: fixedClock(now) });
  try {
    await seedDemo(desk.db, desk.clock, demo);
    return sqliteHandle(desk.opened).serialize();
  } finally {
    await desk.close();
  }
}

async function seededPostgresTemplate(demo: SeededDemo, now: string): Promise<string> {
  const name = testDatabaseName('mt');
  await onTestServer(`CREATE DATABASE "${name}" TEMPLATE "${await migratedTestTemplate()}"`);
  // The desk is closed before the template is copied: PostgreSQL copies no database someone is connected to.
  const desk = await openDesk(testDatabaseAddress(name), { clock: fixedClock(now), cardKeyFile: null });
  try {
    await seedDemo(desk.db, desk.clock, demo);
  } finally {
    await desk.close();
  }
  return name;
}
