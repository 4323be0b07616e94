import { describe, expect, it } from 'vitest';
import { closeSync, mkdtempSync, openSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { openSqlite } from './sqlite-connection';

/** A file whose pages are mostly attachments' bytes, as a desk's are. */
function fileWithBlobs(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'desk-check-')), 'desk.sqlite');
  const raw = new BetterSqlite3(file);
  raw.exec(
    'CREATE TABLE attachment_blobs (sha256 text primary key, bytes blob not null); CREATE TABLE requests (id integer primary key, reference text)',
  );
  const put = raw.prepare('INSERT INTO attachment_blobs VALUES (?, ?)');
  for (let i = 0; i < 40; i++) put.run(`sha-${i}`, Buffer.alloc(64 * 1024, i));
  raw.prepare("INSERT INTO requests (reference) VALUES ('REQ-2026-000001')").run();
  raw.close();
  return file;
}

/** Scribbles over two pages in the middle of the file (the attachments' bytes). */
function scribble(file: string): void {
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, Math.floor(statSync(file).size / 2 / 4096) * 4096);
  closeSync(fd);
}

describe('opening a SQLite file', () => {
  it('checks the whole file before anything touches it, or (checkLater) the tables now and the attachments in a worker', async () => {
    const clean = fileWithBlobs();
    const opened = openSqlite(clean, { checkLater: true });
    await expect(opened.wholeFileCheck).resolves.toBeUndefined();
    await opened.db.destroy();

    const damaged = fileWithBlobs();
    scribble(damaged);
    expect(() => openSqlite(damaged)).toThrow(/is damaged \(quick_check/);
    const later = openSqlite(damaged, { checkLater: true });
    await expect(later.wholeFileCheck).rejects.toThrow(/is damaged \(quick_check/);
    await later.db.destroy();
  });

  it("checkLater: damage in a table (not the attachments) fails the tables' check the caller awaits, and the whole-file check with it", async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'desk-check-')), 'desk.sqlite');
    const raw = new BetterSqlite3(file);
    raw.exec(
      'CREATE TABLE attachment_blobs (sha256 text primary key, bytes blob); CREATE TABLE requests (id integer primary key, reference text unique)',
    );
    const put = raw.prepare('INSERT INTO requests (reference) VALUES (?)');
    raw.transaction(() => {
      for (let i = 0; i < 40_000; i++) put.run(`REQ-2026-${String(i).padStart(6, '0')}-${'x'.repeat(20)}`);
    })();
    raw.close();
    const clean = openSqlite(file, { checkLater: true });
    await expect(clean.tablesCheck).resolves.toBeUndefined();
    await clean.db.destroy();

    scribble(file);
    const later = openSqlite(file, { checkLater: true });
    await expect(later.tablesCheck).rejects.toThrow(/is damaged \(quick_check/);
    await expect(later.wholeFileCheck).rejects.toThrow(/is damaged \(quick_check/);
    await later.db.destroy();
  });
});
