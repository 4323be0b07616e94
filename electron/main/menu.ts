/**
 * The application menu as a template (pure: no Electron call here, so both languages are tested
 * without the binary). Commands that belong to the page (print, export, search, claim next…) are sent
 * to the renderer; the keys shown are the page's own shortcuts (ShortcutSheet), displayed but left to
 * the page to answer, so a key does the same thing with or without the menu.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { QUEUES, TERMS } from '../../shared/domain';
import { word, type MenuLang } from './menu-words';
import type { MenuCommand } from './menu-commands';

export type { MenuCommand };

export interface MenuOptions {
  lang: MenuLang;
  platform: NodeJS.Platform;
  /** Installed build: no reload, no developer tools. */
  isPackaged: boolean;
  onCommand(command: MenuCommand): void;
  onAbout(): void;
}

export function buildMenuTemplate(o: MenuOptions): MenuItemConstructorOptions[] {
  const w = (k: Parameters<typeof word>[1]) => word(o.lang, k);
  const mac = o.platform === 'darwin';
  const send = (command: MenuCommand) => () => o.onCommand(command);
  /**
   * A key the page itself answers (QueuePage, QueueFilters, AppFrame): shown beside the item, never
   * registered, so typing "n" in a text box stays a letter. macOS cannot show a key without taking it,
   * so a key with no modifier is left off there.
   */
  const pageKey = (key: string): Partial<MenuItemConstructorOptions> =>
    mac && !key.includes('+') ? {} : { accelerator: key, registerAccelerator: false };
  const file: MenuItemConstructorOptions = {
    label: w('file'),
    submenu: [
      { id: 'print', label: w('print'), accelerator: 'CmdOrCtrl+P', click: send('print') },
      { id: 'export', label: w('export'), accelerator: 'CmdOrCtrl+E', click: send('export') },
      { type: 'separator' },
      { id: 'sign-out', label: w('signOut'), click: send('sign-out') },
      ...(mac ? [] : [{ type: 'separator' } as const, { id: 'quit', label: w('quit'), role: 'quit' } as const]),
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: w('edit'),
    submenu: [
      { role: 'undo', label: w('undo') },
      { role: 'redo', label: w('redo') },
      { type: 'separator' },
      { role: 'cut', label: w('cut') },
      { role: 'copy', label: w('copy') },
      { role: 'paste', label: w('paste') },
      { role: 'selectAll', label: w('selectAll') },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: w('view'),
    submenu: [
      { id: 'zoom-in', role: 'zoomIn', label: w('zoomIn') },
      { id: 'zoom-out', role: 'zoomOut', label: w('zoomOut') },
      { id: 'reset-zoom', role: 'resetZoom', label: w('resetZoom') },
      { type: 'separator' },
      { role: 'togglefullscreen', label: w('fullScreen') },
      ...(o.isPackaged
        ? []
        : [
            { type: 'separator' } as const,
            { id: 'reload', role: 'reload', label: w('reload') } as const,
            { id: 'devtools', role: 'toggleDevTools', label: w('devTools') } as const,
          ]),
    ],
  };
  const go: MenuItemConstructorOptions = {
    label: w('go'),
    submenu: [
      ...QUEUES.map((q): MenuItemConstructorOptions => ({ id: `queue:${q}`, label: TERMS.queues[q][o.lang], click: send(`queue:${q}`) })),
      { type: 'separator' },
      { id: 'search', label: w('search'), ...pageKey('/'), click: send('search') },
      { id: 'claim-next', label: TERMS.actions.claim_next[o.lang], ...pageKey('n'), click: send('claim-next') },
    ],
  };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: w('help'),
    submenu: [
      { id: 'shortcuts', label: w('shortcuts'), ...pageKey('?'), click: send('shortcuts') },
      { id: 'about', label: w('about'), click: () => o.onAbout() },
    ],
  };
  const appMenu: MenuItemConstructorOptions = {
    label: w('appName'),
    submenu: [{ id: 'about-mac', label: w('about'), click: () => o.onAbout() }, { type: 'separator' }, { role: 'quit', label: w('quit') }],
  };
  return [...(mac ? [appMenu] : []), file, edit, view, go, help];
}
