import { beforeEach, describe, expect, it } from 'vitest';
import type { App, BrowserWindow } from 'electron';
import { claimSingleInstance } from './single-instance';
import { createFakeElectron, FakeBrowserWindow } from './testing/fake-electron';
import type { DeepLink } from './deep-links';

beforeEach(() => FakeBrowserWindow.reset());

function firstDesk(database = '/data/desk.sqlite') {
  const electron = createFakeElectron();
  const win = new FakeBrowserWindow();
  const opened: DeepLink[] = [];
  const others: string[] = [];
  const held = claimSingleInstance({
    app: electron.app as unknown as App,
    database,
    window: () => win as unknown as BrowserWindow,
    open: (l) => void opened.push(l),
    otherDatabase: (d) => void others.push(d),
  });
  return { electron, win, opened, others, held };
}

describe('one desk per user and desk folder', () => {
  it('the first start holds the lock and says which database it has open', () => {
    const { electron, held } = firstDesk();
    expect(held).toBe(true);
    expect(electron.app.lockData).toEqual([{ database: '/data/desk.sqlite' }]);
    expect(electron.app.quitCalls).toBe(0);
  });

  it('a second start quits at once, having handed over its arguments', () => {
    const electron = createFakeElectron();
    electron.app.lockHeld = false;
    const held = claimSingleInstance({
      app: electron.app as unknown as App,
      database: '/data/desk.sqlite',
      window: () => null,
      open: () => undefined,
    });
    expect(held).toBe(false);
    expect(electron.app.quitCalls).toBe(1);
  });

  it('hands a deep link from the second start to the first: the window comes forward, restored, and opens the request', () => {
    const { electron, win, opened } = firstDesk();
    win.minimize();
    electron.app.emit('second-instance', {}, ['desk.exe', '--allow-file-access', 'mumaris-desk://case/REQ-2026-000042'], '/home/r', {
      database: '/data/desk.sqlite',
    });
    expect(win.isMinimized()).toBe(false);
    expect(win.visible && win.focused).toBe(true);
    expect(opened).toEqual([{ kind: 'case', reference: 'REQ-2026-000042' }]);
  });

  it('a plain second start only brings the window forward; an address that is not a desk link is ignored', () => {
    const { electron, win, opened } = firstDesk();
    electron.app.emit('second-instance', {}, ['desk.exe'], '/', { database: '/data/desk.sqlite' });
    electron.app.emit('second-instance', {}, ['desk.exe', 'mumaris-desk://users/all', 'https://evil.example/'], '/', null);
    expect(win.focused).toBe(true);
    expect(opened).toEqual([]);
  });

  it('says so when the second start wanted another database', () => {
    const { electron, others } = firstDesk();
    electron.app.emit('second-instance', {}, ['desk.exe'], '/', { database: 'postgres://team/cases' });
    expect(others).toEqual(['postgres://team/cases']);
  });
});
