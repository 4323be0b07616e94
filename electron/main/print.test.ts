import { describe, expect, it, vi } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BrowserWindow } from 'electron';
import { PDFDocument, degrees } from 'pdf-lib';
import { fileTicketOf, firstPageSize, printableFileUrl, printOptionsFor, printPdf, type PrintDeps } from './print';
import { FakeBrowserWindow } from './testing/fake-electron';
import { CARD_HEIGHT, CARD_WIDTH } from '../core/documents/card-layout';

const LINK = 'app://desk/files/abcdefghijklmnopqrstuvwx?k=key';
const A4 = { width: 595.28, height: 841.89 };

async function pdfOf(size: { width: number; height: number }, rotate = 0): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage([size.width, size.height]).setRotation(degrees(rotate));
  doc.addPage([size.width, size.height]);
  return doc.save();
}

/** printPdf with a fake window and the given file behind the link; the window once it is made. */
function printing(file: { bytes: Uint8Array; mime: string } | null | Error) {
  const made: FakeBrowserWindow[] = [];
  const deps: PrintDeps = {
    makeWindow: (o) => {
      const w = new FakeBrowserWindow(o);
      made.push(w);
      return w as unknown as BrowserWindow;
    },
    readFile: async () => {
      if (file instanceof Error) throw file;
      return file;
    },
  };
  const result = printPdf(deps, LINK);
  const win = async () => {
    await vi.waitFor(() => expect(made).toHaveLength(1));
    return made[0]!;
  };
  return { result, win, made };
}

describe('printing a PDF the desk made', () => {
  it('accepts only the desk’s own file links', () => {
    expect(printableFileUrl('/files/abcdefghijklmnopqrstuvwx?k=key')).toBe(LINK);
    expect(printableFileUrl(LINK)).toBe(LINK);
    expect(fileTicketOf(LINK)).toEqual({ ticket: 'abcdefghijklmnopqrstuvwx', key: 'key' });
    for (const bad of [
      'https://evil.example/files/abcdefghijklmnopqrstuvwx?k=key',
      'app://desk/index.html',
      'app://desk/files/../index.html?k=key',
      'app://desk/files/abcdefghijklmnopqrstuvwx',
      'app://desk/files/abcdefghijklmnopqrstuvwx?k=key&x=1',
      'file:///etc/passwd',
      '//evil.example/files/abcdefghijklmnopqrstuvwx?k=key',
      42,
    ])
      expect(printableFileUrl(bad)).toBeNull();
  });

  it('asks for the PDF’s own paper in microns, upright, turned for a landscape page: CR80 and A4', () => {
    // CR80: 85.6 × 53.98 mm, the card lying on its long side.
    expect(printOptionsFor({ width: CARD_WIDTH, height: CARD_HEIGHT })).toEqual({
      silent: false,
      printBackground: true,
      margins: { marginType: 'none' },
      scaleFactor: 100,
      landscape: true,
      pageSize: { width: 53_980, height: 85_600 },
    });
    expect(printOptionsFor(A4)).toMatchObject({ landscape: false, pageSize: { width: 210_000, height: 297_000 }, scaleFactor: 100 });
  });

  it('reads the page size from the PDF, a rotated page turned', async () => {
    expect(await firstPageSize(await pdfOf(A4))).toEqual(A4);
    expect(await firstPageSize(await pdfOf(A4, 90))).toEqual({ width: A4.height, height: A4.width });
    await expect(firstPageSize(new TextEncoder().encode('%PDF-1.7 nothing'))).rejects.toThrow();
  });

  it('prints a card file: a hidden sandboxed window on a private copy, the dialog on CR80 at 100 %, the copy removed after', async () => {
    const bytes = await pdfOf({ width: CARD_WIDTH, height: CARD_HEIGHT });
    const { result, win } = printing({ bytes, mime: 'application/pdf' });
    const w = await win();
    expect(w.options.show).toBe(false);
    expect(w.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, plugins: true });
    expect(w.loaded).toHaveLength(1);
    const copy = fileURLToPath(w.loaded[0]!);
    // Never the app:// link, whose sandbox header would keep Chromium's PDF viewer from starting.
    expect(w.loaded[0]).toMatch(/^file:\/\//);
    expect(new Uint8Array(readFileSync(copy))).toEqual(bytes);
    w.webContents.emit('did-finish-load');
    expect(await result).toEqual({ printed: true });
    expect(w.webContents.printed).toEqual([printOptionsFor({ width: CARD_WIDTH, height: CARD_HEIGHT })]);
    expect(w.webContents.printed[0]).toMatchObject({ pageSize: { width: 53_980, height: 85_600 }, landscape: true });
    expect(w.isDestroyed()).toBe(true);
    expect(existsSync(copy)).toBe(false);
  });

  it('prints an A4 sheet on A4', async () => {
    const { result, win } = printing({ bytes: await pdfOf(A4), mime: 'application/pdf' });
    const w = await win();
    w.webContents.emit('did-finish-load');
    expect(await result).toEqual({ printed: true });
    expect(w.webContents.printed[0]).toMatchObject({ pageSize: { width: 210_000, height: 297_000 }, landscape: false, scaleFactor: 100 });
  });

  it('says why when the user cancels or the PDF does not load, and removes the copy', async () => {
    const bytes = await pdfOf(A4);
    const cancelled = printing({ bytes, mime: 'application/pdf' });
    const w = await cancelled.win();
    w.webContents.printOutcome = [false, 'Print job canceled'];
    w.webContents.emit('did-finish-load');
    expect(await cancelled.result).toEqual({ printed: false, reason: 'Print job canceled' });
    expect(existsSync(fileURLToPath(w.loaded[0]!))).toBe(false);
    const failed = printing({ bytes, mime: 'application/pdf' });
    const f = await failed.win();
    f.webContents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND');
    expect(await failed.result).toEqual({ printed: false, reason: 'ERR_FILE_NOT_FOUND' });
    expect(f.isDestroyed()).toBe(true);
  });

  it('opens no window for a link that is gone, a file that is not a PDF, or bytes the store lost', async () => {
    for (const [file, reason] of [
      [null, /unknown or has expired/],
      [{ bytes: new TextEncoder().encode('<html>'), mime: 'text/html' }, /only a PDF/],
      [{ bytes: new TextEncoder().encode('%PDF-1.7 broken'), mime: 'application/pdf' }, /cannot be read/],
      [new Error('the file photo.jpg of REQ-2026-000001 is missing from the store'), /missing from the store/],
    ] as const) {
      const p = printing(file);
      expect(await p.result).toMatchObject({ printed: false, reason: expect.stringMatching(reason) });
      expect(p.made).toHaveLength(0);
    }
  });
});
