import { describe, expect, it } from 'vitest';
import type { BrowserWindow } from 'electron';
import { PRINT_OPTIONS, printableFileUrl, printPdf } from './print';
import { FakeBrowserWindow } from './testing/fake-electron';

describe('printing a PDF the desk made', () => {
  it('accepts only the desk’s own file links', () => {
    expect(printableFileUrl('/files/abcdefghijklmnopqrstuvwx?k=key')).toBe('app://desk/files/abcdefghijklmnopqrstuvwx?k=key');
    expect(printableFileUrl('app://desk/files/abcdefghijklmnopqrstuvwx?k=key')).toBe('app://desk/files/abcdefghijklmnopqrstuvwx?k=key');
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

  it('loads the PDF in a hidden, sandboxed window and opens the system print dialog at 100 %, no margins added', async () => {
    let made: FakeBrowserWindow | null = null;
    const done = printPdf((o) => (made = new FakeBrowserWindow(o)) as unknown as BrowserWindow, 'app://desk/files/abcdefghijklmnopqrstuvwx?k=key');
    const win = made! as FakeBrowserWindow;
    expect(win.options.show).toBe(false);
    expect(win.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(win.loaded).toEqual(['app://desk/files/abcdefghijklmnopqrstuvwx?k=key']);
    win.webContents.emit('did-finish-load');
    expect(await done).toEqual({ printed: true });
    expect(win.webContents.printed).toEqual([PRINT_OPTIONS]);
    expect(PRINT_OPTIONS).toMatchObject({ silent: false, scaleFactor: 100, margins: { marginType: 'none' } });
    expect(win.isDestroyed()).toBe(true);
  });

  it('says why when the user cancels or the PDF does not load', async () => {
    let made: FakeBrowserWindow | null = null;
    const cancelled = printPdf(
      (o) => (made = new FakeBrowserWindow(o)) as unknown as BrowserWindow,
      'app://desk/files/abcdefghijklmnopqrstuvwx?k=key',
    );
    made!.webContents.printOutcome = [false, 'Print job canceled'];
    made!.webContents.emit('did-finish-load');
    expect(await cancelled).toEqual({ printed: false, reason: 'Print job canceled' });
    const failed = printPdf((o) => (made = new FakeBrowserWindow(o)) as unknown as BrowserWindow, 'app://desk/files/abcdefghijklmnopqrstuvwx?k=key');
    made!.webContents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND');
    expect(await failed).toEqual({ printed: false, reason: 'ERR_FILE_NOT_FOUND' });
    expect(made!.isDestroyed()).toBe(true);
  });
});
