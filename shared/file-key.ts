/**
 * The key that opens a session's file links (`/files/<ticket>?k=<key>`): SHA-256 of the session
 * token, base64url. The renderer adds it to the links it loads; the main process gives a ticket's
 * file only to the key of the session that asked for it (electron/core/files/tickets.ts computes
 * the same). The token itself never goes in a URL, and the key cannot be turned back into it.
 */
export async function fileKeyFor(sessionToken: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`mumaris-file-key\n${sessionToken}`));
  let binary = '';
  for (const b of new Uint8Array(digest)) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A `/files/` link with the session's key added; any other value is left as it is. */
export function withFileKey(url: string, key: string): string {
  if (!url.startsWith('/files/')) return url;
  return `${url}${url.includes('?') ? '&' : '?'}k=${encodeURIComponent(key)}`;
}
