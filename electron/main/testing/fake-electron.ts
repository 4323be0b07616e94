/**
 * A stand-in for the `electron` module in vitest (`vi.mock('electron', () => fake)`): the binary
 * cannot run here, so the main process is tested against this. Each piece keeps Electron's own
 * signatures (typed from electron.d.ts) for the calls the desk makes, and records what was done
 * (handlers registered, messages sent, dialogs shown) for the tests to read.
 */
import { EventEmitter } from 'node:events';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type {
  App,
  BrowserWindowConstructorOptions,
  Dialog,
  IpcMain,
  IpcMainEvent,
  IpcMainInvokeEvent,
  MenuItemConstructorOptions,
  Protocol,
  Rectangle,
  Session,
  Shell,
  WebContentsPrintOptions,
  WindowOpenHandlerResponse,
} from 'electron';

type InvokeListener = Parameters<IpcMain['handle']>[1];
type WindowOpenHandler = (details: { url: string }) => WindowOpenHandlerResponse;

export class FakeWebContents extends EventEmitter {
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];
  readonly printed: WebContentsPrintOptions[] = [];
  /** What the next print reports: (success, failureReason). */
  printOutcome: [boolean, string] = [true, ''];
  windowOpenHandler: WindowOpenHandler | null = null;
  /** The page is still loading (nobody in it listens to IPC yet). */
  loading = false;
  private zoom = 0;
  isLoading(): boolean {
    return this.loading;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
  getZoomLevel(): number {
    return this.zoom;
  }
  setZoomLevel(level: number): void {
    this.zoom = level;
  }
  print(options: WebContentsPrintOptions, callback?: (success: boolean, failureReason: string) => void): void {
    this.printed.push(options);
    callback?.(...this.printOutcome);
  }
  /** Fires a cancellable event as Electron does; true when a listener prevented it. */
  cancellable(name: string, ...args: unknown[]): boolean {
    let prevented = false;
    this.emit(name, { preventDefault: () => void (prevented = true) }, ...args);
    return prevented;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static readonly all: FakeBrowserWindow[] = [];
  /** Forgets the windows of earlier tests. */
  static reset(): void {
    FakeBrowserWindow.all.length = 0;
  }
  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.all.filter((w) => !w.destroyed);
  }
  readonly webContents = new FakeWebContents();
  readonly loaded: string[] = [];
  bounds: Rectangle;
  maximized = false;
  minimized = false;
  visible = false;
  focused = false;
  destroyed = false;
  constructor(readonly options: BrowserWindowConstructorOptions = {}) {
    super();
    this.bounds = { x: options.x ?? 0, y: options.y ?? 0, width: options.width ?? 800, height: options.height ?? 600 };
    FakeBrowserWindow.all.push(this);
  }
  getBounds(): Rectangle {
    return { ...this.bounds };
  }
  getNormalBounds(): Rectangle {
    return { ...this.bounds };
  }
  setBounds(b: Partial<Rectangle>): void {
    this.bounds = { ...this.bounds, ...b };
    this.emit('resize');
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  maximize(): void {
    this.maximized = true;
    this.emit('maximize');
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  minimize(): void {
    this.minimized = true;
  }
  restore(): void {
    this.minimized = false;
  }
  show(): void {
    this.visible = true;
  }
  focus(): void {
    this.focused = true;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
  }
  loadURL(url: string): Promise<void> {
    this.loaded.push(url);
    return Promise.resolve();
  }
}

/** An IPC event as it reaches the main process from a frame at `url` (a sub-frame when `parent`). */
export function ipcEvent(url: string | null, parent = false): IpcMainInvokeEvent & IpcMainEvent {
  const frame = url === null ? null : { url, parent: parent ? { url: 'app://desk/index.html' } : null };
  return { senderFrame: frame } as unknown as IpcMainInvokeEvent & IpcMainEvent;
}

export function createFakeElectron() {
  const ipcHandlers = new Map<string, InvokeListener>();
  const ipcListeners = new EventEmitter();
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  const schemes: Parameters<Protocol['registerSchemesAsPrivileged']>[0][] = [];
  const permissions: {
    request?: Parameters<Session['setPermissionRequestHandler']>[0];
    check?: Parameters<Session['setPermissionCheckHandler']>[0];
  } = {};
  const errorBoxes: Array<{ title: string; content: string }> = [];
  const messageBoxes: unknown[] = [];
  const opened: string[] = [];
  const menus: MenuItemConstructorOptions[][] = [];
  const paths = new Map<string, string>([['userData', '/nonexistent/fake-user-data']]);

  class FakeApp extends EventEmitter {
    isPackaged = false;
    sandboxed = false;
    quitCalls = 0;
    lockHeld = true;
    lockData: unknown[] = [];
    protocolClients: string[] = [];
    ready: Promise<void> = Promise.resolve();
    getVersion: App['getVersion'] = () => '0.1.0';
    getAppPath: App['getAppPath'] = () => process.cwd();
    getPath = (name: Parameters<App['getPath']>[0]): string => paths.get(name) ?? `/nonexistent/${name}`;
    setPath: App['setPath'] = (name, path) => void paths.set(name, path);
    whenReady = (): Promise<void> => this.ready;
    enableSandbox: App['enableSandbox'] = () => void (this.sandboxed = true);
    quit: App['quit'] = () => void this.quitCalls++;
    focus: App['focus'] = () => undefined;
    requestSingleInstanceLock: App['requestSingleInstanceLock'] = (data) => {
      this.lockData.push(data);
      return this.lockHeld;
    };
    setAsDefaultProtocolClient: App['setAsDefaultProtocolClient'] = (scheme) => {
      this.protocolClients.push(scheme);
      return true;
    };
  }
  const app = new FakeApp();

  const ipcMain = {
    handle: ((channel, listener) => void ipcHandlers.set(channel, listener)) satisfies IpcMain['handle'],
    on: (channel: string, listener: (event: IpcMainEvent, ...args: unknown[]) => void) => {
      ipcListeners.on(channel, listener);
      return ipcMain;
    },
    /** What the page's ipcRenderer.invoke(channel, …) gets back. */
    invoke: async (channel: string, event: IpcMainInvokeEvent, ...args: unknown[]): Promise<unknown> => {
      const h = ipcHandlers.get(channel);
      if (!h) throw new Error(`no handler for ${channel}`);
      return h(event, ...args);
    },
    /** The page's ipcRenderer.send(channel, …). */
    send: (channel: string, event: IpcMainEvent, ...args: unknown[]) => void ipcListeners.emit(channel, event, ...args),
    handlers: ipcHandlers,
  };

  const protocol = {
    registerSchemesAsPrivileged: ((s) => void schemes.push(s)) satisfies Protocol['registerSchemesAsPrivileged'],
    handle: (scheme: string, handler: (request: Request) => Promise<Response>) => void protocolHandlers.set(scheme, handler),
    handlers: protocolHandlers,
    schemes,
  };

  /** Electron's net.fetch, for file: URLs (what the app:// handler reads the renderer with). */
  const net = {
    fetch: async (url: string): Promise<Response> => {
      try {
        return new Response(await readFile(fileURLToPath(url)), { status: 200, headers: { 'content-type': 'text/html' } });
      } catch {
        return new Response('missing', { status: 404 });
      }
    },
  };

  const shell = {
    openExternal: (async (url) => void opened.push(url)) satisfies Shell['openExternal'],
    opened,
  };

  const dialog = {
    showErrorBox: ((title, content) => void errorBoxes.push({ title, content })) satisfies Dialog['showErrorBox'],
    showMessageBox: async (options: unknown) => {
      messageBoxes.push(options);
      return { response: 0, checkboxChecked: false };
    },
    errorBoxes,
    messageBoxes,
  };

  const Menu = {
    buildFromTemplate: (template: MenuItemConstructorOptions[]) => ({ template }),
    setApplicationMenu: (menu: { template: MenuItemConstructorOptions[] } | null) => void (menu && menus.push(menu.template)),
    /** Every template set as the application menu, newest last. */
    applied: menus,
  };

  const screen = {
    displays: [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
    getAllDisplays: () => screen.displays,
  };

  const session = {
    defaultSession: {
      setPermissionRequestHandler: ((h) => void (permissions.request = h)) satisfies Session['setPermissionRequestHandler'],
      setPermissionCheckHandler: ((h) => void (permissions.check = h)) satisfies Session['setPermissionCheckHandler'],
      permissions,
    },
  };

  return { app, BrowserWindow: FakeBrowserWindow, ipcMain, protocol, net, shell, dialog, Menu, screen, session };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;

/** electron-updater's autoUpdater as the desk uses it (updates.ts), recording the calls. */
export class FakeUpdater extends EventEmitter {
  autoDownload = false;
  autoInstallOnAppQuit = false;
  allowDowngrade = true;
  allowPrerelease = false;
  channel: string | null = null;
  feeds: unknown[] = [];
  checks = 0;
  quitAndInstallCalls = 0;
  /** What the next check does: resolve, or reject with this error. */
  failWith: Error | null = null;
  setFeedURL(options: unknown): void {
    this.feeds.push(options);
  }
  async checkForUpdates(): Promise<null> {
    this.checks++;
    if (this.failWith) throw this.failWith;
    return null;
  }
  quitAndInstall(): void {
    this.quitAndInstallCalls++;
  }
}
