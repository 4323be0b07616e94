/**
 * A backup set: a folder holding the database's online backup (`desk.sqlite`) and, under `blobs/`,
 * every attachment blob that copy names, as `blobs/ab/cd/<sha256>`. Each blob is a hard link: to the
 * same blob in the previous set when it was there already, else to the desk's blob folder (a copy
 * when the backups are on another device). Each set is whole by itself; a set costs only the blobs
 * added since the previous one. Restoring checks every named blob is present and whole in the set
 * before anything is replaced.
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { backupTo, inspectBackup, inspectBackupAside, restoreFrom } from './sqlite-backup';
import { readInWorker } from '../db/check-in-worker';
import type { OpenedDatabase } from '../db/connection';
import { DeskFault } from '../errors';
import type { BlobStore } from '../blobs/blob-store';
import { folderStore, type FolderStore } from '../blobs/folder-store';
import { blobFolderFor } from '../blobs/choose-store';
import { sha256Of } from '../blobs/hash';
import { privateFolder } from '../files/private-files';

const SET_DATABASE = 'desk.sqlite';
const MANIFEST = 'backup.json';

export interface SetManifest {
  at: string;
  /** Blobs the set's database names outside itself. */
  blobs: number;
  /** Linked from the previous set: cost nothing. */
  shared: number;
  /** New in this set (linked from the desk's blob folder or copied). */
  added: number;
  addedBytes: number;
  databaseBytes: number;
  previous: string | null;
}

const blobPath = (root: string, sha256: string) => join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);

type NamedBlob = { sha256: string; reference: string | null; fileName: string | null };

/** namedBlobs' statement: run on the desk's thread to inspect or restore a set, in a worker while one is written. */
const NAMED_BLOBS = `SELECT b.sha256 AS sha256,
    (SELECT r.reference FROM attachments a JOIN requests r ON r.id = a.request_id WHERE a.sha256 = b.sha256 ORDER BY a.id LIMIT 1) AS reference,
    (SELECT a.file_name FROM attachments a WHERE a.sha256 = b.sha256 ORDER BY a.id LIMIT 1) AS fileName
  FROM attachment_blobs b WHERE b.data IS NULL ORDER BY b.sha256`;

/** The blobs a database copy names outside itself (rows whose data is not in the row), with one attachment each for messages. */
function namedBlobs(databaseFile: string): NamedBlob[] {
  const db = new BetterSqlite3(databaseFile, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(NAMED_BLOBS).all() as NamedBlob[];
  } finally {
    db.close();
  }
}

/** Hard link, or a copy where links cannot go (another device, a file system without them). */
function linkOrCopy(from: string, to: string): 'linked' | 'copied' {
  mkdirSync(dirname(to), { recursive: true, mode: 0o700 });
  try {
    linkSync(from, to);
    return 'linked';
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EMLINK') throw e;
    copyFileSync(from, to);
    return 'copied';
  }
}

export function readManifest(set: string): SetManifest | null {
  try {
    return JSON.parse(readFileSync(join(set, MANIFEST), 'utf8')) as SetManifest;
  } catch {
    return null;
  }
}

/**
 * Writes the set `dir` (built as `dir.partial`, renamed when complete). `previous`: the newest set
 * before it, whose blobs are shared. `store`: the desk's blob store (a folder store's files are linked).
 */
export async function writeBackupSet(
  opened: OpenedDatabase,
  store: BlobStore,
  dir: string,
  previous: string | null,
  at: string,
): Promise<SetManifest> {
  const partial = `${dir}.partial`;
  rmSync(partial, { recursive: true, force: true });
  privateFolder(partial);
  const file = join(partial, SET_DATABASE);
  await backupTo(opened, file);
  // Checked beside the desk, not on its thread: the copy is read whole.
  await inspectBackupAside(file);
  const manifest: SetManifest = {
    at,
    blobs: 0,
    shared: 0,
    added: 0,
    addedBytes: 0,
    databaseBytes: statSync(file).size,
    previous: previous ? basename(previous) : null,
  };
  const folder = store.kind === 'folder' ? (store as FolderStore) : null;
  // Read beside the desk, and the desk's calls let through every few hundred blobs: a desk's thousands of blobs
  // (each a link made) held every call until the set was written.
  for (const { sha256 } of await readInWorker<NamedBlob>(file, NAMED_BLOBS)) {
    if (++manifest.blobs % 500 === 0) await new Promise((next) => setImmediate(next));
    const target = blobPath(join(partial, 'blobs'), sha256);
    const before = previous ? blobPath(join(previous, 'blobs'), sha256) : null;
    if (before && existsSync(before)) {
      linkOrCopy(before, target);
      manifest.shared++;
      continue;
    }
    // New since the previous set: checked whole before it is kept (the only blobs read, so the cost is what changed).
    const bytes = await store.get(sha256);
    if (folder) linkOrCopy(folder.pathOf(sha256), target);
    else {
      mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
      writeFileSync(target, bytes, { mode: 0o444 });
    }
    manifest.added++;
    manifest.addedBytes += bytes.length;
  }
  writeFileSync(join(partial, MANIFEST), JSON.stringify(manifest, null, 2), { mode: 0o600 });
  rmSync(dir, { recursive: true, force: true });
  renameSync(partial, dir);
  return manifest;
}

/** A set's database checked (inspectBackup), then every blob it names present and whole in the set; else a refusal naming what is wrong. */
export function inspectBackupSet(dir: string): { migrations: string[]; blobs: number } {
  const file = join(dir, SET_DATABASE);
  if (!existsSync(file)) throw new DeskFault('bad_input', `${dir} is not a backup set: it has no ${SET_DATABASE}`, `${dir} ليس مجموعة نسخ احتياطي`);
  const { migrations } = inspectBackup(file);
  const named = namedBlobs(file);
  const bad: string[] = [];
  for (const b of named) {
    const path = blobPath(join(dir, 'blobs'), b.sha256);
    let problem: string | null = null;
    try {
      if (sha256Of(readFileSync(path)) !== b.sha256) problem = 'damaged';
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      problem = 'missing';
    }
    if (problem) bad.push(`${problem} ${b.sha256}${b.reference ? ` (request ${b.reference}, attachment ${b.fileName})` : ''}`);
  }
  if (bad.length > 0)
    throw new DeskFault(
      'bad_input',
      `backup set ${dir} is incomplete, nothing was restored: ${bad.length} attachment blob(s) ${bad.length === 1 ? 'is' : 'are'} missing or damaged: ${bad.slice(0, 10).join('; ')}${bad.length > 10 ? `; and ${bad.length - 10} more` : ''}`,
      `مجموعة النسخ ${dir} ناقصة ولم يُستعد شيء: ${bad.length} من ملفات المرفقات مفقودة أو تالفة`,
    );
  return { migrations, blobs: named.length };
}

/**
 * Restores the (closed) database `databaseFile` from the set `dir`: the set is checked whole first;
 * then its blobs go into the database's blob folder (linked, or copied); then the database file is
 * replaced (sqlite-backup.ts restoreFrom, which keeps the old file beside it).
 */
async function restoreBackupSet(dir: string, databaseFile: string): Promise<{ previous: string | null; blobs: number; added: number }> {
  const { blobs } = inspectBackupSet(dir);
  const store = folderStore(blobFolderFor(databaseFile));
  let added = 0;
  for (const { sha256 } of namedBlobs(join(dir, SET_DATABASE))) {
    const ok = await store.get(sha256).then(
      () => true,
      () => false,
    );
    if (ok) continue;
    // Through the store: temporary name, fsync, rename; never a half-written blob under its name.
    await store.put(sha256, readFileSync(blobPath(join(dir, 'blobs'), sha256)), 'application/octet-stream');
    added++;
  }
  const { previous } = restoreFrom(join(dir, SET_DATABASE), databaseFile);
  return { previous, blobs, added };
}

/**
 * Restores a single-file backup (`desk backup --out FILE`, older desks): its database holds only the
 * rows, so every blob it names must already be present and whole in the database's blob folder.
 */
async function restoreBackupFile(file: string, databaseFile: string): Promise<{ previous: string | null }> {
  inspectBackup(file);
  const store = folderStore(blobFolderFor(databaseFile));
  const bad: string[] = [];
  for (const b of namedBlobs(file)) {
    const ok = await store.get(b.sha256).then(
      () => true,
      () => false,
    );
    if (!ok) bad.push(`${b.sha256}${b.reference ? ` (request ${b.reference}, attachment ${b.fileName})` : ''}`);
  }
  if (bad.length > 0)
    throw new DeskFault(
      'bad_input',
      `backup ${file} names ${bad.length} attachment blob(s) missing or damaged in ${store.root}, nothing was restored: ${bad.slice(0, 10).join('; ')}`,
      `النسخة ${file} تشير إلى ${bad.length} من ملفات المرفقات المفقودة أو التالفة: لم يُستعد شيء`,
    );
  return restoreFrom(file, databaseFile);
}

/** Restore from a set folder or a single file, whichever `path` is. */
export async function restoreBackup(path: string, databaseFile: string): Promise<{ previous: string | null }> {
  if (existsSync(path) && statSync(path).isDirectory()) return restoreBackupSet(path, databaseFile);
  return restoreBackupFile(path, databaseFile);
}

/** Sizes of a set for the Backups page: what it cost (its database and the blobs it added). */
export function setBytes(dir: string): number {
  const m = readManifest(dir);
  if (m) return m.databaseBytes + m.addedBytes;
  try {
    return statSync(join(dir, SET_DATABASE)).size;
  } catch {
    return 0;
  }
}

/** Whether `dir` looks like a complete set (its database there, not a .partial one). */
export const isBackupSet = (dir: string) => !dir.endsWith('.partial') && existsSync(join(dir, SET_DATABASE));
