/**
 * The window as the user left it (size, position, maximised, zoom), kept in window-state.json in the
 * desk's data folder (one per OS user), written whole, and put back on start on a screen that is
 * still there: a window left on a monitor since unplugged comes back on the primary one.
 */
import type { BrowserWindow, Rectangle } from 'electron';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface WindowState {
  bounds: Rectangle;
  maximized: boolean;
  /** Chromium's zoom level (0 = 100 %). */
  zoomLevel: number;
}

export const DEFAULT_STATE: WindowState = { bounds: { x: 0, y: 0, width: 1400, height: 900 }, maximized: false, zoomLevel: 0 };
const MIN = { width: 800, height: 560 };

export const windowStateFile = (dataDir: string) => join(dataDir, 'window-state.json');

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && Math.abs(v) < 100_000;

/** The saved state, or null when there is none or it cannot be read (a damaged file is not an error here). */
export function readWindowState(file: string): WindowState | null {
  if (!existsSync(file)) return null;
  try {
    const s = JSON.parse(readFileSync(file, 'utf8')) as Partial<WindowState>;
    const b = s.bounds;
    if (!b || !isInt(b.x) || !isInt(b.y) || !isInt(b.width) || !isInt(b.height)) return null;
    const zoom = typeof s.zoomLevel === 'number' && Number.isFinite(s.zoomLevel) ? Math.max(-3, Math.min(5, s.zoomLevel)) : 0;
    return { bounds: { x: b.x, y: b.y, width: b.width, height: b.height }, maximized: s.maximized === true, zoomLevel: zoom };
  } catch {
    return null;
  }
}

/** Written whole or not at all (a temporary file renamed over the old one). */
export function writeWindowState(file: string, state: WindowState): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(state)}\n`);
  renameSync(tmp, file);
}

/**
 * The state moved onto the screens there are: kept if most of its title bar is on a work area,
 * else centred on the first (primary) one; never larger than that work area.
 */
export function keepOnScreen(state: WindowState, workAreas: readonly Rectangle[]): WindowState {
  const primary = workAreas[0];
  if (!primary) return state;
  const b = state.bounds;
  const visible = workAreas.find((a) => {
    const overlapX = Math.min(b.x + b.width, a.x + a.width) - Math.max(b.x, a.x);
    // The title bar: the top 40 pixels must be on the area, with at least 100 pixels across.
    return overlapX >= Math.min(100, b.width) && b.y >= a.y && b.y + 40 <= a.y + a.height;
  });
  const area = visible ?? primary;
  const width = Math.max(MIN.width, Math.min(b.width, area.width));
  const height = Math.max(MIN.height, Math.min(b.height, area.height));
  if (visible) return { ...state, bounds: { x: b.x, y: b.y, width, height } };
  return {
    ...state,
    bounds: { x: area.x + Math.round((area.width - width) / 2), y: area.y + Math.round((area.height - height) / 2), width, height },
  };
}

/** Saves the window's state when it moves, resizes, zooms or closes (at most every half second while dragging). */
export function trackWindowState(win: BrowserWindow, file: string): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const save = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (win.isDestroyed()) return;
    writeWindowState(file, {
      // The size to come back to when un-maximised, not the maximised one.
      bounds: win.isMaximized() ? win.getNormalBounds() : win.getBounds(),
      maximized: win.isMaximized(),
      zoomLevel: win.webContents.getZoomLevel(),
    });
  };
  const later = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(save, 500);
  };
  for (const e of ['resize', 'move', 'maximize', 'unmaximize'] as const) win.on(e as 'resize', later);
  win.webContents.on('zoom-changed', later);
  win.on('close', save);
  return save;
}
