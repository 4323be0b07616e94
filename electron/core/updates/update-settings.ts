/**
 * Where the desktop app looks for updates: an internal server an administrator names in updates.json
 * in the desk's folder ({ "url": "https://updates.example.sa/desk/", "channel": "latest" }). Without
 * it nothing is checked: the desk never calls the internet on its own. The main process records each
 * check in updates-state.json beside it, for the Settings page.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { UpdateChannel, UpdateCheck, UpdatesView } from '../../../shared/updates';

export interface UpdateSettings {
  feedUrl: string | null;
  channel: UpdateChannel;
}

export const updateSettingsFile = (folder: string) => join(folder, 'updates.json');
const stateFile = (folder: string) => join(folder, 'updates-state.json');

function readJson(file: string): Record<string, unknown> | null {
  if (!existsSync(file)) return null;
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(`${file} does not hold a JSON object`);
  return parsed as Record<string, unknown>;
}

/** An update server address: https only (the files are also signed), no credentials in it. */
export function validFeedUrl(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length > 2000) return null;
  try {
    const u = new URL(raw);
    return u.protocol === 'https:' && !u.username && !u.password && !u.search && !u.hash ? u.toString() : null;
  } catch {
    return null;
  }
}

/** The admin's settings; a file that names no usable https address means no updates (and says so). */
export function readUpdateSettings(folder: string | null): UpdateSettings & { problem?: string } {
  if (!folder) return { feedUrl: null, channel: 'latest' };
  const file = updateSettingsFile(folder);
  let raw: Record<string, unknown> | null;
  try {
    raw = readJson(file);
  } catch (e) {
    return { feedUrl: null, channel: 'latest', problem: `${file} cannot be read: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (!raw) return { feedUrl: null, channel: 'latest' };
  const channel: UpdateChannel = raw.channel === 'beta' ? 'beta' : 'latest';
  const feedUrl = validFeedUrl(raw.url);
  return feedUrl || raw.url === undefined ? { feedUrl, channel } : { feedUrl: null, channel, problem: `${file}: "url" must be an https:// address` };
}

export function readLastCheck(folder: string | null): UpdateCheck | null {
  if (!folder) return null;
  try {
    const raw = readJson(stateFile(folder));
    const c = raw?.lastCheck as Partial<UpdateCheck> | undefined;
    if (!c || typeof c.at !== 'string' || !['none', 'available', 'downloaded', 'failed'].includes(String(c.outcome))) return null;
    return {
      at: c.at,
      outcome: c.outcome!,
      ...(typeof c.version === 'string' ? { version: c.version } : {}),
      ...(typeof c.message === 'string' ? { message: c.message.slice(0, 500) } : {}),
    };
  } catch {
    return null;
  }
}

/** Written whole (a temporary file renamed over the old one). */
export function writeLastCheck(folder: string, check: UpdateCheck): void {
  mkdirSync(folder, { recursive: true });
  const tmp = `${stateFile(folder)}.tmp`;
  writeFileSync(tmp, `${JSON.stringify({ lastCheck: check }, null, 2)}\n`);
  renameSync(tmp, stateFile(folder));
}

export function updatesView(folder: string | null, version: string): UpdatesView {
  const s = readUpdateSettings(folder);
  return {
    version,
    channel: s.channel,
    feedUrl: s.feedUrl,
    settingsFile: folder ? updateSettingsFile(folder) : null,
    lastCheck: readLastCheck(folder),
    problem: s.problem ?? null,
  };
}
