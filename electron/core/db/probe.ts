import { existsSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { MIGRATIONS } from './migrations';
import { describeLocation, maskPassword, parseLocation } from './location';
import type { DatabaseProbe } from '../../../shared/domain';

/**
 * Looks at a database without changing it: can this desk reach it, and how far is it migrated?
 * The Settings page asks before an admin saves a new address.
 */
export async function probeDatabase(address: string): Promise<DatabaseProbe> {
  let loc;
  try {
    loc = parseLocation(address);
  } catch (e) {
    return failed('sqlite', maskPassword(address), e);
  }
  const describe = describeLocation(loc);
  const known = new Set(MIGRATIONS.map(([n]) => n));
  const result = (kind: DatabaseProbe['kind'], server: string, applied: string[]): DatabaseProbe => ({
    ok: true,
    kind,
    describe,
    server,
    migrationsApplied: applied.filter((n) => known.has(n)).length,
    migrationsPending: MIGRATIONS.filter(([n]) => !applied.includes(n)).length,
    newerThanDesk: applied.some((n) => !known.has(n)),
    message: null,
  });
  if (loc.kind === 'sqlite') {
    if (!existsSync(loc.file)) return result('sqlite', 'SQLite (a new file will be created)', []);
    let db: BetterSqlite3.Database | undefined;
    try {
      db = new BetterSqlite3(loc.file, { readonly: true, fileMustExist: true });
      const version = (db.prepare('select sqlite_version() as v').get() as { v: string }).v;
      const hasTable = db.prepare("select 1 from sqlite_master where name = 'kysely_migration'").get();
      const applied = hasTable ? (db.prepare('select name from kysely_migration').all() as Array<{ name: string }>).map((r) => r.name) : [];
      return result('sqlite', `SQLite ${version}`, applied);
    } catch (e) {
      return failed('sqlite', describe, e);
    } finally {
      db?.close();
    }
  }
  const client = new pg.Client({
    connectionString: loc.url,
    ssl: loc.ssl === 'disable' ? false : { rejectUnauthorized: loc.ssl === 'verify-full' },
    connectionTimeoutMillis: 5_000,
  });
  try {
    await client.connect();
    const version = (await client.query<{ v: string }>("select current_setting('server_version') as v")).rows[0]!.v;
    const table = (await client.query<{ t: string | null }>('select to_regclass($1) as t', [`${loc.schema}.kysely_migration`])).rows[0]!.t;
    const applied = table ? (await client.query<{ name: string }>(`select name from "${loc.schema}".kysely_migration`)).rows.map((r) => r.name) : [];
    return result('postgres', `PostgreSQL ${version}`, applied);
  } catch (e) {
    return failed('postgres', describe, e);
  } finally {
    await client.end().catch(() => undefined);
  }
}

function failed(kind: DatabaseProbe['kind'], describe: string, e: unknown): DatabaseProbe {
  return {
    ok: false,
    kind,
    describe,
    server: null,
    migrationsApplied: 0,
    migrationsPending: MIGRATIONS.length,
    newerThanDesk: false,
    message: maskPassword(e instanceof Error ? e.message : String(e)),
  };
}
