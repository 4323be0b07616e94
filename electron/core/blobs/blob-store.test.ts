/** Attachments through the blob store, on both databases: imports put first, reads check, the move out and the collector. */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, chmodSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { testDesk } from '../testing/test-desk';
import { testingOnPostgres } from '../testing/test-postgres';
import { samplePolicy } from '../policy/sample-policy';
import { importBundles } from '../intake/import-batch';
import { GOOD_FILES, JPEG, goodRequestJson, writeFolder } from '../intake/testing/request-bundles';
import { withCheckDigit } from '../identity/national-id';
import { fileForLink } from '../files/attachment-file';
import { folderStore } from './folder-store';
import { databaseStore } from './database-store';
import { moveBlobsOut } from './move-out';
import { verifyBlobs } from './verify';
import { collectGarbage } from './gc';
import { BlobMissingError } from './blob-store';
import { sha256Of } from './hash';
import type { BlobStore } from './blob-store';

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

/** A bundle whose files are its own (distinct hashes): a PDF and a JPEG with random bytes after their headers. */
function uniqueBundle(root: string, name: string): string {
  // Tens of KB, so that the bytes sit in overflow pages a VACUUM gives back once moved out.
  const pdf = new TextEncoder().encode(`%PDF-1.4\n% ${randomBytes(20_000).toString('hex')}\n1 0 obj << >> endobj\n%%EOF\n`);
  const jpeg = new Uint8Array([...JPEG, ...randomBytes(64)]);
  const id = withCheckDigit(`1${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`);
  return writeFolder(
    goodRequestJson({ applicant: { ...goodRequestJson().applicant, idNumber: id } }),
    { ...GOOD_FILES, 'files/letter.pdf': pdf, 'files/photo.jpg': jpeg },
    root,
    name,
  );
}

async function setup(store: 'folder' | 'database') {
  const t = await testDesk(':memory:', '2026-03-02T08:00:00.000Z');
  close = () => t.desk.close();
  const dir = mkdtempSync(join(tmpdir(), 'blob-desk-'));
  // The same desk, its attachments in a folder as a SQLite file's desk keeps them (handlers read desk.blobs at each call).
  if (store === 'folder') t.desk.blobs = folderStore(join(dir, 'desk.blobs'));
  const importSome = (n: number, blobs: BlobStore = t.desk.blobs) =>
    importBundles(
      t.desk.db,
      t.clock,
      samplePolicy(),
      Array.from({ length: n }, (_, i) => uniqueBundle(dir, `b${i}-${randomBytes(3).toString('hex')}`)),
      undefined,
      blobs,
    );
  const rows = () => t.desk.db.selectFrom('attachment_blobs').select(['sha256', 'stored', 'data', 'size']).orderBy('sha256').execute();
  return { ...t, dir, importSome, rows };
}

describe('attachments through the blob store', () => {
  it('an import puts the files into the folder first; the rows say "folder" and hold no bytes; reads come through the store', async () => {
    const t = await setup('folder');
    const [r] = await t.importSome(1);
    expect(r!.ok).toBe(true);
    const rows = await t.rows();
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(row.stored).toBe('folder');
      expect(row.data).toBeNull();
      expect(await t.desk.blobs.has(row.sha256)).toBe(true);
    }
    const rev = await t.as('rev', ['reviewer']);
    const att = await t.desk.db.selectFrom('attachments').select(['id', 'sha256']).where('file_name', '=', 'letter.pdf').executeTakeFirstOrThrow();
    const opened = await t.dispatch('attachments.open', { id: att.id }, rev.token);
    expect(opened.ok).toBe(true);
    const file = await fileForLink(t.desk, (opened as { value: { url: string } }).value.url, rev.token);
    expect(sha256Of(file!.bytes)).toBe(att.sha256);
  });

  it('a missing blob is refused naming the request and the file; a damaged one too; nothing crashes', async () => {
    const t = await setup('folder');
    await t.importSome(1);
    const store = t.desk.blobs as ReturnType<typeof folderStore>;
    const rev = await t.as('rev', ['reviewer']);
    const att = await t.desk.db
      .selectFrom('attachments as a')
      .innerJoin('requests as r', 'r.id', 'a.request_id')
      .select(['a.id', 'a.sha256', 'r.reference'])
      .where('a.file_name', '=', 'letter.pdf')
      .executeTakeFirstOrThrow();
    const link = ((await t.dispatch('attachments.open', { id: att.id }, rev.token)) as { value: { url: string } }).value.url;
    // Damaged after the link was given: reading it says so.
    chmodSync(store.pathOf(att.sha256), 0o644);
    writeFileSync(store.pathOf(att.sha256), 'scribbled over');
    await expect(fileForLink(t.desk, link, rev.token)).rejects.toThrow(new RegExp(`damaged.*request ${att.reference}, attachment letter.pdf`));
    rmSync(store.pathOf(att.sha256));
    const refused = await t.dispatch('attachments.open', { id: att.id }, rev.token);
    expect(refused).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect((refused as { error: { message: string } }).error.message).toContain(`request ${att.reference}, attachment letter.pdf`);
    const v = await verifyBlobs(t.desk.db, t.desk.blobs);
    expect(v.problems).toEqual([
      { sha256: att.sha256, problem: 'missing', stored: 'folder', usedBy: [{ reference: att.reference, fileName: 'letter.pdf' }] },
    ]);
  });

  it('the move out of the database: batch by batch, resumable, reads unchanged, verify clean, the database smaller', async () => {
    const t = await setup('database');
    await t.importSome(6);
    const before = await t.rows();
    expect(before.every((r) => r.stored === 'database' && r.data !== null)).toBe(true);
    const folder = folderStore(join(t.dir, 'moved.blobs'));
    // Interrupted: a store that fails after 5 puts leaves the batches before it moved and the rest in the database.
    let puts = 0;
    const failing: BlobStore = {
      ...folder,
      kind: 'folder',
      put: async (s, b, m) => (++puts > 5 ? Promise.reject(new Error('killed')) : folder.put(s, b, m)),
    };
    await expect(moveBlobsOut(t.desk.db, failing, { batch: 2, vacuum: false })).rejects.toThrow('killed');
    const half = await t.rows();
    expect(half.filter((r) => r.stored === 'folder')).toHaveLength(4);
    expect(half.filter((r) => r.stored === 'folder').every((r) => r.data === null)).toBe(true);
    const progress: number[] = [];
    const r = await moveBlobsOut(t.desk.db, folder, { batch: 2, onProgress: (p) => progress.push(p.moved) });
    expect(r.total).toBe(before.length - 4);
    expect(r.moved).toBe(before.length - 4);
    expect(progress.at(-1)).toBe(before.length - 4);
    expect(r.vacuum).not.toBeNull();
    // SQLite gives the space back at once; PostgreSQL's VACUUM only makes it reusable.
    if (!testingOnPostgres()) expect(r.vacuum!.after).toBeLessThan(r.vacuum!.before);
    const after = await t.rows();
    expect(after.every((x) => x.stored === 'folder' && x.data === null)).toBe(true);
    t.desk.blobs = folder;
    expect((await verifyBlobs(t.desk.db, folder)).problems).toEqual([]);
    for (const x of before) expect(Buffer.from(await folder.get(x.sha256)).equals(Buffer.from(x.data!))).toBe(true);
    // Run again: nothing left to move.
    expect((await moveBlobsOut(t.desk.db, folder, { vacuum: false })).moved).toBe(0);
    await expect(moveBlobsOut(t.desk.db, databaseStore(t.desk.db))).rejects.toThrow(/nowhere to move/);
  });

  it('the collector removes unnamed blobs older than the grace period, keeps young ones and every named one', async () => {
    const t = await setup('folder');
    await t.importSome(2);
    const store = t.desk.blobs as ReturnType<typeof folderStore>;
    const old = new Date('2026-02-01T00:00:00Z');
    const orphanOld = randomBytes(500);
    const orphanYoung = randomBytes(700);
    await store.put(sha256Of(orphanOld), orphanOld, 'application/pdf');
    await store.put(sha256Of(orphanYoung), orphanYoung, 'application/pdf');
    for await (const b of store.list()) if (b.sha256 !== sha256Of(orphanYoung)) utimesSync(store.pathOf(b.sha256), old, old);
    utimesSync(store.pathOf(sha256Of(orphanYoung)), t.clock.now(), t.clock.now());
    const r = await collectGarbage(t.desk.db, store, { graceDays: 7, now: t.clock.now() });
    // Two bundles: five distinct files (the shared work.pdf once) and the two unnamed ones.
    expect(r).toMatchObject({ examined: 7, removed: 1, bytesFreed: 500, young: 1 });
    expect(await store.has(sha256Of(orphanOld))).toBe(false);
    expect(await store.has(sha256Of(orphanYoung))).toBe(true);
    expect((await verifyBlobs(t.desk.db, store)).problems).toEqual([]);
    // The database store has nothing unnamed: the collector leaves it alone.
    expect(await collectGarbage(t.desk.db, databaseStore(t.desk.db), { graceDays: 0, now: t.clock.now() })).toMatchObject({ removed: 0 });
  });

  it('imports racing collections: files a killed import left behind, imported again while the collector runs, are all kept', async () => {
    const t = await setup('folder');
    const store = t.desk.blobs as ReturnType<typeof folderStore>;
    const bundles = Array.from({ length: 16 }, (_, i) => uniqueBundle(t.dir, `again-${i}`));
    // An earlier import was killed after its puts: every file of these bundles is in the store, unnamed and old.
    for (const b of bundles)
      for (const name of readdirSync(join(b, 'files'))) {
        const bytes = new Uint8Array(readFileSync(join(b, 'files', name)));
        await store.put(sha256Of(bytes), bytes, 'application/octet-stream');
      }
    const old = new Date(Date.now() - 30 * 86_400_000);
    for await (const b of store.list()) utimesSync(store.pathOf(b.sha256), old, old);
    // The same bundles imported again, while collections run back to back (one-day grace, the real clock).
    let importing = true;
    const imported = importBundles(t.desk.db, t.clock, samplePolicy(), bundles, undefined, store).finally(() => (importing = false));
    let collections = 0;
    while (importing) {
      await collectGarbage(t.desk.db, store, { graceDays: 1, now: new Date() });
      collections++;
    }
    const outcomes = await imported;
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(collections).toBeGreaterThan(0);
    // Whatever the interleaving: every file a row names is in the store, whole; only never-named files went.
    expect((await verifyBlobs(t.desk.db, store)).problems).toEqual([]);
    const named = await t.desk.db.selectFrom('attachment_blobs').select('sha256').execute();
    for (const r of named) expect(await store.has(r.sha256)).toBe(true);
  });

  it('a row kept in the database reads from its row whatever the store, checked against its hash', async () => {
    const t = await setup('database');
    await t.importSome(1);
    t.desk.blobs = folderStore(join(t.dir, 'empty.blobs'));
    const rev = await t.as('rev', ['reviewer']);
    const att = await t.desk.db.selectFrom('attachments').select(['id', 'sha256']).where('file_name', '=', 'photo.jpg').executeTakeFirstOrThrow();
    const opened = (await t.dispatch('attachments.open', { id: att.id }, rev.token)) as { value: { url: string } };
    expect(sha256Of((await fileForLink(t.desk, opened.value.url, rev.token))!.bytes)).toBe(att.sha256);
    expect(await databaseStore(t.desk.db).has(att.sha256)).toBe(true);
    await expect(databaseStore(t.desk.db).get('0'.repeat(64))).rejects.toBeInstanceOf(BlobMissingError);
  });
});
