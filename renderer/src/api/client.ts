import type { ArgsOf, MethodName, ResultOf } from '../../../shared/contract';
import type { DeskError, Result } from '../../../shared/domain';
import { fileKeyFor, withFileKey } from '../../../shared/file-key';

/** How calls reach the main process: Electron IPC, HTTP to the host, or an in-memory mock. */
export interface Transport {
  call(name: MethodName, args: unknown, session: string | undefined): Promise<Result<unknown>>;
}

/** A refused or failed call, with the main process's code and bilingual message. */
export class DeskCallError extends Error {
  constructor(readonly error: DeskError) {
    super(error.message);
    this.name = 'DeskCallError';
  }
  get code() {
    return this.error.code;
  }
}

export interface DeskClient {
  call<M extends MethodName>(name: M, args: ArgsOf<M>): Promise<ResultOf<M>>;
  setSession(token: string | undefined): void;
  readonly session: string | undefined;
}

/**
 * A `/files/` link in an answer (an attachment, a card, a report, an export) gets the session's file
 * key added: the main process opens a link only for the session that asked for it, and the viewer,
 * an <img> or a download cannot send a header. The key is a hash of the token, never the token.
 */
async function withFileKeys(value: unknown, fileKey: Promise<string> | undefined): Promise<unknown> {
  if (!fileKey || value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const url = (value as { url?: unknown }).url;
  if (typeof url !== 'string' || !url.startsWith('/files/')) return value;
  return { ...value, url: withFileKey(url, await fileKey) };
}

export function createClient(transport: Transport, onUnauthenticated?: () => void): DeskClient {
  let session: string | undefined;
  let fileKey: Promise<string> | undefined;
  return {
    async call(name, args) {
      const asked = fileKey;
      const r = await transport.call(name, args, session);
      if (!r.ok) {
        if (r.error.code === 'unauthenticated' && name !== 'auth.signIn' && name !== 'auth.changePassword') onUnauthenticated?.();
        throw new DeskCallError(r.error);
      }
      return (await withFileKeys(r.value, asked)) as never;
    },
    setSession(token) {
      session = token;
      fileKey = token ? fileKeyFor(token) : undefined;
    },
    get session() {
      return session;
    },
  };
}

export function ipcTransport(): Transport {
  return {
    call: async (name, args, session) => (await window.desk!.invoke(name, args, session)) as Result<unknown>,
  };
}

export function httpTransport(token: string, base = ''): Transport {
  return {
    async call(name, args, session) {
      let res: Response;
      try {
        res = await fetch(`${base}/api/${name}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-desk-token': token, ...(session ? { 'x-desk-session': session } : {}) },
          body: JSON.stringify(args ?? {}),
        });
      } catch {
        return {
          ok: false,
          error: {
            code: 'internal',
            message: 'the desk service cannot be reached; is it still running?',
            messageAr: 'تعذر الاتصال بخدمة المكتب؛ هل ما زالت تعمل؟',
          },
        };
      }
      return (await res.json()) as Result<unknown>;
    },
  };
}

/** For component tests: answers from a map of handlers, no process behind it. */
export function mockTransport(handlers: Partial<{ [M in MethodName]: (args: ArgsOf<M>) => ResultOf<M> | Promise<ResultOf<M>> }>): Transport {
  return {
    async call(name, args) {
      const h = handlers[name] as ((a: unknown) => unknown) | undefined;
      if (!h) return { ok: false, error: { code: 'not_found', message: `mock has no ${name}` } };
      try {
        return { ok: true, value: await h(args) };
      } catch (e) {
        if (e instanceof DeskCallError) return { ok: false, error: e.error };
        throw e;
      }
    },
  };
}

/** Picks the transport: IPC inside Electron, else the host's token from the address fragment. */
export function detectTransport(): Transport {
  if (window.desk) return ipcTransport();
  const fromHash = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (fromHash) {
    sessionStorage.setItem('desk-token', fromHash);
    history.replaceState(null, '', window.location.pathname + '#/');
  }
  return httpTransport(sessionStorage.getItem('desk-token') ?? '');
}
