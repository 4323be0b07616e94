/**
 * A backup's copy is checked whole (integrity_check) in a worker thread when the desk writes it: the check reads
 * every page, and on the desk's own thread it stopped every call meanwhile (8 s for a backup at 100,000 requests).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, openSync, readFileSync, writeFileSync, closeSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { openDesk } from '../desk/open-desk';
import { fixedClock } from '../time/testing/fixed-clock';
import { backupTo, inspectBackup, inspectBackupAside } from './sqlite-backup';

afterEach(() => vi.restoreAllMocks());

async function backupOfADesk(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'desk-backup-check-'));
  const desk = await openDesk(join(dir, 'desk.sqlite'), { clock: fixedClock('2026-11-23T08:00:00.000Z') });
  try {
    return (await backupTo(desk.opened, join(dir, 'copy.sqlite'))).file;
  } finally {
    await desk.close();
  }
}

describe("a backup's check", () => {
  it('runs beside the desk: its thread never reads the copy whole, and the answer is the same as on it', async () => {
    const file = await backupOfADesk();
    const pragma = vi.spyOn(BetterSqlite3.prototype, 'pragma');
    const aside = await inspectBackupAside(file);
    expect(pragma.mock.calls.map((c) => String(c[0]))).not.toContain('integrity_check');
    expect(aside).toEqual(inspectBackup(file));
    expect(aside.migrations.length).toBeGreaterThan(0);
  });

  it('still refuses a damaged copy, naming the check, and a file that is not there', async () => {
    const file = await backupOfADesk();
    // A page in the middle of the file overwritten: the copy is no longer whole.
    const size = readFileSync(file).length;
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, Math.floor(size / 4096 / 2) * 4096);
    closeSync(fd);
    await expect(inspectBackupAside(file)).rejects.toThrow(/fails integrity_check|is not a desk database/);
    await expect(inspectBackupAside(join(tmpdir(), 'no-such-backup.sqlite'))).rejects.toThrow(/does not exist/);
    writeFileSync(`${file}.txt`, 'not a database');
    await expect(inspectBackupAside(`${file}.txt`)).rejects.toThrow(/integrity_check|not a desk database/);
  });
});
