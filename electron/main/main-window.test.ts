import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { BrowserWindow } from 'electron';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { windowStateFile, writeWindowState } from './window-state';
import { openMainWindow } from './main-window';
import { FakeBrowserWindow } from './testing/fake-electron';

const dir = mkdtempSync(join(tmpdir(), 'desk-main-window-'));
const file = windowStateFile(dir);
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(() => FakeBrowserWindow.reset());
const screen = [{ x: 0, y: 0, width: 1920, height: 1040 }];

describe('the desk window', () => {
  it('the desk window opens where it was left, maximised and zoomed as it was, on the address asked for', () => {
    writeWindowState(file, { bounds: { x: 40, y: 30, width: 1300, height: 850 }, maximized: true, zoomLevel: 2 });
    const win = openMainWindow({
      makeWindow: (o) => new FakeBrowserWindow(o) as unknown as BrowserWindow,
      workAreas: () => screen,
      dataDir: dir,
      preloadDir: '/app/out/preload',
      hash: '#/case/REQ-2026-000123',
    }) as unknown as FakeBrowserWindow;
    expect(win.options).toMatchObject({ x: 40, y: 30, width: 1300, height: 850, show: false });
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      preload: join('/app/out/preload', 'index.js'),
    });
    expect(win.isMaximized()).toBe(true);
    expect(win.loaded).toEqual(['app://desk/index.html#/case/REQ-2026-000123']);
    win.webContents.emit('did-finish-load');
    expect(win.webContents.getZoomLevel()).toBe(2);
    win.emit('ready-to-show');
    expect(win.visible).toBe(true);
  });

  it('a first start opens a window of the default size on the screen, at the desk’s home', () => {
    rmSync(file, { force: true });
    const win = openMainWindow({
      makeWindow: (o) => new FakeBrowserWindow(o) as unknown as BrowserWindow,
      workAreas: () => screen,
      dataDir: dir,
      preloadDir: '/app/out/preload',
    }) as unknown as FakeBrowserWindow;
    expect(win.options).toMatchObject({ width: 1400, height: 900 });
    expect(win.isMaximized()).toBe(false);
    expect(win.loaded).toEqual(['app://desk/index.html']);
  });
});
