/**
 * `desk audit verify` with a signed checkpoint, as a person runs it on copies of a SQLite database:
 * a truncated copy and a rewritten copy are each named; the check writes nothing (no key, no
 * entry, not a byte of the file).
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { DESK_CLI } from '../compiled-desk';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { GENESIS_HASH, hashOf } from '../../electron/core/audit/chain';
import type { AuditLogRow } from '../../electron/core/db/schema';
import { listCheckpoints } from '../../electron/core/audit/checkpoint';
import { goodRequestJson, writeFolder } from '../../electron/core/intake/testing/request-bundles';

const dir = mkdtempSync(join(tmpdir(), 'desk-audit-cli-'));
const db = join(dir, 'desk.sqlite');
function desk(args: string[], dbFile = db) {
  const r = spawnSync(process.execPath, [DESK_CLI, ...args, '--db', dbFile], {
    encoding: 'utf8',
    timeout: 60_000,
    // The desk's own folder stays in the test's folder, never the user's home.
    env: { ...process.env, MUMARIS_DATA_DIR: join(dir, 'desk-folder'), MUMARIS_DB: '' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** A copy of the database in a folder of its own, edited by hand with the append-only triggers dropped. */
function tamperedCopy(name: string, edit: (raw: BetterSqlite3.Database) => void): string {
  const copy = join(mkdtempSync(join(tmpdir(), 'desk-copy-')), name);
  copyFileSync(db, copy);
  const raw = new BetterSqlite3(copy);
  raw.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
  edit(raw);
  raw.close();
  return copy;
}

/** Rewrites entry `seq` and hashes every later entry again: the chain alone still verifies. */
function rewriteAndRehash(raw: BetterSqlite3.Database, seq: number) {
  const rows = raw.prepare('SELECT * FROM audit_log WHERE seq >= ? ORDER BY seq').all(seq) as AuditLogRow[];
  let prev = seq === 1 ? GENESIS_HASH : (raw.prepare('SELECT hash FROM audit_log WHERE seq = ?').get(seq - 1) as { hash: string }).hash;
  const update = raw.prepare('UPDATE audit_log SET actor_id = ?, prev_hash = ?, hash = ? WHERE seq = ?');
  for (const row of rows) {
    const changed = { ...row, actor_id: row.seq === seq ? 424242 : row.actor_id, prev_hash: prev };
    prev = hashOf(changed);
    update.run(changed.actor_id, changed.prev_hash, prev, row.seq);
  }
}

describe('desk audit verify --checkpoint', () => {
  it('names a truncated copy and a rewritten copy; a forged checkpoint is refused; verify writes nothing', () => {
    expect(desk(['seed', '--cases', '25', '--seed', '2']).code).toBe(0);
    const bundles = [1, 2, 3].map((n) => writeFolder(goodRequestJson({ reference: `REQ-2026-00070${n}` })));
    expect(desk(['import', ...bundles]).code).toBe(0);
    const written = desk(['audit', 'checkpoint', '--json']);
    expect(written.code, written.err).toBe(0);
    const cp = JSON.parse(written.out) as { file: string; seq: number };
    expect(cp.file).toBe(join(dir, 'checkpoints', readdirSync(join(dir, 'checkpoints'))[0]!));
    expect(statSync(join(dir, 'checkpoints')).mode & 0o777).toBe(0o700);
    expect(statSync(cp.file).mode & 0o777).toBe(0o600);
    expect(cp.seq).toBeGreaterThan(10);

    // The original holds its checkpoint (the newest is found without naming it), and checking it changes nothing at all.
    const files = readdirSync(dir).sort();
    const bytes = sha(db);
    const ok = desk(['audit', 'verify', '--json']);
    expect(ok.code, ok.err).toBe(0);
    expect(JSON.parse(ok.out)).toMatchObject({ ok: true, checkpoint: { verdict: 'matches', seq: cp.seq, file: cp.file } });
    expect(readdirSync(dir).sort()).toEqual(files);
    expect(sha(db)).toBe(bytes);

    // A copy somewhere else: no key is made beside it, no file appears; the key is found beside the checkpoint's database.
    const copy = tamperedCopy('copy.sqlite', () => {});
    const copyBytes = sha(copy);
    expect(desk(['audit', 'verify', '--checkpoint', cp.file], copy).code).toBe(0);
    expect(readdirSync(join(copy, '..'))).toEqual(['copy.sqlite']);
    expect(sha(copy)).toBe(copyBytes);

    const truncated = tamperedCopy('truncated.sqlite', (raw) => raw.prepare('DELETE FROM audit_log WHERE seq > ?').run(cp.seq - 3));
    const t = desk(['audit', 'verify', '--checkpoint', cp.file], truncated);
    expect(t.code).toBe(1);
    expect(t.out).toContain(`entries after seq ${cp.seq - 3} are missing`);

    const rewritten = tamperedCopy('rewritten.sqlite', (raw) => rewriteAndRehash(raw, 6));
    const r = desk(['audit', 'verify', '--checkpoint', cp.file, '--json'], rewritten);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toMatchObject({ ok: false, brokenAt: 6, checkpoint: { verdict: 'rewritten' } });
    expect(JSON.parse(r.out).reason).toContain('entry 6 was rewritten');

    const edited = tamperedCopy('edited.sqlite', (raw) => raw.prepare('UPDATE audit_log SET actor_id = 424242 WHERE seq = 4').run());
    const e = desk(['audit', 'verify', '--checkpoint', cp.file], edited);
    expect(e.code).toBe(1);
    expect(e.out).toContain('entry 4');

    // Someone who can write the checkpoint too cannot move it back: the signature no longer holds.
    const forged = join(dir, 'forged.checkpoint.json');
    writeFileSync(forged, JSON.stringify({ ...JSON.parse(readFileSync(cp.file, 'utf8')), seq: cp.seq - 3 }));
    const f = desk(['audit', 'verify', '--checkpoint', forged], truncated);
    expect(f.code).toBe(1);
    expect(f.out).toContain("not signed by this installation's key");
    expect(desk(['audit', 'verify', '--checkpoint', join(dir, 'no-such-file.json')]).code).toBe(2);
  }, 180_000);

  it('every backup writes a checkpoint first, which the backup holds', () => {
    const place = { folder: join(dir, 'checkpoints'), prefix: 'desk' };
    const before = listCheckpoints(place).length;
    expect(desk(['import', writeFolder(goodRequestJson({ reference: 'REQ-2026-000777' }))]).code).toBe(0);
    const backup = join(dir, 'backup.sqlite');
    expect(desk(['backup', '--out', backup]).code).toBe(0);
    expect(listCheckpoints(place)).toHaveLength(before + 1);
    const newest = listCheckpoints(place)[0]!;
    const r = desk(['audit', 'verify', '--checkpoint', newest.file, '--json'], backup);
    expect(r.code, r.out).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ ok: true, checkpoint: { verdict: 'matches', seq: newest.seq } });
  }, 120_000);
});
