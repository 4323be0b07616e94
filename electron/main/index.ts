/**
 * Electron only: wires the shell's pieces together. Each does one thing in its own file (the app://
 * handler, the guards, IPC, single instance, deep links, the menu, the window, updates, printing);
 * everything a desk does lives in electron/core.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, screen, session, shell } from 'electron';
import { autoUpdater } from 'electron-updater';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chooseDatabase } from '../core/desk/settings-file';
import { openDesk, type Desk } from '../core/desk/open-desk';
import { fileForTicket } from '../core/files/attachment-file';
import { createHandlers } from '../core/handlers';
import { createDispatch } from '../core/dispatch';
import { startBackgroundJobs } from '../core/desk/background-jobs';
import { stopWhenDamaged } from '../core/desk/whole-file-check';
import { aboutText, libraryNotices } from './about';
import { createAppHandler, registerAppScheme } from './app-protocol';
import { CHANNELS } from './channels';
import { deepLinkInArgv, parseDeepLink, PROTOCOL, routeFor, type DeepLink } from './deep-links';
import { guardContents, refusePermissions } from './guards';
import { registerIpc } from './ipc';
import { openMainWindow } from './main-window';
import { ORIGIN } from './origin';
import { buildMenuTemplate } from './menu';
import type { MenuCommand } from './menu-commands';
import type { MenuLang } from './menu-words';
import { fileTicketOf, printPdf } from './print';
import { claimSingleInstance, focusWindow } from './single-instance';
import { reportStartupFailure } from './startup-failure';
import { startUpdates } from './updates';

// Every renderer sandboxed, the print window included, whatever its own options say.
app.enableSandbox();
registerAppScheme(protocol);

const dataDir = process.env.MUMARIS_DATA_DIR ?? app.getPath('userData');
// Electron's single-instance lock belongs to userData: a desk folder of its own gets a lock of its own.
if (process.env.MUMARIS_DATA_DIR) app.setPath('userData', dataDir);
mkdirSync(dataDir, { recursive: true });

let chosen: ReturnType<typeof chooseDatabase> | Error;
try {
  chosen = chooseDatabase({ folder: dataDir });
} catch (e) {
  chosen = e instanceof Error ? e : new Error(String(e));
}
const databaseFile = chosen instanceof Error ? join(dataDir, 'desk.sqlite') : chosen.address;

let win: BrowserWindow | null = null;
let lang: MenuLang = 'ar';
/** A deep link that arrived before the window (the command line, macOS's open-url at launch). */
let pending: DeepLink | null = deepLinkInArgv(process.argv);

function open(link: DeepLink): void {
  if (!win || win.isDestroyed()) {
    pending = link;
    return;
  }
  focusWindow(win);
  // A page still loading has no one listening yet: it is loaded on the address instead (nothing to lose yet).
  if (win.webContents.isLoading()) void win.loadURL(`${ORIGIN}/index.html${routeFor(link)}`);
  else win.webContents.send(CHANNELS.navigate, routeFor(link));
}

const firstInstance = claimSingleInstance({
  app,
  database: databaseFile,
  window: () => win,
  open,
  otherDatabase: (theirs) =>
    void dialog.showMessageBox({
      type: 'info',
      message: 'هذا المكتب مفتوح على قاعدة بيانات أخرى. / This desk is already open on another database.',
      detail: `${databaseFile}\n≠ ${theirs}`,
    }),
});

// macOS hands links and files to the running app as events, not as arguments.
app.on('open-url', (event, url) => {
  event.preventDefault();
  const link = parseDeepLink(url);
  if (link) open(link);
});
app.on('open-file', (event, path) => {
  event.preventDefault();
  const link = deepLinkInArgv(['', path]);
  if (link) open(link);
});
app.on('web-contents-created', (_event, contents) => guardContents(contents, shell));

function applyMenu(): void {
  const template = buildMenuTemplate({
    lang,
    platform: process.platform,
    isPackaged: app.isPackaged,
    onCommand: (command: MenuCommand) => win?.webContents.send(CHANNELS.menuCommand, command),
    onAbout: () => {
      const text = aboutText({ lang, version: app.getVersion(), database: databaseFile, libraries: libraryNotices(app.getAppPath()) });
      void dialog.showMessageBox({
        type: 'info',
        title: text.title,
        message: text.message,
        detail: text.detail,
        buttons: [lang === 'ar' ? 'حسنًا' : 'OK'],
      });
    },
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

async function start(): Promise<void> {
  refusePermissions(session.defaultSession);
  if (app.isPackaged) app.setAsDefaultProtocolClient(PROTOCOL);
  let desk: Desk;
  try {
    if (chosen instanceof Error) throw chosen;
    // The tables are checked now, the whole file (the attachments' bytes) while the window opens: a 1 GB desk opens in a moment.
    desk = await openDesk(chosen.address, { source: chosen.source, settingsFolder: dataDir, checkLater: true });
  } catch (e) {
    reportStartupFailure({ dialog, app }, databaseFile, e);
    return;
  }
  // The demo's seeding (pdf-lib, the fonts, the OCR letters) is loaded only when the first-run screen asks for it.
  desk.loadDemo = async () => {
    const { seedDemo } = await import('../core/demo/seed');
    await seedDemo(desk.db, desk.clock, { cases: 1500, seed: 1, signer: desk.cardSigner, blobs: desk.blobs });
  };
  // `npm run demo`: the outbox goes to files a person can open, never to a relay (delivery/capture-transport.ts).
  if (process.argv.includes('--demo')) desk.deliveryCapture = join(dataDir, 'outbox-capture');
  const stopJobs = startBackgroundJobs(desk);
  // Damage found by the whole-file check stops the desk as damage found at open does: the same dialog, then quit
  // (will-quit below stops the jobs and closes the database).
  stopWhenDamaged(desk, (e) => {
    for (const w of BrowserWindow.getAllWindows()) w.destroy();
    reportStartupFailure({ dialog, app }, databaseFile, e);
  });
  registerIpc({
    ipcMain,
    dispatch: createDispatch(createHandlers(desk), desk),
    setLanguage: (next) => {
      lang = next;
      applyMenu();
    },
    printPdf: (url) =>
      printPdf(
        {
          makeWindow: (o) => new BrowserWindow(o),
          readFile: async (link) => {
            const { ticket, key } = fileTicketOf(link);
            return fileForTicket(desk, ticket, key);
          },
        },
        url,
      ),
  });
  protocol.handle(
    'app',
    createAppHandler({
      root: join(__dirname, '..', 'renderer'),
      fileForTicket: (ticket, key) => fileForTicket(desk, ticket, key),
      fetchFile: (url) => net.fetch(url),
    }),
  );
  applyMenu();
  const show = () => {
    const hash = pending ? routeFor(pending) : undefined;
    pending = null;
    win = openMainWindow({
      makeWindow: (o) => new BrowserWindow(o),
      workAreas: () => screen.getAllDisplays().map((d) => d.workArea),
      dataDir,
      preloadDir: join(__dirname, '..', 'preload'),
      hash,
    });
  };
  show();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) show();
  });
  const stopUpdates = startUpdates({ updater: autoUpdater, folder: dataDir, isPackaged: app.isPackaged, now: () => new Date() });
  app.on('will-quit', () => {
    stopUpdates?.();
    stopJobs();
    void desk.close();
  });
}

if (firstInstance) void app.whenReady().then(start);

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
