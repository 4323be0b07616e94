import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from 'electron';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_STATE, keepOnScreen, readWindowState, trackWindowState, windowStateFile, writeWindowState } from './window-state';
import { FakeBrowserWindow } from './testing/fake-electron';

const dir = mkdtempSync(join(tmpdir(), 'desk-window-state-'));
const file = windowStateFile(dir);
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(() => {
  rmSync(file, { force: true });
  FakeBrowserWindow.reset();
});

const screen = [{ x: 0, y: 0, width: 1920, height: 1040 }];

describe('window state', () => {
  it('is written whole and read back', () => {
    const s = { bounds: { x: 10, y: 20, width: 1200, height: 800 }, maximized: true, zoomLevel: 1 };
    writeWindowState(file, s);
    expect(readWindowState(file)).toEqual(s);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(s);
  });

  it('a missing or damaged file is no state, never an error; an absurd zoom is held in bounds', () => {
    expect(readWindowState(file)).toBeNull();
    writeFileSync(file, '{"bounds":');
    expect(readWindowState(file)).toBeNull();
    writeFileSync(file, JSON.stringify({ bounds: { x: 'a', y: 0, width: 1, height: 1 } }));
    expect(readWindowState(file)).toBeNull();
    writeFileSync(file, JSON.stringify({ bounds: { x: 0, y: 0, width: 900, height: 700 }, zoomLevel: 99 }));
    expect(readWindowState(file)).toEqual({ bounds: { x: 0, y: 0, width: 900, height: 700 }, maximized: false, zoomLevel: 5 });
  });

  it('stays where it was on a screen that is still there, and shrinks to fit it', () => {
    const s = { ...DEFAULT_STATE, bounds: { x: 100, y: 50, width: 3000, height: 900 } };
    expect(keepOnScreen(s, screen).bounds).toEqual({ x: 100, y: 50, width: 1920, height: 900 });
    const second = [...screen, { x: 1920, y: 0, width: 1280, height: 1000 }];
    const onSecond = { ...DEFAULT_STATE, bounds: { x: 2000, y: 100, width: 1000, height: 700 } };
    expect(keepOnScreen(onSecond, second).bounds).toEqual(onSecond.bounds);
  });

  it('comes back centred on the primary screen when its monitor is gone or its title bar is off-screen', () => {
    const lost = { ...DEFAULT_STATE, bounds: { x: 2500, y: 100, width: 1000, height: 700 } };
    expect(keepOnScreen(lost, screen).bounds).toEqual({ x: 460, y: 170, width: 1000, height: 700 });
    const above = { ...DEFAULT_STATE, bounds: { x: 100, y: -300, width: 1000, height: 700 } };
    expect(keepOnScreen(above, screen).bounds.y).toBe(170);
  });

  it('is saved when the window closes: the normal size of a maximised window, and its zoom', () => {
    const win = new FakeBrowserWindow({ x: 5, y: 6, width: 1000, height: 700 });
    trackWindowState(win as unknown as BrowserWindow, file);
    win.maximize();
    win.webContents.setZoomLevel(-1);
    win.emit('close');
    expect(readWindowState(file)).toEqual({ bounds: { x: 5, y: 6, width: 1000, height: 700 }, maximized: true, zoomLevel: -1 });
  });

  it('is saved shortly after the window moves (not on every pixel of a drag)', () => {
    vi.useFakeTimers();
    try {
      const win = new FakeBrowserWindow({ x: 0, y: 0, width: 1000, height: 700 });
      trackWindowState(win as unknown as BrowserWindow, file);
      win.setBounds({ x: 300 });
      win.setBounds({ x: 310 });
      expect(readWindowState(file)).toBeNull();
      vi.advanceTimersByTime(600);
      expect(readWindowState(file)!.bounds.x).toBe(310);
    } finally {
      vi.useRealTimers();
    }
  });
});
