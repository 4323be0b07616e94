/**
 * A content-addressed folder beside the SQLite file (git's objects): `<root>/ab/cd/<sha256>`. A blob
 * is written to a temporary name in its own folder, fsync'd, made read-only, renamed into place and
 * its folder fsync'd: once put resolves the blob survives a power cut, and a reader never sees half
 * a file. Every read checks the hash.
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { chmod, mkdir, open, readdir, readFile, rename, rm, stat, unlink, utimes } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { assertSha256, BlobCorruptError, BlobMissingError, type BlobStore, type StoredBlob } from './blob-store';
import { checked, sha256Of } from './hash';

/** Read-only for everyone the 0700 root lets in (the desk's own account): a blob is never rewritten in place. */
export const BLOB_FILE_MODE = 0o444;
const FOLDER_MODE = 0o700;
const TEMPORARY = /^\.tmp-/;
const NAME = /^[0-9a-f]{64}$/;

export interface FolderStore extends BlobStore {
  readonly kind: 'folder';
  readonly root: string;
  /** Where the blob of `sha256` lives (backups link to it). */
  pathOf(sha256: string): string;
  /** Removes temporary files a killed writer left behind, older than `before`. Returns how many. */
  sweepTemporaries(before: Date): Promise<number>;
  /**
   * Garbage collection's delete, safe against a writer putting the same hash at that moment: the blob is
   * first renamed aside; if it was touched since `before` (a put renewed it) or `stillUnused` now says a row
   * names it, it is put back; else removed. Returns the bytes freed (0 when kept).
   */
  removeIfUnused(sha256: string, before: Date, stillUnused: () => Promise<boolean>): Promise<number>;
}

/** Makes the file's directory entry durable (a rename or a new file). Windows cannot open folders: there NTFS journals it. */
async function fsyncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  const fd = await open(folder, constants.O_RDONLY);
  try {
    await fd.sync();
  } finally {
    await fd.close();
  }
}

/** Creates `root/ab/cd` as needed, fsyncing each parent whose entries changed. */
async function ensureFolder(root: string, folder: string): Promise<void> {
  const made = await mkdir(folder, { recursive: true, mode: FOLDER_MODE });
  if (made === undefined) return;
  // Every new folder from the first one made down to `folder` is a new entry in its parent.
  for (let f = folder; f.length >= made.length && f !== root; f = dirname(f)) await fsyncFolder(dirname(f));
}

export function folderStore(root: string): FolderStore {
  const pathOf = (sha256: string) => {
    assertSha256(sha256);
    return join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  };
  return {
    kind: 'folder',
    root,
    pathOf,
    async put(sha256, bytes) {
      const file = pathOf(sha256);
      if (sha256Of(bytes) !== sha256) throw new BlobCorruptError(sha256, sha256Of(bytes), 'refused before it was stored');
      // The same hash twice: what is there already is kept when it is whole (a damaged one is replaced), and its
      // time renewed, so that garbage collection's grace period starts again for a blob a new row is about to name.
      try {
        checked(sha256, await readFile(file));
        const now = new Date();
        await utimes(file, now, now);
        return;
      } catch (e) {
        if (!(e instanceof BlobCorruptError) && (e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      }
      const folder = dirname(file);
      await mkdir(root, { recursive: true, mode: FOLDER_MODE });
      await ensureFolder(root, folder);
      const tmp = join(folder, `.tmp-${sha256.slice(0, 16)}-${process.pid}-${randomBytes(6).toString('hex')}`);
      const fd = await open(tmp, 'wx', 0o600);
      try {
        await fd.writeFile(bytes);
        await fd.sync();
      } catch (e) {
        await fd.close();
        await rm(tmp, { force: true });
        throw e;
      }
      await fd.close();
      await chmod(tmp, BLOB_FILE_MODE);
      await rename(tmp, file);
      await fsyncFolder(folder);
    },
    async get(sha256) {
      const file = pathOf(sha256);
      let bytes: Uint8Array;
      try {
        bytes = await readFile(file);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new BlobMissingError(sha256);
        throw e;
      }
      return checked(sha256, bytes);
    },
    async has(sha256) {
      try {
        return (await stat(pathOf(sha256))).isFile();
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
        throw e;
      }
    },
    async delete(sha256) {
      await unlink(pathOf(sha256)).catch((e: NodeJS.ErrnoException) => {
        if (e.code !== 'ENOENT') throw e;
      });
    },
    async *list(): AsyncIterable<StoredBlob> {
      for (const file of await walk(root)) {
        if (!NAME.test(basename(file))) continue;
        const st = await stat(file).catch(() => null);
        if (st?.isFile()) yield { sha256: basename(file), storedAt: st.mtime, size: st.size };
      }
    },
    async removeIfUnused(sha256, before, stillUnused) {
      const file = pathOf(sha256);
      const aside = join(dirname(file), `.tmp-gc-${sha256.slice(0, 16)}-${process.pid}-${randomBytes(6).toString('hex')}`);
      try {
        await rename(file, aside);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 0;
        throw e;
      }
      const st = await stat(aside);
      if (st.mtime >= before || !(await stillUnused())) {
        // Back in place, unless a writer has meanwhile put a fresh copy there (then this one is surplus).
        if (await this.has(sha256)) await rm(aside, { force: true });
        else await rename(aside, file);
        return 0;
      }
      await rm(aside, { force: true });
      await fsyncFolder(dirname(file));
      return st.size;
    },
    async sweepTemporaries(before) {
      let removed = 0;
      for (const file of await walk(root)) {
        if (!TEMPORARY.test(basename(file))) continue;
        const st = await stat(file).catch(() => null);
        if (st && st.mtime < before) {
          await rm(file, { force: true });
          removed++;
        }
      }
      return removed;
    },
  };
}

/** The files two folder levels down (ab/cd/*); nothing when the root is not there yet. */
async function walk(root: string): Promise<string[]> {
  const names = async (folder: string) => readdir(folder).catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? [] : Promise.reject(e)));
  const out: string[] = [];
  for (const a of (await names(root)).filter((n) => /^[0-9a-f]{2}$/.test(n)).sort())
    for (const b of (await names(join(root, a))).filter((n) => /^[0-9a-f]{2}$/.test(n)).sort())
      for (const f of (await names(join(root, a, b))).sort()) out.push(join(root, a, b, f));
  return out;
}
