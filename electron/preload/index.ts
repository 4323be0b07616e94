/**
 * What the page may ask of the main process, and nothing more: invoke(name, args, session) for the
 * contract's names only, and the desktop shell's few doors (the menu's language, its commands, a
 * deep link's address, printing a PDF). No IPC object or event ever reaches the page.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { METHOD_NAMES } from '../../shared/method-names';
import { CHANNELS } from '../main/channels';
import { isMenuCommand, type MenuCommand } from '../main/menu-commands';
import { isShellRoute } from '../main/shell-routes';

const allowed = new Set<string>(METHOD_NAMES);

contextBridge.exposeInMainWorld('desk', {
  invoke: (name: string, args: unknown, session?: string): Promise<unknown> =>
    allowed.has(name) ? ipcRenderer.invoke(CHANNELS.call, name, args, session) : Promise.reject(new Error(`unknown call ${name}`)),
});

/** Listens on one channel, passing on only values `accept` allows; returns the way to stop. */
function listen<T>(channel: string, accept: (v: unknown) => v is T, callback: (v: T) => void): () => void {
  const listener = (_event: IpcRendererEvent, value: unknown) => {
    if (accept(value)) callback(value);
  };
  ipcRenderer.on(channel, listener);
  return () => void ipcRenderer.removeListener(channel, listener);
}

contextBridge.exposeInMainWorld('deskShell', {
  setLanguage: (lang: string): void => {
    if (lang === 'ar' || lang === 'en') ipcRenderer.send(CHANNELS.setLanguage, lang);
  },
  onMenuCommand: (callback: (command: MenuCommand) => void) => listen(CHANNELS.menuCommand, isMenuCommand, callback),
  onNavigate: (callback: (hash: string) => void) => listen(CHANNELS.navigate, isShellRoute, callback),
  printPdf: (url: string): Promise<unknown> => ipcRenderer.invoke(CHANNELS.printPdf, String(url)),
});
