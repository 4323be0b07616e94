/**
 * The desk's one window: locked down (context isolation, sandbox, no Node, no middle-click windows),
 * put back where the user left it, and opened on the address a deep link asked for. Its title follows
 * the page's (the open request's reference, set by the renderer).
 */
import type { BrowserWindow, BrowserWindowConstructorOptions, Rectangle } from 'electron';
import { join } from 'node:path';
import { ORIGIN } from './origin';
import { DEFAULT_STATE, keepOnScreen, readWindowState, trackWindowState, windowStateFile } from './window-state';

export const WINDOW_TITLE = 'مكتب مراجعة طلبات ممارس — Mumaris Review Desk';

export function windowOptions(preloadDir: string, bounds: Rectangle): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    minWidth: 800,
    minHeight: 560,
    show: false,
    title: WINDOW_TITLE,
    webPreferences: {
      preload: join(preloadDir, 'index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // A middle click must not open a link in a new window either.
      disableBlinkFeatures: 'Auxclick',
    },
  };
}

export interface MainWindowDeps {
  makeWindow(o: BrowserWindowConstructorOptions): BrowserWindow;
  workAreas(): Rectangle[];
  dataDir: string;
  preloadDir: string;
  /** The address inside the app to open first (a deep link's), or none for the desk's home. */
  hash?: string;
}

export function openMainWindow(d: MainWindowDeps): BrowserWindow {
  const file = windowStateFile(d.dataDir);
  const state = keepOnScreen(readWindowState(file) ?? { ...DEFAULT_STATE, bounds: { ...DEFAULT_STATE.bounds, x: 80, y: 60 } }, d.workAreas());
  const win = d.makeWindow(windowOptions(d.preloadDir, state.bounds));
  if (state.maximized) win.maximize();
  win.webContents.on('did-finish-load', () => win.webContents.setZoomLevel(state.zoomLevel));
  trackWindowState(win, file);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${ORIGIN}/index.html${d.hash ?? ''}`);
  return win;
}
