import { randomBytes } from 'node:crypto';

/** A file the desk made (a card, a report) held in memory for the viewer to load. */
export interface GeneratedFile {
  /** Small documents are held in memory; exports stay in their file on disk. */
  bytes?: Uint8Array;
  path?: string;
  mime: string;
  fileName: string;
}

/**
 * Short-lived, unguessable tickets for reading one attachment or one generated document: the
 * viewer loads files by URL (a route in the host, the app:// protocol in Electron), never as JSON.
 */
export interface FileTickets {
  issue(attachmentId: number): string;
  issueGenerated(file: GeneratedFile): string;
  redeem(ticket: string): number | null;
  redeemGenerated(ticket: string): GeneratedFile | null;
}

/** Generated files are kept for the ticket's life, and at most this many at once (oldest dropped). */
const MAX_GENERATED = 16;

export function createFileTickets(ttlMs = 10 * 60_000, now: () => number = Date.now): FileTickets {
  const tickets = new Map<string, { attachmentId?: number; file?: GeneratedFile; expires: number }>();
  const add = (entry: { attachmentId?: number; file?: GeneratedFile }) => {
    const t = now();
    for (const [k, v] of tickets) if (v.expires < t) tickets.delete(k);
    if (entry.file) {
      const generated = [...tickets].filter(([, v]) => v.file);
      for (const [k] of generated.slice(0, Math.max(0, generated.length - MAX_GENERATED + 1))) tickets.delete(k);
    }
    const ticket = randomBytes(24).toString('base64url');
    tickets.set(ticket, { ...entry, expires: t + ttlMs });
    return ticket;
  };
  const live = (ticket: string) => {
    const entry = tickets.get(ticket);
    return entry && entry.expires >= now() ? entry : undefined;
  };
  return {
    issue: (attachmentId) => add({ attachmentId }),
    issueGenerated: (file) => add({ file }),
    redeem: (ticket) => live(ticket)?.attachmentId ?? null,
    redeemGenerated: (ticket) => live(ticket)?.file ?? null,
  };
}
