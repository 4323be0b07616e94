import { describe, expect, it } from 'vitest';
import { chmodSync, existsSync, mkdtempSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { folderStore } from './folder-store';
import { BlobCorruptError, BlobMissingError } from './blob-store';
import { sha256Of } from './hash';

const fresh = () => folderStore(join(mkdtempSync(join(tmpdir(), 'blobs-')), 'desk.blobs'));
const blob = (n = 1000) => {
  const bytes = randomBytes(n);
  return { bytes, sha256: sha256Of(bytes) };
};

describe('folder blob store', () => {
  it('puts a blob at ab/cd/<sha256>, read-only in a private folder, and reads it back', async () => {
    const store = fresh();
    const b = blob();
    await store.put(b.sha256, b.bytes, 'application/pdf');
    const path = join(store.root, b.sha256.slice(0, 2), b.sha256.slice(2, 4), b.sha256);
    expect(store.pathOf(b.sha256)).toBe(path);
    expect(statSync(path).mode & 0o777).toBe(0o444);
    expect(statSync(store.root).mode & 0o777).toBe(0o700);
    expect(statSync(join(store.root, b.sha256.slice(0, 2))).mode & 0o777).toBe(0o700);
    expect(Buffer.from(await store.get(b.sha256)).equals(b.bytes)).toBe(true);
    expect(await store.has(b.sha256)).toBe(true);
    // No temporary file is left behind.
    expect(readdirSync(join(store.root, b.sha256.slice(0, 2), b.sha256.slice(2, 4)))).toEqual([b.sha256]);
  });

  it('the same hash twice is one file, its time renewed (the collector grace period starts again)', async () => {
    const store = fresh();
    const b = blob();
    await store.put(b.sha256, b.bytes, 'image/jpeg');
    const old = new Date('2020-01-01T00:00:00Z');
    utimesSync(store.pathOf(b.sha256), old, old);
    await store.put(b.sha256, b.bytes, 'image/jpeg');
    expect(statSync(store.pathOf(b.sha256)).mtime.getTime()).toBeGreaterThan(old.getTime());
    const listed = [];
    for await (const x of store.list()) listed.push(x);
    expect(listed).toEqual([{ sha256: b.sha256, size: 1000, storedAt: expect.any(Date) }]);
  });

  it('refuses bytes that do not match their hash, and a name that is not a hash', async () => {
    const store = fresh();
    const b = blob();
    await expect(store.put(b.sha256, randomBytes(1000), 'application/pdf')).rejects.toBeInstanceOf(BlobCorruptError);
    expect(existsSync(store.pathOf(b.sha256))).toBe(false);
    await expect(store.get('../../etc/passwd')).rejects.toThrow(/64 lowercase hex/);
  });

  it('a missing blob is BlobMissingError; a damaged one BlobCorruptError; put replaces a damaged one', async () => {
    const store = fresh();
    const b = blob();
    const err = await store.get(b.sha256).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BlobMissingError);
    expect((err as BlobMissingError).sha256).toBe(b.sha256);
    expect((err as BlobMissingError).code).toBe('not_found');
    await store.put(b.sha256, b.bytes, 'application/pdf');
    const file = store.pathOf(b.sha256);
    chmodSync(file, 0o644);
    const damaged = Buffer.from(b.bytes);
    damaged[10] = damaged[10]! ^ 0xff;
    writeFileSync(file, damaged);
    const bad = await store.get(b.sha256).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(BlobCorruptError);
    expect((bad as BlobCorruptError).message).toContain(b.sha256);
    await store.put(b.sha256, b.bytes, 'application/pdf');
    expect(Buffer.from(await store.get(b.sha256)).equals(b.bytes)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o444);
  });

  it('delete, temporaries of a killed writer swept, and removeIfUnused puts back what was renewed or named', async () => {
    const store = fresh();
    const [a, b, c] = [blob(), blob(), blob()];
    for (const x of [a, b, c]) await store.put(x.sha256, x.bytes, 'application/pdf');
    await store.delete(a.sha256);
    await store.delete(a.sha256); // twice is fine
    expect(await store.has(a.sha256)).toBe(false);

    const tmp = join(store.root, b.sha256.slice(0, 2), b.sha256.slice(2, 4), '.tmp-left-by-a-kill');
    writeFileSync(tmp, 'half');
    const old = new Date('2020-01-01T00:00:00Z');
    utimesSync(tmp, old, old);
    expect(await store.sweepTemporaries(new Date('2021-01-01T00:00:00Z'))).toBe(1);
    expect(existsSync(tmp)).toBe(false);

    for (const x of [b, c]) utimesSync(store.pathOf(x.sha256), old, old);
    const cutoff = new Date('2021-01-01T00:00:00Z');
    // Named by a row meanwhile: put back.
    expect(await store.removeIfUnused(b.sha256, cutoff, async () => false)).toBe(0);
    expect(await store.has(b.sha256)).toBe(true);
    // Renewed by a put meanwhile (newer than the cutoff): put back.
    expect(await store.removeIfUnused(c.sha256, new Date('2019-01-01T00:00:00Z'), async () => true)).toBe(0);
    expect(await store.has(c.sha256)).toBe(true);
    // Old and unnamed: removed.
    expect(await store.removeIfUnused(c.sha256, cutoff, async () => true)).toBe(1000);
    expect(await store.has(c.sha256)).toBe(false);
  });
});
