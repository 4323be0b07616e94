/**
 * A desk opening on PostgreSQL while other schemas on the server come and go: kysely's own
 * introspector read every schema and failed with "schema … does not exist" when one was dropped
 * under it; the desk's reads only its own.
 */
import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { Kysely, PostgresDialect } from 'kysely';
import { openDesk } from '../desk/open-desk';
import { fixedClock } from '../time/testing/fixed-clock';
import { freshTestSchema, testPostgresUrl } from '../testing/test-postgres';
import { appliedMigrations, LATEST_SCHEMA } from './migrate';
import { DeskPostgresDialect } from './schema-introspector';

const admin = new pg.Pool({ connectionString: testPostgresUrl(), max: 4 });
afterAll(async () => admin.end());

/** Schemas of other desks being made and dropped, as fast as the server allows, until `stop` says so. */
async function churn(stop: () => boolean): Promise<number> {
  let dropped = 0;
  while (!stop()) {
    const names = Array.from({ length: 6 }, () => `t_${process.pid}_churn${randomBytes(4).toString('hex')}`);
    for (const n of names) await admin.query(`CREATE SCHEMA "${n}"; CREATE TABLE "${n}".t (a int, b text, c int)`);
    await Promise.all(names.map((n) => admin.query(`DROP SCHEMA "${n}" CASCADE`)));
    dropped += names.length;
  }
  return dropped;
}

describe('introspection kept to the desk schema', () => {
  it('lists only the tables of its own schema', async () => {
    const schema = `t_${process.pid}_own${randomBytes(4).toString('hex')}`;
    await admin.query(`CREATE SCHEMA "${schema}"; CREATE TABLE "${schema}".kysely_migration (name text)`);
    const db = new Kysely<unknown>({
      dialect: new DeskPostgresDialect({ pool: new pg.Pool({ connectionString: testPostgresUrl(), max: 1 }) }, schema),
    });
    try {
      expect((await db.introspection.getTables()).map((t) => [t.schema, t.name])).toEqual([[schema, 'kysely_migration']]);
      expect((await db.introspection.getSchemas()).map((s) => s.name)).toEqual([schema]);
      expect(await appliedMigrations(db, schema)).toEqual([]);
    } finally {
      await db.destroy();
      await admin.query(`DROP SCHEMA "${schema}" CASCADE`);
    }
  });

  it('desks open and migrate while other schemas are dropped around them', async () => {
    let done = false;
    const dropping = churn(() => done);
    try {
      for (let i = 0; i < 3; i++) {
        const s = freshTestSchema();
        const desk = await openDesk(s.address, { clock: fixedClock('2026-03-10T08:00:00.000Z'), cardKeyFile: null });
        expect(
          (await appliedMigrations(desk.db as unknown as Kysely<unknown>, new URL(s.address).searchParams.get('schema') ?? undefined)).at(-1),
        ).toBe(LATEST_SCHEMA);
        await desk.close();
        await s.drop();
      }
    } finally {
      done = true;
    }
    expect(await dropping).toBeGreaterThan(0);
  }, 120_000);

  it("kysely's own introspector is the one that trips (so the test above means something)", async () => {
    const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: testPostgresUrl(), max: 1 }) }) });
    let done = false;
    const dropping = churn(() => done);
    let failures = 0;
    try {
      for (let i = 0; i < 200 && failures === 0; i++) {
        await db.introspection.getTables({ withInternalKyselyTables: true }).catch((e: Error) => {
          if (/does not exist/.test(e.message)) failures++;
          else throw e;
        });
      }
    } finally {
      done = true;
      await dropping;
      await db.destroy();
    }
    expect(failures).toBeGreaterThan(0);
  }, 120_000);
});
