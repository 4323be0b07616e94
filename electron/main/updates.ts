/**
 * Updates from the administrator's own server (electron-updater, generic provider): checked at start
 * and once a day, downloaded in the background and installed when the user next quits the desk —
 * never by restarting the app under someone in the middle of a decision (quitAndInstall is never
 * called). The installer's signature check is left as electron-updater does it (on for Windows).
 * Each check is written to updates-state.json for the Settings page (core/updates/update-settings.ts).
 */
import type { AppUpdater } from 'electron-updater';
import type { UpdateCheck } from '../../shared/updates';
import { readUpdateSettings, writeLastCheck } from '../core/updates/update-settings';

export const DAY_MS = 24 * 60 * 60 * 1000;

/** The part of electron-updater's AppUpdater the desk uses (a fake in tests: the real one needs the binary). */
export type Updater = Pick<
  AppUpdater,
  'setFeedURL' | 'checkForUpdates' | 'on' | 'autoDownload' | 'autoInstallOnAppQuit' | 'allowDowngrade' | 'allowPrerelease' | 'channel'
>;

export interface UpdatesDeps {
  updater: Updater;
  /** The desk folder (updates.json, updates-state.json). */
  folder: string;
  /** Only an installed desk updates itself; a development run has nothing to replace. */
  isPackaged: boolean;
  now(): Date;
  /** Timers, replaceable in tests. */
  every?(ms: number, run: () => void): () => void;
}

const everyDefault = (ms: number, run: () => void) => {
  const t = setInterval(run, ms);
  t.unref();
  return () => clearInterval(t);
};

/** Starts checking; returns the function that stops the daily check, or null when updates are off. */
export function startUpdates(deps: UpdatesDeps): (() => void) | null {
  const settings = readUpdateSettings(deps.folder);
  const record = (c: Omit<UpdateCheck, 'at'>) => writeLastCheck(deps.folder, { at: deps.now().toISOString(), ...c });
  if (settings.problem) record({ outcome: 'failed', message: settings.problem });
  if (!deps.isPackaged || !settings.feedUrl) return null;
  const u = deps.updater;
  u.setFeedURL({ provider: 'generic', url: settings.feedUrl, channel: settings.channel });
  u.channel = settings.channel;
  u.allowPrerelease = settings.channel === 'beta';
  // Leaving the beta channel waits for the stable version to catch up rather than installing an older one.
  u.allowDowngrade = false;
  u.autoDownload = true;
  u.autoInstallOnAppQuit = true;
  u.on('update-not-available', () => record({ outcome: 'none' }));
  u.on('update-available', (info) => record({ outcome: 'available', version: info.version }));
  u.on('update-downloaded', (info) => record({ outcome: 'downloaded', version: info.version }));
  u.on('error', (e) => record({ outcome: 'failed', message: e instanceof Error ? e.message : String(e) }));
  const check = () =>
    void u.checkForUpdates().catch((e: unknown) => record({ outcome: 'failed', message: e instanceof Error ? e.message : String(e) }));
  check();
  return (deps.every ?? everyDefault)(DAY_MS, check);
}
