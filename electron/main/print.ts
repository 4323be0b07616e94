/**
 * File > Print. A PDF the desk made (a decision letter, a card sheet, a report) is printed from a
 * hidden window showing just that PDF, so the printer gets the PDF's own pages — A4 or card size —
 * at 100 %, not a picture of the screen; anything else prints the page. Only the desk's own
 * /files/ links of the signed-in session are accepted.
 */
import type { BrowserWindow, BrowserWindowConstructorOptions, WebContentsPrintOptions } from 'electron';
import { ORIGIN } from './origin';

/** The desk's file link to print, made absolute; null for anything else. */
export function printableFileUrl(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length > 500) return null;
  let u: URL;
  try {
    u = new URL(raw, `${ORIGIN}/`);
  } catch {
    return null;
  }
  if (u.protocol !== 'app:' || u.host !== 'desk' || u.username || u.password || u.hash) return null;
  if (!/^\/files\/[A-Za-z0-9_-]{20,64}$/.test(u.pathname)) return null;
  const keys = [...u.searchParams.keys()];
  return keys.length === 1 && keys[0] === 'k' ? u.toString() : null;
}

/** The system print dialog, the PDF's own page size, no scaling, no margins added. */
export const PRINT_OPTIONS: WebContentsPrintOptions = {
  silent: false,
  printBackground: true,
  margins: { marginType: 'none' },
  scaleFactor: 100,
};

export const PRINT_WINDOW: BrowserWindowConstructorOptions = {
  show: false,
  webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, plugins: true },
};

/** Opens the PDF in a hidden window and asks the system to print it; the window closes after. */
export function printPdf(
  makeWindow: (o: BrowserWindowConstructorOptions) => BrowserWindow,
  url: string,
): Promise<{ printed: boolean; reason?: string }> {
  const win = makeWindow(PRINT_WINDOW);
  return new Promise((resolve) => {
    win.webContents.once('did-fail-load', (_e, _code, description) => {
      win.destroy();
      resolve({ printed: false, reason: description });
    });
    win.webContents.once('did-finish-load', () => {
      win.webContents.print(PRINT_OPTIONS, (printed, reason) => {
        win.destroy();
        resolve(printed ? { printed } : { printed, reason });
      });
    });
    void win.loadURL(url);
  });
}
