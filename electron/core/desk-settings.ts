import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DeskFault } from './errors';
import { parseLocation } from './db/location';

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

/** Which database this desk opens: MUMARIS_DB, then --db, then the admin's saved choice, then the default file. */
export function chooseDatabase(opts: { env?: NodeJS.ProcessEnv; commandLine?: string; folder: string; defaultFile: string }): {
  address: string;
  source: DatabaseSource;
} {
  const env = opts.env ?? process.env;
  if (env.MUMARIS_DB) return { address: env.MUMARIS_DB, source: 'environment' };
  if (opts.commandLine) return { address: opts.commandLine, source: 'command_line' };
  const saved = readDeskSettings(opts.folder).database;
  if (saved) return { address: saved, source: 'settings' };
  return { address: opts.defaultFile, source: 'default' };
}
