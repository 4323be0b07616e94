/**
 * File > Print and the Print button of a PDF preview. A PDF the desk made (a letter, a card sheet, a
 * report) is printed from a hidden window showing just that PDF, so the printer gets the PDF's own
 * pages, not a picture of the screen: the system print dialog opens with the paper set to the PDF's
 * page size (CR80 for card printers, A4 for sheets and letters), at 100 %, no margins added. Only the
 * desk's own /files/ links of the signed-in session are accepted.
 *
 * The window loads a private copy of the PDF from a temporary folder rather than the app:// link:
 * the link answers with `Content-Security-Policy: sandbox` (attachments must never run), and Chromium
 * refuses to start its PDF viewer in a sandboxed document. The copy is removed when printing ends.
 */
import type { BrowserWindow, BrowserWindowConstructorOptions, WebContentsPrintOptions } from 'electron';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PDFDocument } from 'pdf-lib';
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

/** The ticket and file key of a link printableFileUrl accepted. */
export function fileTicketOf(url: string): { ticket: string; key: string | null } {
  const u = new URL(url);
  return { ticket: u.pathname.slice('/files/'.length), key: u.searchParams.get('k') };
}

/** A page size in PostScript points (1/72 in), as the PDF gives it. */
export interface PageSize {
  width: number;
  height: number;
}

const MICRONS_PER_POINT = 25_400 / 72;
/** To a hundredth of a millimetre, as paper sizes are given (A4's 595.28 pt is 209,998.8 µm: 210 mm). */
const microns = (points: number) => Math.round((points * MICRONS_PER_POINT) / 10) * 10;

/**
 * The system print dialog with the paper the PDF's first page asks for, no scaling, no margins added.
 * The paper is given upright (short side first, as printer drivers list media: CR80 is 53.98 × 85.6
 * mm) and turned with `landscape` when the page is wider than tall.
 */
export function printOptionsFor(page: PageSize): WebContentsPrintOptions {
  const short = Math.min(page.width, page.height);
  const long = Math.max(page.width, page.height);
  return {
    silent: false,
    printBackground: true,
    margins: { marginType: 'none' },
    scaleFactor: 100,
    landscape: page.width > page.height,
    pageSize: { width: microns(short), height: microns(long) },
  };
}

/** The first page's size as it is shown (a page rotated by 90° or 270° swaps its sides). */
export async function firstPageSize(pdf: Uint8Array): Promise<PageSize> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  if (doc.getPageCount() === 0) throw new Error('the PDF has no pages');
  const page = doc.getPage(0);
  const { width, height } = page.getSize();
  const turned = page.getRotation().angle % 180 !== 0;
  return turned ? { width: height, height: width } : { width, height };
}

export const PRINT_WINDOW: BrowserWindowConstructorOptions = {
  show: false,
  webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, plugins: true },
};

export interface PrintDeps {
  makeWindow(o: BrowserWindowConstructorOptions): BrowserWindow;
  /** The file behind a desk link for the session that owns it; null when unknown, expired or signed out. */
  readFile(url: string): Promise<{ bytes: Uint8Array; mime: string } | null>;
}

export type PrintResult = { printed: boolean; reason?: string };

/** Opens the PDF in a hidden window and asks the system to print it; the window and the copy go after. */
export async function printPdf(d: PrintDeps, url: string): Promise<PrintResult> {
  // Bytes missing from the blob store: the reason names the file (the desk's own message).
  const file = await d.readFile(url).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
  if (file instanceof Error) return { printed: false, reason: file.message };
  if (!file) return { printed: false, reason: 'the file link is unknown or has expired' };
  const isPdf = file.mime === 'application/pdf' && new TextDecoder().decode(file.bytes.subarray(0, 5)) === '%PDF-';
  if (!isPdf) return { printed: false, reason: 'only a PDF the desk made can be printed this way' };
  let size: PageSize;
  try {
    size = await firstPageSize(file.bytes);
  } catch (e) {
    return { printed: false, reason: `the PDF cannot be read: ${(e as Error).message}` };
  }
  // mkdtemp makes the folder 0700; the copy is 0600 inside it.
  const folder = await mkdtemp(join(tmpdir(), 'desk-print-'));
  const copy = join(folder, 'document.pdf');
  await writeFile(copy, file.bytes, { mode: 0o600 });
  const win = d.makeWindow(PRINT_WINDOW);
  const done = (result: PrintResult) => {
    if (!win.isDestroyed()) win.destroy();
    return rm(folder, { recursive: true, force: true }).then(() => result);
  };
  return new Promise((resolve) => {
    win.webContents.once('did-fail-load', (_e, _code, description) => void done({ printed: false, reason: description }).then(resolve));
    win.webContents.once('did-finish-load', () => {
      win.webContents.print(printOptionsFor(size), (printed, reason) => void done(printed ? { printed } : { printed, reason }).then(resolve));
    });
    void win.loadURL(pathToFileURL(copy).toString());
  });
}
