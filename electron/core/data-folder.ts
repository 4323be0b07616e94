import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_FOLDER = 'mumaris-review-desk';

/**
 * Where the case database lives without Electron: `MUMARIS_DB` if set, else the
 * folder Electron's userData would be on this system, so the app, host and CLI share data.
 */
export function defaultDatabaseFile(env: NodeJS.ProcessEnv = process.env): string {
  if (env.MUMARIS_DB) return env.MUMARIS_DB;
  return join(defaultDataFolder(env), 'desk.sqlite');
}

/** This desk's own folder (its SQLite file, or its card-signing key when the cases are on PostgreSQL). */
export function defaultDataFolder(env: NodeJS.ProcessEnv = process.env): string {
  if (env.MUMARIS_DATA_DIR) return env.MUMARIS_DATA_DIR;
  const base =
    process.platform === 'win32'
      ? (env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'))
      : process.platform === 'darwin'
        ? join(homedir(), 'Library', 'Application Support')
        : (env.XDG_CONFIG_HOME ?? join(homedir(), '.config'));
  return join(base, APP_FOLDER);
}
