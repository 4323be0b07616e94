/** The desk's own origin in the desktop app: the renderer is served only from here (app-protocol.ts). */
export const ORIGIN = 'app://desk';

/** Is `url` a page of the desk itself (and not, say, app://desk.evil or app://desk@elsewhere)? */
export function isDeskUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'app:' && u.host === 'desk' && u.username === '' && u.password === '' && url.startsWith(`${ORIGIN}/`);
  } catch {
    return false;
  }
}
