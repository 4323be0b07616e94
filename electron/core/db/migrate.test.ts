import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { openDatabase, sqliteHandle } from './connection';
import { appliedMigrations, LATEST_SCHEMA } from './migrate';
import { MIGRATIONS } from './migrations';

const tempFile = () => join(mkdtempSync(join(tmpdir(), 'desk-migrate-')), 'desk.sqlite');

describe('migrations', () => {
  // Migrations are frozen: making them portable to PostgreSQL must not change a byte of what SQLite gets.
  it('the SQLite schema the migrations build is the released one', async () => {
    const opened = await openDatabase(':memory:');
    const sqlite = sqliteHandle(opened);
    const objects = sqlite.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all() as Array<{
      type: string;
      name: string;
      sql: string | null;
    }>;
    await opened.close();
    await expect(objects.map((o) => `-- ${o.type} ${o.name}\n${o.sql ?? ''};`).join('\n\n') + '\n').toMatchFileSnapshot(
      './__snapshots__/sqlite-schema.sql',
    );
  });

  it('a fresh database gets every migration, WAL and foreign keys', async () => {
    const opened = await openDatabase(tempFile());
    const { db, close } = opened;
    const sqlite = sqliteHandle(opened);
    expect(await appliedMigrations(db as never)).toEqual(MIGRATIONS.map(([n]) => n));
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2);
    await close();
  });

  it('every step N-10 → N keeps the data written before it', async () => {
    for (let i = 1; i < MIGRATIONS.length; i++) {
      const file = tempFile();
      const before = await openDatabase(file, { migrateTo: MIGRATIONS[i - 1]![0] });
      await sql`INSERT INTO practitioners (id_type, id_number, name_ar, name_en, nationality, birth_date, gender, email, mobile, profession, specialty, category)
        VALUES ('national_id', '1000000008', 'محمد', 'Mohammed', 'SA', '1980-05-14', 'male', 'm@example.com', '+966501234567', 'Physician', 'Internal Medicine', 'consultant')`.execute(
        before.db,
      );
      await sql`INSERT INTO requests (reference, service, status, practitioner_id, submitted_at, applicant_snapshot, updated_at)
        VALUES ('REQ-2026-000001', 'RENEWAL', 'submitted', 1, '2026-03-01T06:30:00Z', '{}', '2026-03-01T06:30:00Z')`.execute(before.db);
      await before.close();
      const after = await openDatabase(file);
      const row = await after.db
        .selectFrom('requests')
        .innerJoin('practitioners', 'practitioners.id', 'requests.practitioner_id')
        .select(['reference', 'name_ar', 'status'])
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ reference: 'REQ-2026-000001', name_ar: 'محمد', status: 'submitted' });
      expect((await appliedMigrations(after.db as never)).at(-1)).toBe(LATEST_SCHEMA);
      await after.close();
    }
  });

  it('refuses a database from a newer desk and leaves it untouched', async () => {
    const file = tempFile();
    (await openDatabase(file)).close();
    const raw = new BetterSqlite3(file);
    raw.prepare("INSERT INTO kysely_migration (name, timestamp) VALUES ('9990-from-the-future', '2030-01-01')").run();
    raw.close();
    await expect(openDatabase(file)).rejects.toThrow(/newer version of the desk/);
    const check = new BetterSqlite3(file, { readonly: true });
    expect(check.prepare('SELECT count(*) AS n FROM kysely_migration').get()).toEqual({ n: MIGRATIONS.length + 1 });
    check.close();
  });
});
