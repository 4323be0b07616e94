import { describe, expect, it } from 'vitest';
import type { WebContents } from 'electron';
import { guardContents, mayNavigate, opensInBrowser, refusePermissions } from './guards';
import { createFakeElectron, FakeWebContents } from './testing/fake-electron';

function guarded() {
  const electron = createFakeElectron();
  const contents = new FakeWebContents();
  guardContents(contents as unknown as WebContents, electron.shell);
  return { contents, opened: electron.shell.opened };
}

describe('navigation and window guards', () => {
  it('lets the window move only within the desk', () => {
    const { contents } = guarded();
    expect(contents.cancellable('will-navigate', 'app://desk/index.html#/queue/new')).toBe(false);
    for (const url of ['https://evil.example/', 'app://desk.evil/index.html', 'file:///etc/passwd', 'javascript:alert(1)', 'app://evil@desk/'])
      expect(contents.cancellable('will-navigate', url)).toBe(true);
    expect(contents.cancellable('will-redirect', 'https://evil.example/')).toBe(true);
    expect(mayNavigate('app://desk/index.html')).toBe(true);
  });

  it('never attaches a webview', () => {
    expect(guarded().contents.cancellable('will-attach-webview', {}, {})).toBe(true);
  });

  it('refuses every new window; a government https link opens in the system browser instead', async () => {
    const { contents, opened } = guarded();
    const open = (url: string) => contents.windowOpenHandler!({ url });
    expect(open('https://www.scfhs.org.sa/ar/eservices')).toEqual({ action: 'deny' });
    expect(open('https://my.gov.sa/')).toEqual({ action: 'deny' });
    for (const url of [
      'http://www.scfhs.org.sa/',
      'https://scfhs.org.sa.evil.example/',
      'https://evil.example/?next=scfhs.org.sa',
      'https://user:pw@www.scfhs.org.sa/',
      'https://www.scfhs.org.sa:8443/',
      'app://desk/index.html',
      'file:///C:/Windows/System32/calc.exe',
      'not a url',
    ])
      expect(open(url)).toEqual({ action: 'deny' });
    await Promise.resolve();
    expect(opened).toEqual(['https://www.scfhs.org.sa/ar/eservices', 'https://my.gov.sa/']);
    expect(opensInBrowser('https://evil.example/')).toBe(false);
  });

  it('refuses every permission, asked or checked', () => {
    const electron = createFakeElectron();
    refusePermissions(electron.session.defaultSession);
    const { request, check } = electron.session.defaultSession.permissions;
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal'] as const) {
      let granted: boolean | null = null;
      request!({} as WebContents, permission, (g) => void (granted = g), { requestingUrl: 'app://desk/index.html', isMainFrame: true } as never);
      expect(granted).toBe(false);
      expect(check!(null, permission, 'app://desk', {} as never)).toBe(false);
    }
  });
});
