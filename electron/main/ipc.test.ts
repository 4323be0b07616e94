import { describe, expect, it } from 'vitest';
import { CHANNELS } from './channels';
import { fromDesk, registerIpc, REFUSED } from './ipc';
import { createFakeElectron, ipcEvent } from './testing/fake-electron';
import type { Dispatch } from '../core/dispatch';

function wired() {
  const electron = createFakeElectron();
  const calls: unknown[][] = [];
  const languages: string[] = [];
  const printed: string[] = [];
  const dispatch: Dispatch = async (...args) => {
    calls.push(args);
    return { ok: true, value: 'answered' };
  };
  registerIpc({
    ipcMain: electron.ipcMain,
    dispatch,
    setLanguage: (l) => void languages.push(l),
    printPdf: async (url) => {
      printed.push(url);
      return { printed: true };
    },
  });
  return { electron, calls, languages, printed };
}

describe('the IPC sender check', () => {
  it('accepts only the top frame of the desk page itself', () => {
    expect(fromDesk(ipcEvent('app://desk/index.html'))).toBe(true);
    expect(fromDesk(ipcEvent('app://desk/index.html#/case/1'))).toBe(true);
    expect(fromDesk(ipcEvent('app://desk/index.html', true))).toBe(false);
    for (const url of [
      'https://evil.example/',
      'app://desk.evil/index.html',
      'app://evil@desk/index.html',
      'app://desk',
      'file:///etc/passwd',
      'about:blank',
      '',
    ])
      expect(fromDesk(ipcEvent(url))).toBe(false);
    expect(fromDesk(ipcEvent(null))).toBe(false);
  });

  it('answers a desk call from the desk and refuses one from anywhere else without dispatching it', async () => {
    const { electron, calls } = wired();
    expect(await electron.ipcMain.invoke(CHANNELS.call, ipcEvent('app://desk/index.html'), 'app.info', {}, 'tok')).toEqual({
      ok: true,
      value: 'answered',
    });
    expect(calls).toEqual([['app.info', {}, 'tok']]);
    expect(await electron.ipcMain.invoke(CHANNELS.call, ipcEvent('https://evil.example/'), 'users.list', {}, 'tok')).toEqual(REFUSED);
    expect(await electron.ipcMain.invoke(CHANNELS.call, ipcEvent('app://desk/index.html', true), 'users.list', {}, 'tok')).toEqual(REFUSED);
    // A session that is not text is dropped, not passed on.
    await electron.ipcMain.invoke(CHANNELS.call, ipcEvent('app://desk/index.html'), 'auth.me', {}, { token: 'x' });
    expect(calls.at(-1)).toEqual(['auth.me', {}, undefined]);
    expect(calls).toHaveLength(2);
  });

  it('changes the menu language only for the desk page and only to Arabic or English', () => {
    const { electron, languages } = wired();
    electron.ipcMain.send(CHANNELS.setLanguage, ipcEvent('app://desk/index.html'), 'en');
    electron.ipcMain.send(CHANNELS.setLanguage, ipcEvent('app://desk/index.html'), 'fr');
    electron.ipcMain.send(CHANNELS.setLanguage, ipcEvent('https://evil.example/'), 'ar');
    expect(languages).toEqual(['en']);
  });

  it('prints only the desk’s own file links, asked for by the desk page', async () => {
    const { electron, printed } = wired();
    const link = '/files/abcdefghijklmnopqrstuvwx?k=key1';
    expect(await electron.ipcMain.invoke(CHANNELS.printPdf, ipcEvent('app://desk/index.html'), link)).toEqual({ printed: true });
    expect(printed).toEqual(['app://desk/files/abcdefghijklmnopqrstuvwx?k=key1']);
    expect(await electron.ipcMain.invoke(CHANNELS.printPdf, ipcEvent('https://evil.example/'), link)).toEqual(REFUSED);
    expect(await electron.ipcMain.invoke(CHANNELS.printPdf, ipcEvent('app://desk/index.html'), 'file:///etc/passwd')).toMatchObject({
      printed: false,
    });
    expect(printed).toHaveLength(1);
  });
});
