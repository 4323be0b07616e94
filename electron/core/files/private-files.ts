/**
 * Files holding personal data (the database, its WAL and SHM, backups, exports) are readable by the
 * desk's own system account only: files 0600 in folders 0700, whatever the umask. On Windows the
 * modes are not enforced by the system (the user profile's ACL protects these folders there).
 */
import { chmodSync, closeSync, existsSync, lstatSync, mkdirSync, openSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tmpdir } from 'node:os';

export const PRIVATE_FOLDER_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

const chmodIfThere = (path: string, mode: number) => {
  try {
    chmodSync(path, mode);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
};

/** The desk's own folder (backups, exports): created 0700, and tightened to 0700 if it was not. */
export function privateFolder(folder: string): string {
  mkdirSync(folder, { recursive: true, mode: PRIVATE_FOLDER_MODE });
  chmodSync(folder, PRIVATE_FOLDER_MODE);
  return folder;
}

/** Creates `file` empty with mode 0600 unless it exists: whatever opens it next keeps that mode. */
export function createPrivateFile(file: string): void {
  try {
    closeSync(openSync(file, 'wx', PRIVATE_FILE_MODE));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  chmodSync(file, PRIVATE_FILE_MODE);
}

/** Tightens files already written (an older desk's database or backups) to 0600. */
export function privateFile(file: string): void {
  chmodIfThere(file, PRIVATE_FILE_MODE);
}

/**
 * Before a SQLite file is opened: its folder made if need be (0700; an existing folder is tightened
 * only when it is the desk's own, `ownFolder`), the file created 0600 (SQLite gives its WAL and SHM
 * the mode of the database file), and the files an older desk left readable tightened.
 */
export function prepareDatabaseFile(file: string, ownFolder: boolean): void {
  const folder = dirname(file);
  const created = mkdirSync(folder, { recursive: true, mode: PRIVATE_FOLDER_MODE });
  if (created !== undefined || ownFolder) chmodSync(folder, PRIVATE_FOLDER_MODE);
  if (!existsSync(file)) createPrivateFile(file);
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) privateFile(f);
}

/**
 * A desk user's own export folder (0700) under one base per system account in the temporary folder;
 * the base is refused if someone else made it first or it is not a plain folder.
 */
let exportsBase: string | undefined;
export function exportsFolder(userId: number): string {
  if (!exportsBase) {
    const uid = typeof process.getuid === 'function' ? process.getuid() : 0;
    const base = join(tmpdir(), `mumaris-exports-${uid}`);
    mkdirSync(base, { recursive: true, mode: PRIVATE_FOLDER_MODE });
    const st = lstatSync(base);
    if (!st.isDirectory() || st.isSymbolicLink() || (typeof process.getuid === 'function' && st.uid !== uid))
      throw new Error(`${base} is not this account's own folder; remove it and try again`);
    exportsBase = privateFolder(base);
  }
  return privateFolder(join(exportsBase, `user-${userId}`));
}
