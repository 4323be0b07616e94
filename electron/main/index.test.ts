/**
 * The main process as Electron runs it, with `electron` and `electron-updater` replaced by fakes:
 * index.ts is imported for real (a desk opened on a temporary folder) and driven through the events
 * Electron would send it.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFakeElectron, FakeBrowserWindow, FakeUpdater, FakeWebContents, ipcEvent, type FakeElectron } from './testing/fake-electron';
import { CHANNELS } from './channels';
import { openDesk } from '../core/desk/open-desk';
import { sqliteHandle } from '../core/db/connection';

const holder = vi.hoisted(() => ({ electron: {} as Record<string, unknown>, updater: null as unknown }));
/** The module stays the same while each test gets a fresh fake behind it (index.ts is imported anew per test). */
vi.mock('electron', () => {
  const names = ['app', 'BrowserWindow', 'ipcMain', 'protocol', 'net', 'shell', 'dialog', 'Menu', 'screen', 'session'];
  return Object.defineProperties({}, Object.fromEntries(names.map((k) => [k, { enumerable: true, get: () => holder.electron[k] }])));
});
vi.mock('electron-updater', () => Object.defineProperty({}, 'autoUpdater', { enumerable: true, get: () => holder.updater }));

const base = mkdtempSync(join(tmpdir(), 'desk-main-'));
let n = 0;
let electron: FakeElectron;
let dataDir: string;
const saved = process.env.MUMARIS_DATA_DIR;

beforeEach(() => {
  vi.resetModules();
  FakeBrowserWindow.reset();
  electron = createFakeElectron();
  holder.electron = electron as unknown as Record<string, unknown>;
  holder.updater = new FakeUpdater();
  dataDir = join(base, String(n++));
  process.env.MUMARIS_DATA_DIR = dataDir;
});
afterEach(async () => {
  // Stops the background jobs and closes the desk the test opened.
  electron.app.emit('will-quit');
  await new Promise((r) => setTimeout(r, 50));
});
afterAll(() => {
  if (saved === undefined) delete process.env.MUMARIS_DATA_DIR;
  else process.env.MUMARIS_DATA_DIR = saved;
  rmSync(base, { recursive: true, force: true });
});

async function started(): Promise<FakeBrowserWindow> {
  await import('./index');
  await vi.waitFor(() => expect(FakeBrowserWindow.all).toHaveLength(1), { timeout: 50_000 });
  return FakeBrowserWindow.all[0]!;
}

const labels = (t: MenuItemConstructorOptions[]) => t.map((m) => m.label);
const desk = ipcEvent('app://desk/index.html');

describe('the main process, started against the fake', { timeout: 60_000 }, () => {
  it('opens the desk in a locked-down window on app://desk, holding the lock for its folder and database', async () => {
    const win = await started();
    expect(electron.app.getPath('userData')).toBe(dataDir);
    expect(electron.app.lockData).toEqual([{ database: join(dataDir, 'desk.sqlite') }]);
    expect(electron.protocol.schemes.flat().map((s) => s.scheme)).toEqual(['app']);
    expect([...electron.protocol.handlers.keys()]).toEqual(['app']);
    expect(win.loaded).toEqual(['app://desk/index.html']);
    expect(electron.app.sandboxed).toBe(true);
    expect(win.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    // Every permission refused.
    expect(electron.session.defaultSession.permissions.check!(null, 'media', 'app://desk', {} as never)).toBe(false);
    // Not installed: the protocol is left to the installer, and no update is looked for.
    expect(electron.app.protocolClients).toEqual([]);
    expect((holder.updater as FakeUpdater).checks).toBe(0);
  });

  it('installed: registers mumaris-desk:// and checks the administrator’s update server', async () => {
    electron.app.isPackaged = true;
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(join(dataDir, 'updates.json'), JSON.stringify({ url: 'https://updates.scfhs.internal/desk/' }));
    await started();
    expect(electron.app.protocolClients).toEqual(['mumaris-desk']);
    const updater = holder.updater as FakeUpdater;
    expect(updater.feeds).toEqual([{ provider: 'generic', url: 'https://updates.scfhs.internal/desk/', channel: 'latest' }]);
    expect(updater.checks).toBe(1);
    // Installed: no reload or developer tools in the menu.
    const view = electron.Menu.applied.at(-1)![2]!.submenu as MenuItemConstructorOptions[];
    expect(view.some((i) => i.role === 'reload' || i.role === 'toggleDevTools')).toBe(false);
  });

  it('answers the desk page over IPC and refuses any other frame', async () => {
    await started();
    expect(await electron.ipcMain.invoke(CHANNELS.call, desk, 'app.info', {})).toMatchObject({ ok: true, value: { firstRun: true } });
    expect(await electron.ipcMain.invoke(CHANNELS.call, ipcEvent('https://evil.example/'), 'app.info', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    // The app:// handler is the real one: nothing outside the renderer folder.
    const handler = electron.protocol.handlers.get('app')!;
    expect((await handler(new Request('app://desk/%2e%2e/%2e%2e/package.json'))).status).toBe(404);
  });

  it('guards every web contents the app creates', async () => {
    await started();
    const contents = new FakeWebContents();
    electron.app.emit('web-contents-created', {}, contents);
    expect(contents.cancellable('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  it('sets the menu in Arabic and rebuilds it in English when the page’s language changes', async () => {
    await started();
    expect(labels(electron.Menu.applied.at(-1)!)).toEqual(['ملف', 'تحرير', 'عرض', 'انتقال', 'مساعدة']);
    electron.ipcMain.send(CHANNELS.setLanguage, desk, 'en');
    expect(labels(electron.Menu.applied.at(-1)!)).toEqual(['File', 'Edit', 'View', 'Go', 'Help']);
    // A menu item reaches the page as a command.
    const go = electron.Menu.applied.at(-1)![3]!.submenu as MenuItemConstructorOptions[];
    go.find((i) => i.id === 'claim-next')!.click!({} as never, undefined, {} as never);
    expect(FakeBrowserWindow.all[0]!.webContents.sent).toContainEqual({ channel: CHANNELS.menuCommand, args: ['claim-next'] });
  });

  it('a second start with a deep link brings the window forward and opens the request', async () => {
    const win = await started();
    win.minimize();
    electron.app.emit('second-instance', {}, ['desk', 'mumaris-desk://case/REQ-2026-000123'], dataDir, { database: join(dataDir, 'desk.sqlite') });
    expect(win.isMinimized()).toBe(false);
    expect(win.focused).toBe(true);
    expect(win.webContents.sent).toContainEqual({ channel: CHANNELS.navigate, args: ['#/case/REQ-2026-000123'] });
    // macOS hands links as open-url: the same, and anything else is ignored.
    electron.app.emit('open-url', { preventDefault() {} }, 'mumaris-desk://verify?payload=MUM1.abc');
    electron.app.emit('open-url', { preventDefault() {} }, 'mumaris-desk://case/../../users');
    electron.app.emit('open-file', { preventDefault() {} }, '/home/r/batch.mumaris.zip');
    expect(win.webContents.sent.filter((s) => s.channel === CHANNELS.navigate).map((s) => s.args[0])).toEqual([
      '#/case/REQ-2026-000123',
      '#/verify/MUM1.abc',
      '#/import',
    ]);
    // While the page is still loading, nobody listens: the window is loaded on the address instead.
    win.webContents.loading = true;
    electron.app.emit('second-instance', {}, ['desk', 'mumaris-desk://case/REQ-2026-000777'], dataDir, null);
    expect(win.loaded.at(-1)).toBe('app://desk/index.html#/case/REQ-2026-000777');
  });

  it('a damaged database: the dialog says so, the app quits, no window opens', async () => {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(join(dataDir, 'desk.sqlite'), 'not a database at all '.repeat(200));
    await import('./index');
    await vi.waitFor(() => expect(electron.dialog.errorBoxes).toHaveLength(1), { timeout: 50_000 });
    expect(electron.dialog.errorBoxes[0]!.content).toContain(join(dataDir, 'desk.sqlite'));
    expect(electron.app.quitCalls).toBe(1);
    expect(FakeBrowserWindow.all).toHaveLength(0);
  });

  it("damage in the attachments' bytes only: the window opens at once, then the same dialog, no window left, the app quits", async () => {
    const file = join(dataDir, 'desk.sqlite');
    const made = await openDesk(file, { settingsFolder: dataDir });
    const put = sqliteHandle(made.opened).prepare(
      "INSERT INTO attachment_blobs (sha256, size, mime, data, stored) VALUES (?, ?, 'application/pdf', ?, 'database')",
    );
    for (let i = 0; i < 60; i++) put.run(`sha-${i}`, 64 * 1024, Buffer.alloc(64 * 1024, i));
    sqliteHandle(made.opened).pragma('wal_checkpoint(TRUNCATE)');
    await made.close();
    // Two pages scribbled in the middle of the file: the attachments' bytes, which only the whole-file check reads.
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, Math.floor(statSync(file).size / 2 / 4096) * 4096);
    closeSync(fd);

    await import('./index');
    await vi.waitFor(() => expect(electron.dialog.errorBoxes).toHaveLength(1), { timeout: 50_000 });
    expect(FakeBrowserWindow.all).toHaveLength(1);
    expect(electron.dialog.errorBoxes[0]!.content).toContain(file);
    expect(electron.dialog.errorBoxes[0]!.content).toMatch(/is damaged \(quick_check/);
    expect(FakeBrowserWindow.getAllWindows()).toHaveLength(0);
    expect(electron.app.quitCalls).toBe(1);
  });

  it('a second desk on the same folder quits before opening anything', async () => {
    electron.app.lockHeld = false;
    await import('./index');
    await new Promise((r) => setTimeout(r, 100));
    expect(electron.app.quitCalls).toBe(1);
    expect(electron.protocol.handlers.size).toBe(0);
    expect(FakeBrowserWindow.all).toHaveLength(0);
  });
});
