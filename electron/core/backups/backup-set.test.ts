import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { openDesk } from '../desk/open-desk';
import { fixedClock } from '../time/testing/fixed-clock';
import { listBackups, runBackup } from './scheduled-backups';
import { inspectBackupSet, readManifest, restoreBackup } from './backup-set';
import { importBundles } from '../intake/import-batch';
import { samplePolicy } from '../policy/sample-policy';
import { GOOD_FILES, JPEG, goodRequestJson, writeFolder } from '../intake/testing/request-bundles';
import { withCheckDigit } from '../identity/national-id';
import type { FolderStore } from '../blobs/folder-store';
import { seedDemo } from '../demo/seed';
import { verifyBlobs } from '../blobs/verify';

/** Every file under `root`, relative, with its inode and link count. */
function files(root: string): Map<string, { ino: number; nlink: number }> {
  const out = new Map<string, { ino: number; nlink: number }>();
  const walk = (d: string, rel: string) => {
    for (const n of readdirSync(d)) {
      const st = statSync(join(d, n));
      if (st.isDirectory()) walk(join(d, n), `${rel}${n}/`);
      else out.set(`${rel}${n}`, { ino: st.ino, nlink: st.nlink });
    }
  };
  walk(root, '');
  return out;
}

async function deskWithRequests(n: number) {
  const dir = mkdtempSync(join(tmpdir(), 'desk-sets-'));
  const clock = fixedClock('2026-11-23T08:00:00.000Z');
  const desk = await openDesk(join(dir, 'desk.sqlite'), { clock });
  const importSome = async (count: number) => {
    const paths = Array.from({ length: count }, (_, i) => {
      const pdf = new TextEncoder().encode(`%PDF-1.4\n% ${randomBytes(16).toString('hex')}\n%%EOF\n`);
      const jpeg = new Uint8Array([...JPEG, ...randomBytes(64)]);
      const id = withCheckDigit(`1${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`);
      return writeFolder(
        goodRequestJson({ applicant: { ...goodRequestJson().applicant, idNumber: id } }),
        { ...GOOD_FILES, 'files/letter.pdf': pdf, 'files/photo.jpg': jpeg },
        dir,
        `b-${randomBytes(4).toString('hex')}-${i}`,
      );
    });
    const r = await importBundles(desk.db, clock, samplePolicy(), paths, undefined, desk.blobs);
    expect(r.every((x) => x.ok)).toBe(true);
  };
  await importSome(n);
  return { dir, clock, desk, importSome };
}

describe('backup sets', () => {
  it('a second backup holds only the new blobs as new files; the rest are hard links to the previous set', async () => {
    const { desk, clock, importSome } = await deskWithRequests(5);
    try {
      expect(desk.blobs.kind).toBe('folder');
      await runBackup(desk, desk.backupFolder!, 5, null);
      await importSome(3);
      clock.set('2026-11-23T09:00:00.000Z');
      const kept = await runBackup(desk, desk.backupFolder!, 5, null);
      expect(kept.map((b) => b.name)).toEqual(['desk-20261123-090000', 'desk-20261123-080000']);
      const [second, first] = kept.map((b) => b.file) as [string, string];
      // Five requests: ten files of their own and the shared work.pdf; three more add six.
      expect(readManifest(first)).toMatchObject({ blobs: 11, shared: 0, added: 11, previous: null });
      expect(readManifest(second)).toMatchObject({ blobs: 17, shared: 11, added: 6, previous: 'desk-20261123-080000' });
      const a = files(join(first, 'blobs'));
      const b = files(join(second, 'blobs'));
      const store = desk.blobs as FolderStore;
      let fresh = 0;
      for (const [name, f] of b) {
        const sha = name.split('/').pop()!;
        const live = statSync(store.pathOf(sha));
        expect(f.ino).toBe(live.ino); // one inode: the desk's blob and every set that holds it
        if (a.has(name)) {
          expect(a.get(name)!.ino).toBe(f.ino);
          expect(f.nlink).toBe(3); // the desk's folder, the first set, the second
        } else {
          fresh++;
          expect(f.nlink).toBe(2); // the desk's folder and the second set only
        }
      }
      expect(fresh).toBe(6);
      // What the page shows: the second set cost its database and the six new blobs only.
      expect(kept[0]!.bytes).toBe(readManifest(second)!.databaseBytes + readManifest(second)!.addedBytes);
      expect(inspectBackupSet(second).blobs).toBe(17);
      // Pruning the first set leaves the second whole.
      clock.set('2026-11-23T10:00:00.000Z');
      const after = await runBackup(desk, desk.backupFolder!, 1, null);
      expect(after.map((x) => x.name)).toEqual(['desk-20261123-100000']);
      expect(existsSync(first)).toBe(false);
      expect(inspectBackupSet(after[0]!.file).blobs).toBe(17);
    } finally {
      await desk.close();
    }
  });

  it('restore refuses a set with a missing or damaged blob, naming it, and changes nothing; a whole set restores blobs and database', async () => {
    const { dir, desk, clock, importSome } = await deskWithRequests(3);
    const file = join(dir, 'desk.sqlite');
    await runBackup(desk, desk.backupFolder!, 5, null);
    const set = listBackups(desk.backupFolder!)[0]!.file;
    await importSome(2); // after the backup: the restore goes back to three requests
    const store = desk.blobs as FolderStore;
    await desk.close();

    const victim = [...files(join(set, 'blobs')).keys()][0]!;
    const sha = victim.split('/').pop()!;
    rmSync(join(set, 'blobs', victim));
    const before = statSync(file).mtimeMs;
    const refused = (await restoreBackup(set, file).catch((e: unknown) => e)) as Error;
    expect(refused).toBeInstanceOf(Error);
    expect(refused.message).toMatch(
      new RegExp(`incomplete, nothing was restored: 1 attachment blob\\(s\\) is missing or damaged: missing ${sha} \\(request REQ-`),
    );
    expect(statSync(file).mtimeMs).toBe(before);
    expect(readdirSync(dir).filter((n) => n.includes('before-restore'))).toEqual([]);

    // Damaged rather than missing: refused too.
    writeFileSync(join(set, 'blobs', victim), 'not the bytes');
    await expect(restoreBackup(set, file)).rejects.toThrow(/damaged [0-9a-f]{64}/);

    // The blob put back whole; the desk's own folder emptied: the restore brings the blobs back first.
    rmSync(join(set, 'blobs', victim));
    const { linkSync } = await import('node:fs');
    linkSync(store.pathOf(sha), join(set, 'blobs', victim));
    chmodSync(store.root, 0o700);
    rmSync(store.root, { recursive: true, force: true });
    const r = await restoreBackup(set, file);
    expect(r.previous).toMatch(/before-restore/);
    const again = await openDesk(file, { clock });
    try {
      const n = await again.db
        .selectFrom('requests')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(n.n)).toBe(3);
      const v = await verifyBlobs(again.db, again.blobs);
      expect(v.problems).toEqual([]);
      expect(v.inStore).toBe(7);
    } finally {
      await again.close();
    }
  });

  it('a desk seeded with demo data backs up its attachments with it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'desk-sets-demo-'));
    const desk = await openDesk(join(dir, 'desk.sqlite'), { clock: fixedClock('2026-11-23T08:00:00.000Z') });
    try {
      await seedDemo(desk.db, desk.clock, { cases: 15, seed: 4, blobs: desk.blobs });
      const [set] = await runBackup(desk, desk.backupFolder!, 3, null);
      const named = await desk.db.selectFrom('attachment_blobs').select('sha256').where('stored', '=', 'folder').execute();
      expect(named.length).toBeGreaterThan(5);
      expect(inspectBackupSet(set!.file).blobs).toBe(named.length);
    } finally {
      await desk.close();
    }
  });
});
