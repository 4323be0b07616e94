import { HOLDER_COLUMNS, holderFacts } from './holder';
import type { DeskDb } from '../db/connection';
import type { Trx } from '../cases/apply-transition';
import type { CardFacts } from '../documents/card-facts';
import type { CardSigner } from '../documents/card-signing';
import { notFound } from '../errors';
import { cardDates, cardNoLongerValid, mustBePrintable } from './issue-card';
import type { BlobStore } from '../blobs/blob-store';
import { databaseStore } from '../blobs/database-store';
import { attachmentBytes } from '../blobs/attachment-blobs';

/** The requests' card photos (JPEG or PNG), newest version first: the first found for a request is the one printed. */
async function photosOf(db: DeskDb | Trx, blobs: BlobStore, requestIds: number[]) {
  const rows = await db
    .selectFrom('attachments as a')
    .innerJoin('attachment_blobs as b', 'b.sha256', 'a.sha256')
    .innerJoin('requests as r', 'r.id', 'a.request_id')
    .select(['a.request_id', 'a.version', 'a.file_name', 'r.reference', 'b.data', 'b.stored', 'b.mime', 'b.sha256'])
    .where('a.request_id', 'in', requestIds)
    .where('a.kind', '=', 'photo')
    .where('b.mime', 'in', ['image/jpeg', 'image/png'])
    .orderBy('a.version', 'desc')
    .execute();
  // Only the photo printed (the newest of each request) is read from the store.
  const newest = new Map<number, (typeof rows)[number]>();
  for (const r of rows) if (!newest.has(r.request_id)) newest.set(r.request_id, r);
  return Promise.all(
    [...newest.values()].map(async (r) => ({
      request_id: r.request_id,
      mime: r.mime,
      sha256: r.sha256,
      data: await attachmentBytes(blobs, r, { reference: r.reference, fileName: r.file_name }),
    })),
  );
}

/** What the cards of these requests print, in the order asked; each request must have its card issued. */
export async function loadCardFacts(
  db: DeskDb | Trx,
  signer: CardSigner,
  requestIds: number[],
  blobs: BlobStore = databaseStore(db as DeskDb),
): Promise<CardFacts[]> {
  if (requestIds.length === 0) return [];
  const rows = await db
    .selectFrom('cards as c')
    .innerJoin('requests as r', 'r.id', 'c.request_id')
    .innerJoin('practitioners as p', 'p.id', 'r.practitioner_id')
    .select(['c.request_id', 'c.number', 'c.issued_at', 'c.expires_at', 'r.service', ...HOLDER_COLUMNS])
    .where('c.request_id', 'in', requestIds)
    .where('c.status', '=', 'active')
    .execute();
  const photos = await photosOf(db, blobs, requestIds);
  const byRequest = new Map(rows.map((r) => [r.request_id, r]));
  return requestIds.map((id) => {
    const r = byRequest.get(id);
    if (!r) throw new Error(`request ${id} has no card issued`);
    const photo = photos.find((p) => p.request_id === id);
    return {
      number: r.number,
      issuedAt: r.issued_at,
      expiresAt: r.expires_at,
      ...holderFacts(r),
      photo: photo ? { bytes: photo.data, mime: photo.mime, sha256: photo.sha256 } : null,
      qr: signer.payload({ kind: 'C', number: r.number, holderId: r.id_number, date: r.expires_at }),
      replacement: r.service === 'CARD_REPLACEMENT',
    };
  });
}

/**
 * What the preview of these requests' cards shows, in the order asked, reading only: a card already
 * issued shows its number and dates; one not yet issued shows a placeholder number and the dates it
 * would get today. Every side is marked as a preview and carries no QR code (CardFacts.preview).
 */
export async function loadPreviewFacts(db: DeskDb, requestIds: number[], at: string, blobs: BlobStore = databaseStore(db)): Promise<CardFacts[]> {
  if (requestIds.length === 0) return [];
  const rows = await db
    .selectFrom('requests as r')
    .innerJoin('practitioners as p', 'p.id', 'r.practitioner_id')
    .leftJoin('cards as c', (j) => j.onRef('c.request_id', '=', 'r.id').on('c.status', '=', 'active'))
    .select(['r.id', 'r.reference', 'r.service', 'r.status', 'c.number', 'c.issued_at', 'c.expires_at', ...HOLDER_COLUMNS])
    .where('r.id', 'in', requestIds)
    .execute();
  const byRequest = new Map(rows.map((r) => [r.id, r]));
  const photos = await photosOf(db, blobs, requestIds);
  const fresh = await cardDates(db, at);
  return requestIds.map((id) => {
    const r = byRequest.get(id);
    if (!r) throw notFound(`request ${id}`, `الطلب ${id}`);
    mustBePrintable(r);
    if (!r.number && r.status !== 'ready_to_print') throw cardNoLongerValid(r.reference);
    const photo = photos.find((p) => p.request_id === id);
    return {
      number: r.number ?? `C-${fresh.issuedAt.slice(0, 4)}-······`,
      issuedAt: r.issued_at ?? fresh.issuedAt,
      expiresAt: r.expires_at ?? fresh.expiresAt,
      ...holderFacts(r),
      photo: photo ? { bytes: photo.data, mime: photo.mime, sha256: photo.sha256 } : null,
      qr: '',
      replacement: r.service === 'CARD_REPLACEMENT',
      preview: true,
    };
  });
}
