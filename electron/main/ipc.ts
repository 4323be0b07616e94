/**
 * The IPC doors the preload uses, and the check every one of them makes: the message must come from
 * the desk's own page (app://desk), never from another frame or a page the window was steered to.
 */
import type { IpcMain, IpcMainEvent, IpcMainInvokeEvent } from 'electron';
import type { Dispatch } from '../core/dispatch';
import { CHANNELS } from './channels';
import type { MenuLang } from './menu-words';
import { isDeskUrl } from './origin';
import { printableFileUrl } from './print';

/** Only the top frame of the desk's own page may talk to the main process. */
export function fromDesk(event: Pick<IpcMainInvokeEvent | IpcMainEvent, 'senderFrame'>): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  // A sub-frame (an iframe the page never creates) is refused even if it claims the desk's origin.
  if (frame.parent !== null) return false;
  return isDeskUrl(frame.url);
}

export const REFUSED = { ok: false, error: { code: 'forbidden', message: 'calls are accepted only from the desk itself' } } as const;

export interface IpcDeps {
  ipcMain: Pick<IpcMain, 'handle'> & { on(channel: string, listener: (event: IpcMainEvent, ...args: unknown[]) => void): unknown };
  dispatch: Dispatch;
  /** The page's language changed: the menu follows. */
  setLanguage(lang: MenuLang): void;
  printPdf(url: string): Promise<{ printed: boolean; reason?: string }>;
}

/** Every channel the preload uses, each behind the same check. */
export function registerIpc(d: IpcDeps): void {
  d.ipcMain.handle(CHANNELS.call, async (event, name: unknown, args: unknown, sessionToken: unknown) =>
    fromDesk(event) ? d.dispatch(String(name), args, typeof sessionToken === 'string' ? sessionToken : undefined) : REFUSED,
  );
  d.ipcMain.on(CHANNELS.setLanguage, (event, lang: unknown) => {
    if (fromDesk(event) && (lang === 'ar' || lang === 'en')) d.setLanguage(lang);
  });
  d.ipcMain.handle(CHANNELS.printPdf, async (event, url: unknown) => {
    if (!fromDesk(event)) return REFUSED;
    const file = printableFileUrl(url);
    return file ? d.printPdf(file) : { printed: false, reason: 'only a file the desk made can be printed this way' };
  });
}
