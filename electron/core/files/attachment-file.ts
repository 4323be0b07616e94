import { readFile } from 'node:fs/promises';
import type { DeskDb } from '../db/connection';
import type { FileTickets } from './tickets';

export interface AttachmentFile {
  bytes: Uint8Array;
  mime: string;
  fileName: string;
}

/** The file behind a ticket, or null when the ticket is unknown or expired. */
export async function fileForTicket(db: DeskDb, tickets: FileTickets, ticket: string): Promise<AttachmentFile | null> {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(ticket)) return null;
  const generated = tickets.redeemGenerated(ticket);
  if (generated) {
    const bytes = generated.bytes ?? (generated.path ? await readFile(generated.path).catch(() => null) : null);
    return bytes ? { bytes, mime: generated.mime, fileName: generated.fileName } : null;
  }
  const id = tickets.redeem(ticket);
  if (id === null) return null;
  const row = await db
    .selectFrom('attachments as a')
    .innerJoin('attachment_blobs as b', 'b.sha256', 'a.sha256')
    .select(['b.data', 'b.mime', 'a.file_name'])
    .where('a.id', '=', id)
    .executeTakeFirst();
  return row ? { bytes: row.data, mime: row.mime, fileName: row.file_name } : null;
}

/** Headers for serving an attachment: its own type, never sniffed, never scripted. */
export function attachmentHeaders(f: AttachmentFile): Record<string, string> {
  return {
    'content-type': f.mime,
    'content-length': String(f.bytes.length),
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; sandbox",
    'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(f.fileName)}`,
    'cache-control': 'private, max-age=600',
  };
}
