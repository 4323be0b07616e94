import { homedir } from 'node:os';
import { join } from 'node:path';

const APP_FOLDER = 'mumaris-review-desk';

/**
 * This desk's own folder without Electron (MUMARIS_DATA_DIR, else where Electron's userData would be
 * on this system, so the app, host and CLI share it): its SQLite file, settings and card-signing key.
 */
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
