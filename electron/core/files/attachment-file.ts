import { readFile, rm } from 'node:fs/promises';
import type { DeskDeps } from '../desk/open-desk';
import { currentPolicy } from '../policy/current-policy';
import { resolveSession } from '../auth/users';
import { fileKeyOf } from './tickets';
import { attachmentBytes } from '../blobs/attachment-blobs';

export interface AttachmentFile {
  bytes: Uint8Array;
  mime: string;
  fileName: string;
}

/**
 * The file behind a ticket, or null when the ticket is unknown or expired, `key` is not the file
 * key of the session that asked for it, or that session has ended (signed out, idle too long, user
 * disabled): a file link ends with its session.
 */
export async function fileForTicket(
  desk: Pick<DeskDeps, 'db' | 'clock' | 'fileTickets' | 'blobs'>,
  ticket: string,
  key: string | null | undefined,
): Promise<AttachmentFile | null> {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(ticket)) return null;
  const redeemed = desk.fileTickets.redeem(ticket, key);
  if (!redeemed) return null;
  const now = desk.clock.now();
  const { policy } = await currentPolicy(desk.db, now.toISOString());
  if (!(await resolveSession(desk.db, redeemed.session, now, policy.sessionIdleMinutes))) {
    desk.fileTickets.endSession(redeemed.session);
    return null;
  }
  if (redeemed.file) {
    const generated = redeemed.file;
    const bytes = generated.bytes ?? (generated.path ? await readFile(generated.path).catch(() => null) : null);
    // Downloaded: an export leaves no copy behind (its link then answers 404).
    if (generated.path && generated.removeAfterRead) await rm(generated.path, { force: true });
    return bytes ? { bytes, mime: generated.mime, fileName: generated.fileName } : null;
  }
  const row = await desk.db
    .selectFrom('attachments as a')
    .innerJoin('attachment_blobs as b', 'b.sha256', 'a.sha256')
    .innerJoin('requests as r', 'r.id', 'a.request_id')
    .select(['b.sha256', 'b.data', 'b.stored', 'b.mime', 'a.file_name', 'r.reference'])
    .where('a.id', '=', redeemed.attachmentId)
    .executeTakeFirst();
  if (!row) return null;
  // Missing or damaged bytes: a DeskFault naming the request and the file (the host answers it as such).
  const bytes = await attachmentBytes(desk.blobs, row, { reference: row.reference, fileName: row.file_name });
  return { bytes, mime: row.mime, fileName: row.file_name };
}

/** Headers for serving an attachment: its own type, never sniffed, never scripted. */
export function attachmentHeaders(f: AttachmentFile): Record<string, string> {
  return {
    'content-type': f.mime,
    'content-length': String(f.bytes.length),
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; sandbox",
    'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(f.fileName)}`,
    // Not kept in the browser's cache either: after sign-out nothing of the file stays behind.
    'cache-control': 'private, no-store',
  };
}

/** The file behind a `/files/<ticket>` link as the signed-in holder of `sessionToken` opens it (tests, tools). */
export function fileForLink(
  desk: Pick<DeskDeps, 'db' | 'clock' | 'fileTickets' | 'blobs'>,
  url: string,
  sessionToken: string,
): Promise<AttachmentFile | null> {
  return fileForTicket(desk, url.replace(/^\/files\//, '').replace(/\?.*$/, ''), fileKeyOf(sessionToken));
}
