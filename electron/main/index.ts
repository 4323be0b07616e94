/**
 * Electron only: lifecycle, the window, the app:// protocol and IPC wiring.
 * Everything a desk does lives in electron/core; this file stays thin.
 */
import { app, BrowserWindow, dialog, ipcMain, net, protocol, shell, session } from 'electron';
import { join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { decodePath } from '../host/request-path';
import { mkdirSync } from 'node:fs';
import { chooseDatabase } from '../core/desk-settings';
import { openDesk, type Desk } from '../core/desk';
import { attachmentHeaders, fileForTicket } from '../core/files/attachment-file';
import { createHandlers } from '../core/handlers';
import { createDispatch, type Dispatch } from '../core/dispatch';
import { seedDemo } from '../core/demo/seed';
import { CSP } from '../host/server';
import { startBackgroundJobs } from '../core/jobs';
import { startupFailureMessage } from '../core/backups';

const ORIGIN = 'app://desk';
protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

let dispatch: Dispatch | null = null;

function serveRenderer(desk: Desk): void {
  const root = join(__dirname, '..', 'renderer');
  protocol.handle('app', async (request) => {
    const url = new URL(request.url);
    if (url.host === 'desk' && url.pathname.startsWith('/files/')) {
      // The link opens only with the file key of the session that asked for it (files/tickets.ts).
      const f = await fileForTicket(desk, url.pathname.slice(7), url.searchParams.get('k'));
      return f ? new Response(f.bytes, { headers: attachmentHeaders(f) }) : new Response('unknown or expired file link', { status: 404 });
    }
    const path = decodePath(url.pathname);
    if (path === null) return new Response('bad address', { status: 400 });
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    if (url.host !== 'desk' || !file.startsWith(root + sep)) return new Response('not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('content-security-policy', CSP);
    return new Response(response.body, { status: response.status, headers });
  });
}

function createWindow(): void {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    show: false,
    title: 'مكتب مراجعة طلبات ممارس — Mumaris Review Desk',
    webPreferences: {
      preload: join(__dirname, '..', 'preload', 'index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      // A middle click must not open a link in a new window either.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${ORIGIN}/index.html`);
}

app.on('web-contents-created', (_event, contents) => {
  // Navigation and new windows are denied; only https links open, in the system browser.
  contents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${ORIGIN}/`)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (/^https:\/\/[a-z0-9.-]+\.(gov\.sa|org\.sa)(\/|$)/i.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
});

void app.whenReady().then(async () => {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  const dataDir = process.env.MUMARIS_DATA_DIR ?? app.getPath('userData');
  mkdirSync(dataDir, { recursive: true });
  let file = join(dataDir, 'desk.sqlite');
  let desk: Desk;
  try {
    const chosen = chooseDatabase({ folder: dataDir });
    file = chosen.address;
    desk = await openDesk(file, { source: chosen.source, settingsFolder: dataDir });
  } catch (e) {
    // Never wiped, never replaced behind the user's back: say what happened and which backup restores it.
    dialog.showErrorBox('مكتب مراجعة طلبات ممارس — Mumaris Review Desk', startupFailureMessage(file, e));
    app.quit();
    return;
  }
  desk.loadDemo = async () => void (await seedDemo(desk.db, desk.clock, { cases: 1500, seed: 1, signer: desk.cardSigner }));
  dispatch = createDispatch(createHandlers(desk), desk);
  const stopJobs = startBackgroundJobs(desk);
  ipcMain.handle('desk:call', async (event, name: unknown, args: unknown, sessionToken: unknown) => {
    // Only the app's own page may call; a frame from anywhere else is refused.
    if (!event.senderFrame || !event.senderFrame.url.startsWith(`${ORIGIN}/`)) {
      return { ok: false, error: { code: 'forbidden', message: 'calls are accepted only from the desk itself' } };
    }
    return dispatch!(String(name), args, typeof sessionToken === 'string' ? sessionToken : undefined);
  });
  serveRenderer(desk);
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
  app.on('will-quit', () => {
    stopJobs();
    void desk.close();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
