import { randomBytes } from 'node:crypto';

/**
 * Short-lived, unguessable tickets for reading one attachment: the viewer loads
 * files by URL (a route in the host, the app:// protocol in Electron), never as JSON.
 */
export interface FileTickets {
  issue(attachmentId: number): string;
  redeem(ticket: string): number | null;
}

export function createFileTickets(ttlMs = 10 * 60_000, now: () => number = Date.now): FileTickets {
  const tickets = new Map<string, { attachmentId: number; expires: number }>();
  return {
    issue(attachmentId) {
      const t = now();
      for (const [k, v] of tickets) if (v.expires < t) tickets.delete(k);
      const ticket = randomBytes(24).toString('base64url');
      tickets.set(ticket, { attachmentId, expires: t + ttlMs });
      return ticket;
    },
    redeem(ticket) {
      const entry = tickets.get(ticket);
      if (!entry || entry.expires < now()) return null;
      return entry.attachmentId;
    },
  };
}
