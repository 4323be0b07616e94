/**
 * One desk per user and desk folder: a second start (a double click, a mumaris-desk:// link, a
 * bundle opened from the file manager) hands its arguments to the first and quits; the first comes
 * to the front and opens what the arguments ask for. Electron's lock belongs to the data folder
 * (index.ts points userData at the desk folder), so desks on other folders run side by side.
 */
import type { App, BrowserWindow } from 'electron';
import { deepLinkInArgv, type DeepLink } from './deep-links';

export interface HandOver {
  /** The database this desk has open; the second start sends its own, to say so if they differ. */
  database: string;
}

export interface SingleInstanceDeps {
  app: Pick<App, 'requestSingleInstanceLock' | 'on' | 'quit'>;
  database: string;
  /** The desk's window, once there is one. */
  window(): BrowserWindow | null;
  /** Opens what a second start asked for (a deep link or a bundle). */
  open(link: DeepLink): void;
  /** A second start asked for another database than the one open here. */
  otherDatabase?(database: string): void;
}

/** Brings the window to the front, restored if minimised. */
export function focusWindow(win: BrowserWindow | null): void {
  if (!win || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

/** True when this process is the desk; false when another already is (this one then quits). */
export function claimSingleInstance(deps: SingleInstanceDeps): boolean {
  const handOver: HandOver = { database: deps.database };
  if (!deps.app.requestSingleInstanceLock(handOver)) {
    deps.app.quit();
    return false;
  }
  deps.app.on('second-instance', (_event, argv, _cwd, additionalData) => {
    focusWindow(deps.window());
    const theirs = (additionalData as Partial<HandOver> | null)?.database;
    if (typeof theirs === 'string' && theirs !== deps.database) deps.otherDatabase?.(theirs);
    const link = deepLinkInArgv(argv);
    if (link) deps.open(link);
  });
  return true;
}
