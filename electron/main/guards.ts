/**
 * What a page inside the app may do beyond showing the desk: nothing. Navigation away from app://desk
 * is stopped, new windows are refused (an https link to a government site opens in the system
 * browser), <webview> cannot be attached, and every permission (camera, notifications, …) is refused.
 */
import type { Session, Shell, WebContents } from 'electron';
import { isDeskUrl } from './origin';

/** The only links that leave the app: https to Saudi government and organisation sites, in the system browser. */
export function opensInBrowser(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol !== 'https:' || u.username || u.password || u.port) return false;
  return /^([a-z0-9-]+\.)+(gov\.sa|org\.sa)$/i.test(u.hostname);
}

export const mayNavigate = (url: string): boolean => isDeskUrl(url);

/** Guards one web contents (every window, and the hidden print window too). */
export function guardContents(contents: WebContents, shell: Pick<Shell, 'openExternal'>): void {
  contents.on('will-navigate', (event, url) => {
    if (!mayNavigate(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!mayNavigate(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (opensInBrowser(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

/** Refuses every permission request and check; the desk needs none. */
export function refusePermissions(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
