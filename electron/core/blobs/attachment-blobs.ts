/**
 * How attachments' bytes go into and come out of the blob store. Writing is two steps: the bytes are
 * put into the store first (durable when put resolves), then the transaction records the row that
 * names them. A crash between the two leaves at most a blob no row names (collected later by
 * gc.ts), never a row without its bytes. The database store keeps the bytes in the row itself, so
 * for it both happen in the transaction.
 */
import type { Trx } from '../cases/apply-transition';
import type { DeskDb } from '../db/connection';
import { BlobCorruptError, BlobMissingError, type BlobStore } from './blob-store';
import { checked } from './hash';
import { importSharesBlobs } from './gc-lock';

export interface NewBlob {
  sha256: string;
  bytes: Uint8Array;
  mime: string;
}

/** Step one, before the transaction that records the rows. */
export async function putBeforeCommit(store: BlobStore, blobs: Iterable<NewBlob>): Promise<void> {
  if (store.kind === 'database') return;
  for (const b of blobs) await store.put(b.sha256, b.bytes, b.mime);
}

/** Step two, in the transaction: the row saying where the bytes are. A hash known already keeps its row. */
export async function recordBlob(trx: Trx | DeskDb, store: BlobStore, b: NewBlob): Promise<void> {
  const inRow = store.kind === 'database';
  if (!inRow) await importSharesBlobs(trx);
  await trx
    .insertInto('attachment_blobs')
    .values({
      sha256: b.sha256,
      size: b.bytes.length,
      mime: b.mime,
      data: inRow ? Buffer.from(b.bytes.buffer, b.bytes.byteOffset, b.bytes.byteLength) : null,
      stored: store.kind,
    })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
}

/** Which attachment a read is for: its errors name both, so a missing file can be found and restored. */
export interface AttachmentLabel {
  reference: string;
  fileName: string;
}

const where = (a: AttachmentLabel) => `request ${a.reference}, attachment ${a.fileName}`;
const whereAr = (a: AttachmentLabel) => `الطلب ${a.reference}، المرفق ${a.fileName}`;

/** The row of attachment_blobs as the read sites select it. */
export interface BlobRow {
  sha256: string;
  data: Uint8Array | null;
  stored: string;
}

/** The bytes of an attachment, hash checked, wherever its row says they are. */
export async function attachmentBytes(store: BlobStore, row: BlobRow, label: AttachmentLabel): Promise<Uint8Array> {
  if (!row.data && row.stored !== store.kind)
    throw new BlobMissingError(
      row.sha256,
      `${where(label)}; kept in the ${row.stored} store, this desk uses the ${store.kind} store`,
      `${whereAr(label)}؛ محفوظ في مخزن ${row.stored} وهذا المكتب يستخدم مخزن ${store.kind}`,
    );
  try {
    return row.data ? checked(row.sha256, row.data) : await store.get(row.sha256);
  } catch (e) {
    throw labelled(e, label);
  }
}

/** Cheaper than reading: is the attachment's blob there at all (opening an attachment asks before it hands out a link). */
export async function assertAttachmentPresent(
  store: BlobStore,
  row: Omit<BlobRow, 'data'> & { inRow: boolean },
  label: AttachmentLabel,
): Promise<void> {
  if (row.inRow) return;
  const present = row.stored === store.kind && (await store.has(row.sha256));
  if (!present)
    throw new BlobMissingError(
      row.sha256,
      `${where(label)}${row.stored !== store.kind ? `; kept in the ${row.stored} store` : ''}`,
      `${whereAr(label)}${row.stored !== store.kind ? `؛ محفوظ في مخزن ${row.stored}` : ''}`,
    );
}

/** The store's error again, now naming the request and the file. */
function labelled(e: unknown, label: AttachmentLabel): unknown {
  if (e instanceof BlobMissingError) return new BlobMissingError(e.sha256, where(label), whereAr(label));
  if (e instanceof BlobCorruptError) return new BlobCorruptError(e.sha256, e.actualSha256, where(label), whereAr(label));
  return e;
}
