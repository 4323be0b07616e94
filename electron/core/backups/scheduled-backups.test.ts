import { describe, expect, it } from 'vitest';
import { mkdtempSync, openSync, writeSync, closeSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { openDesk } from '../desk/open-desk';
import { sqliteHandle } from '../db/connection';
import { fixedClock } from '../time/testing/fixed-clock';
import { listBackups, runBackup } from './scheduled-backups';
import { seedDemo } from '../demo/seed';

describe('backups', () => {
  it('writes checked online backups into the folder beside the database and keeps the newest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'desk-backups-'));
    const clock = fixedClock('2026-11-23T08:00:00.000Z');
    const desk = await openDesk(join(dir, 'desk.sqlite'), { clock });
    await seedDemo(desk.db, clock, { cases: 20, seed: 3 });
    expect(desk.backupFolder).toBe(join(dir, 'backups'));
    for (let h = 0; h < 4; h++) {
      clock.set(`2026-11-23T${String(8 + h).padStart(2, '0')}:00:00.000Z`);
      await runBackup(desk, desk.backupFolder!, 3, null);
    }
    const kept = listBackups(desk.backupFolder!);
    // Backup sets (backup-set.ts): a folder with the database's copy and its attachment blobs.
    expect(kept.map((b) => b.name)).toEqual(['desk-20261123-110000', 'desk-20261123-100000', 'desk-20261123-090000']);
    expect(kept.every((b) => b.bytes > 10_000)).toBe(true);
    const audit = await desk.db.selectFrom('audit_log').select('action').where('action', '=', 'backup.run').execute();
    expect(audit).toHaveLength(4);
    await desk.close();
  });

  it('a damaged database is refused at start, left as it was, and the host names the latest backup', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'desk-damaged-'));
    const file = join(dir, 'desk.sqlite');
    const desk = await openDesk(file);
    await seedDemo(desk.db, desk.clock, { cases: 20, seed: 3 });
    await runBackup(desk, desk.backupFolder!, 3, null);
    sqliteHandle(desk.opened).pragma('wal_checkpoint(TRUNCATE)');
    await desk.close();
    // Scribble over pages in the middle of the file.
    const fd = openSync(file, 'r+');
    const size = statSync(file).size;
    writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, Math.floor(size / 2 / 4096) * 4096);
    closeSync(fd);
    const before = statSync(file).mtimeMs;
    await expect(openDesk(file)).rejects.toThrow(/damaged|malformed|not a database/i);
    expect(statSync(file).mtimeMs).toBe(before);
    const host = spawnSync(process.execPath, ['--import', 'tsx', 'electron/host/serve.ts', '--db', file, '--port', '0'], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(host.status).toBe(1);
    expect(host.stderr).toMatch(/the latest backup is .*backups\/desk-\d{8}-\d{6} /);
    expect(host.stderr).toContain('desk -- restore');
  });
});
