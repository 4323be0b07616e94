/**
 * The app:// scheme: the built renderer from out/renderer with the desk's CSP, and /files/<ticket>
 * links (attachments, generated PDFs) for the session that asked for them. Nothing outside the
 * renderer folder is reachable, whatever the address says.
 */
import type { Protocol } from 'electron';
import { join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { decodePath } from '../core/security/request-path';
import { CSP } from '../core/security/csp';
import { DeskFault } from '../core/errors';
import { attachmentHeaders, type AttachmentFile } from '../core/files/attachment-file';

/** Must run before the app is ready: app:// behaves like https (secure, standard, fetch allowed). */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

export interface AppHandlerDeps {
  /** The built renderer folder (absolute). */
  root: string;
  /** The file behind a ticket, for the session whose file key is `key` (core/files/attachment-file.ts). */
  fileForTicket(ticket: string, key: string | null): Promise<AttachmentFile | null>;
  /** Reads a file: URL (Electron's net.fetch in the app). */
  fetchFile(fileUrl: string): Promise<Response>;
}

export function createAppHandler(deps: AppHandlerDeps): (request: Request) => Promise<Response> {
  const root = normalize(deps.root);
  return async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'desk' || url.username || url.password) return new Response('not found', { status: 404 });
    if (url.pathname.startsWith('/files/')) {
      // The link opens only with the file key of the session that asked for it (files/tickets.ts).
      // Bytes missing or damaged in the blob store: the message names the request and the file.
      const f = await deps
        .fileForTicket(url.pathname.slice(7), url.searchParams.get('k'))
        .catch((e: unknown) => (e instanceof DeskFault ? e : Promise.reject(e)));
      if (f instanceof DeskFault) return new Response(f.message, { status: f.code === 'not_found' ? 404 : 500 });
      return f ? new Response(f.bytes, { headers: attachmentHeaders(f) }) : new Response('unknown or expired file link', { status: 404 });
    }
    const path = decodePath(url.pathname);
    if (path === null || path.includes('\0')) return new Response('bad address', { status: 400 });
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    if (!file.startsWith(root + sep)) return new Response('not found', { status: 404 });
    const response = await deps.fetchFile(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('content-security-policy', CSP);
    headers.set('x-content-type-options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  };
}
