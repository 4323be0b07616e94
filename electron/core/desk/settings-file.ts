import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DeskFault } from '../errors';
import { isPostgresUrl, parseLocation } from '../db/location';

/** What an admin chose on the Settings page, kept in this desk's folder (it may hold a password: owner-only). */
export interface DeskSettings {
  /** A SQLite file or a postgres:// URL; absent: the default file in the data folder. */
  database?: string;
}

export type DatabaseSource = 'environment' | 'command_line' | 'settings' | 'default';

const FILE = 'settings.json';

export const settingsFile = (folder: string) => join(folder, FILE);

export function readDeskSettings(folder: string): DeskSettings {
  const file = settingsFile(folder);
  if (!existsSync(file)) return {};
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    if (typeof parsed !== 'object' || parsed === null) throw new Error('not an object');
    const database = (parsed as Record<string, unknown>).database;
    return typeof database === 'string' ? { database } : {};
  } catch (e) {
    throw new Error(`the desk's settings file ${file} cannot be read (${e instanceof Error ? e.message : String(e)}); fix or remove it`);
  }
}

/** Written whole or not at all (a temporary file renamed over the old one). */
export function writeDeskSettings(folder: string, settings: DeskSettings): void {
  if (settings.database !== undefined) {
    try {
      parseLocation(settings.database);
    } catch (e) {
      throw new DeskFault('bad_input', e instanceof Error ? e.message : String(e), 'عنوان قاعدة البيانات غير صالح');
    }
  }
  mkdirSync(folder, { recursive: true });
  const tmp = `${settingsFile(folder)}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(settings, null, 2)}\n`, { mode: 0o600 });
  renameSync(tmp, settingsFile(folder));
}

/**
 * Which database the desk whose own folder is `folder` opens: MUMARIS_DB, then --db, then the
 * admin's saved choice, then desk.sqlite in the folder. A file comes back as an absolute path.
 */
export function chooseDatabase(opts: { env?: NodeJS.ProcessEnv; commandLine?: string; folder: string }): {
  address: string;
  source: DatabaseSource;
} {
  const env = opts.env ?? process.env;
  const pick = (): [string, DatabaseSource] => {
    if (env.MUMARIS_DB) return [env.MUMARIS_DB, 'environment'];
    if (opts.commandLine) return [opts.commandLine, 'command_line'];
    const saved = readDeskSettings(opts.folder).database;
    return saved ? [saved, 'settings'] : [join(opts.folder, 'desk.sqlite'), 'default'];
  };
  const [address, source] = pick();
  return { address: isPostgresUrl(address) || address === ':memory:' ? address : resolve(address), source };
}
