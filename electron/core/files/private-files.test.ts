/** Personal data on disk: the database, its WAL and SHM, backups and exports are 0600 files in 0700 folders. */
import { afterEach, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { testDesk } from '../testing/test-desk';
import { seedDemo } from '../demo/seed';
import { fileForTicket } from './attachment-file';
import { fileKeyOf } from './tickets';
import { exportsFolder, prepareDatabaseFile } from './private-files';
import type { ExportJobView } from '../../../shared/domain';

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

const mode = (path: string) => statSync(path).mode & 0o777;
const posix = process.platform !== 'win32';

describe.runIf(posix)('files holding personal data', () => {
  it('a new database: its folder 0700; the file, WAL and SHM 0600, whatever the umask', async () => {
    const old = process.umask(0o022);
    try {
      const file = join(mkdtempSync(join(tmpdir(), 'desk-perm-')), 'data', 'desk.sqlite');
      const t = await testDesk(file);
      close = () => t.desk.close();
      await t.as('rev', ['reviewer']); // a write: the WAL exists
      expect(mode(dirname(file))).toBe(0o700);
      for (const f of [file, `${file}-wal`, `${file}-shm`]) {
        expect(existsSync(f), f).toBe(true);
        expect(mode(f), f).toBe(0o600);
      }
    } finally {
      process.umask(old);
    }
  });

  it('an older desk’s readable database is tightened when opened; a folder not the desk’s own is left as it is', () => {
    const folder = mkdtempSync(join(tmpdir(), 'desk-perm-'));
    chmodSync(folder, 0o755);
    const file = join(folder, 'old.sqlite');
    for (const f of [file, `${file}-wal`, `${file}-shm`]) writeFileSync(f, '', { mode: 0o644 });
    prepareDatabaseFile(file, false);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) expect(mode(f)).toBe(0o600);
    expect(mode(folder)).toBe(0o755);
    prepareDatabaseFile(file, true);
    expect(mode(folder)).toBe(0o700);
  });

  it('backups: 0600 files in a 0700 folder', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'desk-perm-')), 'desk.sqlite');
    const t = await testDesk(file);
    close = () => t.desk.close();
    const admin = await t.as('adm', ['admin']);
    const r = await t.dispatch('backups.run', {}, admin.token);
    expect(r).toMatchObject({ ok: true });
    const folder = t.desk.backupFolder!;
    expect(mode(folder)).toBe(0o700);
    // Backup sets (backup-set.ts): each a 0700 folder holding its database copy and manifest as 0600 files.
    const sets = readdirSync(folder);
    expect(sets.length).toBeGreaterThan(0);
    for (const s of sets) {
      expect(mode(join(folder, s)), s).toBe(0o700);
      const files = readdirSync(join(folder, s)).filter((f) => f !== 'blobs');
      expect(files).toContain('desk.sqlite');
      for (const f of files) expect(mode(join(folder, s, f)), f).toBe(0o600);
    }
  });

  it('exports: written to the user’s own 0700 folder as 0600, removed once downloaded', async () => {
    const t = await testDesk();
    close = () => t.desk.close();
    await seedDemo(t.desk.db, t.clock, { cases: 30, seed: 2 });
    const rev = await t.as('rev', ['reviewer']);
    const other = await t.as('rev2', ['reviewer']);
    const started = await t.dispatch('exports.start', { queue: 'all', format: 'csv', lang: 'en' }, rev.token);
    let job = (started as { value: ExportJobView }).value;
    for (let i = 0; i < 200 && job.state === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 20));
      job = ((await t.dispatch('exports.status', { jobId: job.id }, rev.token)) as { value: ExportJobView }).value;
    }
    expect(job.state).toBe('done');
    const folder = exportsFolder(rev.user.id);
    expect(folder).not.toBe(exportsFolder(other.user.id));
    expect(mode(folder)).toBe(0o700);
    expect(mode(dirname(folder))).toBe(0o700);
    const written = readdirSync(folder).filter((f) => f.startsWith(job.id));
    expect(written).toHaveLength(1);
    expect(mode(join(folder, written[0]!))).toBe(0o600);

    const ticket = job.url!.slice('/files/'.length);
    const got = await fileForTicket(t.desk, ticket, fileKeyOf(rev.token));
    expect(got?.bytes.length).toBeGreaterThan(0);
    expect(existsSync(join(folder, written[0]!))).toBe(false);
    expect(await fileForTicket(t.desk, ticket, fileKeyOf(rev.token))).toBeNull();
  });
});
