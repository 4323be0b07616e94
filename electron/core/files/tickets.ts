import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A file the desk made (a card, a report) held in memory for the viewer to load. */
export interface GeneratedFile {
  /** Small documents are held in memory; exports stay in their file on disk. */
  bytes?: Uint8Array;
  path?: string;
  mime: string;
  fileName: string;
  /** The file on disk is removed once read (an export: personal data does not linger after its download). */
  removeAfterRead?: boolean;
}

/** What a ticket opens, and the session it belongs to (the caller checks that session is still live). */
export type Redeemed = { session: string } & ({ attachmentId: number; file?: undefined } | { file: GeneratedFile; attachmentId?: undefined });

/**
 * Short-lived, unguessable tickets for reading one attachment or one generated document: the
 * viewer loads files by URL (a route in the host, the app:// protocol in Electron), never as JSON.
 * A ticket belongs to the session that asked for it: it opens only with that session's file key
 * (shared/file-key.ts, derived from the session token, so the token itself never goes in a URL),
 * and it ends with the session.
 */
export interface FileTickets {
  issue(attachmentId: number, session: string): string;
  issueGenerated(file: GeneratedFile, session: string): string;
  /** The ticket's file, when `key` is the file key of the session that asked for it; null otherwise. */
  redeem(ticket: string, key: string | null | undefined): Redeemed | null;
  /** Ends every ticket of a session (sign-out, session expired). */
  endSession(session: string): void;
}

/** Generated files are kept for the ticket's life, and at most this many at once (oldest dropped). */
const MAX_GENERATED = 16;

/** The file key of a session, as the renderer computes it (shared/file-key.ts): SHA-256, base64url. */
export function fileKeyOf(session: string): string {
  return createHash('sha256').update(`mumaris-file-key\n${session}`).digest('base64url');
}

const sameKey = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

export function createFileTickets(ttlMs = 10 * 60_000, now: () => number = Date.now): FileTickets {
  const tickets = new Map<string, { attachmentId?: number; file?: GeneratedFile; session: string; key: string; expires: number }>();
  const add = (entry: { attachmentId?: number; file?: GeneratedFile }, session: string) => {
    // A file link without a session would outlive every sign-out: refuse to make one.
    if (!session) throw new Error('a file ticket needs the session that asks for it');
    const t = now();
    for (const [k, v] of tickets) if (v.expires < t) tickets.delete(k);
    if (entry.file) {
      const generated = [...tickets].filter(([, v]) => v.file);
      for (const [k] of generated.slice(0, Math.max(0, generated.length - MAX_GENERATED + 1))) tickets.delete(k);
    }
    const ticket = randomBytes(24).toString('base64url');
    tickets.set(ticket, { ...entry, session, key: fileKeyOf(session), expires: t + ttlMs });
    return ticket;
  };
  return {
    issue: (attachmentId, session) => add({ attachmentId }, session),
    issueGenerated: (file, session) => add({ file }, session),
    redeem(ticket, key) {
      const entry = tickets.get(ticket);
      if (!entry || entry.expires < now() || !key || !sameKey(key, entry.key)) return null;
      return entry.file ? { file: entry.file, session: entry.session } : { attachmentId: entry.attachmentId!, session: entry.session };
    },
    endSession(session) {
      for (const [k, v] of tickets) if (v.session === session) tickets.delete(k);
    },
  };
}
