/**
 * The desk's handlers behind node:http on 127.0.0.1, for a browser where
 * Electron's binary is absent and for browser tests. Every API call needs the
 * per-run token; the Host header and any Origin must be this server's own.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Dispatch } from '../core/dispatch';
import { attachmentHeaders, type AttachmentFile } from '../core/files/attachment-file';
import { decodePath, parseRequestUrl } from '../core/security/request-path';
import { DeskFault } from '../core/errors';
import { CSP } from '../core/security/csp';

export interface HostOptions {
  dispatch: Dispatch;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  port?: number;
  token?: string;
  /**
   * Serves /files/<ticket>?k=<key> for the attachment viewer: `key` is the file key of the session
   * that asked for the link (shared/file-key.ts); without it, or after that session ends, nothing.
   */
  readFile?: (ticket: string, key: string | null) => Promise<AttachmentFile | null>;
  /** Largest request body accepted, in bytes. */
  maxBody?: number;
}

export interface RunningHost {
  server: Server;
  port: number;
  token: string;
  /** The address to open, token included (in the fragment, so it never reaches logs or referrers). */
  url: string;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.ico': 'image/x-icon',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.pfb': 'application/x-font-type1',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  type = 'application/json; charset=utf-8',
  extra: Record<string, string> = {},
) {
  res.writeHead(status, {
    'content-type': type,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
    ...extra,
  });
  res.end(body);
}

const sendError = (res: ServerResponse, status: number, code: string, message: string) =>
  send(res, status, JSON.stringify({ ok: false, error: { code, message } }));

async function readBody(req: IncomingMessage, max: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > max) throw new Error('too_large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startHost(opts: HostOptions): Promise<RunningHost> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  // Uploaded bundles (the Import page) are the largest calls.
  const maxBody = opts.maxBody ?? 96 * 1024 * 1024;
  let port = 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  async function serveStatic(urlPath: string, res: ServerResponse) {
    const decoded = decodePath(urlPath);
    if (decoded === null) return sendError(res, 400, 'bad_input', 'the address has a malformed percent escape');
    const rel = normalize(decoded).replace(/^([/\\])+/, '');
    const file = join(opts.rendererDir, rel || 'index.html');
    if (!file.startsWith(opts.rendererDir + sep) && file !== opts.rendererDir) return sendError(res, 404, 'not_found', 'no such file');
    try {
      const s = await stat(file);
      const target = s.isDirectory() ? join(file, 'index.html') : file;
      const body = await readFile(target);
      const type = MIME[extname(target)] ?? 'application/octet-stream';
      send(
        res,
        200,
        body,
        type,
        type.startsWith('text/html') ? { 'content-security-policy': CSP, 'x-frame-options': 'DENY' } : { 'cache-control': 'max-age=3600' },
      );
    } catch {
      // Client-side routes fall back to the app itself.
      if (!extname(rel)) return serveStatic('/index.html', res);
      sendError(res, 404, 'not_found', 'no such file');
    }
  }

  const server = createServer((req, res) => {
    void (async () => {
      if (!allowedHosts().has(req.headers.host ?? '')) return sendError(res, 421, 'forbidden', 'wrong Host header');
      const origin = req.headers.origin;
      if (origin !== undefined && !allowedHosts().has(origin.replace(/^http:\/\//, '')))
        return sendError(res, 403, 'forbidden', 'calls from another origin are refused');
      const url = parseRequestUrl(req.url, port);
      if (!url) return sendError(res, 400, 'bad_input', 'the address could not be read');
      if (url.pathname.startsWith('/api/')) {
        if (req.method !== 'POST') return sendError(res, 405, 'bad_input', 'API calls are POST');
        const given = req.headers['x-desk-token'];
        if (typeof given !== 'string' || !sameSecret(given, token)) return sendError(res, 401, 'unauthenticated', 'missing or wrong desk token');
        if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return sendError(res, 415, 'bad_input', 'send JSON');
        let args: unknown;
        try {
          const body = await readBody(req, maxBody);
          args = body ? JSON.parse(body) : {};
        } catch (e) {
          return sendError(
            res,
            400,
            'bad_input',
            (e as Error).message === 'too_large' ? `the call is larger than ${maxBody} bytes` : 'the body is not valid JSON',
          );
        }
        const session = req.headers['x-desk-session'];
        const method = decodePath(url.pathname.slice(5));
        if (method === null) return sendError(res, 400, 'bad_input', 'the address has a malformed percent escape');
        const result = await opts.dispatch(
          method,
          args,
          typeof session === 'string' ? session : undefined,
          // Sign-in failures are counted per client address too.
          req.socket.remoteAddress ?? 'unknown',
        );
        return send(res, 200, JSON.stringify(result));
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 405, 'bad_input', 'method not allowed');
      if (url.pathname.startsWith('/files/')) {
        const file = opts.readFile ? await opts.readFile(url.pathname.slice(7), url.searchParams.get('k')) : null;
        if (!file) return sendError(res, 404, 'not_found', 'unknown or expired file link; open the attachment again');
        res.writeHead(200, { ...attachmentHeaders(file), 'referrer-policy': 'no-referrer' });
        return res.end(file.bytes);
      }
      return serveStatic(url.pathname, res);
    })().catch((e: unknown) => {
      // An attachment whose bytes are missing or damaged in the blob store: said as such, naming the request and the file.
      if (e instanceof DeskFault && !res.headersSent) return sendError(res, e.code === 'not_found' ? 404 : 500, e.code, e.message);
      console.error(e);
      if (!res.headersSent) sendError(res, 500, 'internal', 'internal error');
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : 0;
  return {
    server,
    port,
    token,
    url: `http://127.0.0.1:${port}/#token=${token}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
