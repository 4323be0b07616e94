/**
 * photo_hashes / photo_hash_bands (migration 0130): written where a photo is recorded (import, the demo) and
 * by the catch-up for photos stored before (the bytes may be in a folder or a bucket, so only the desk,
 * which has the blob store, can read them). A file that cannot be decoded gets no hash: the similar-photo
 * signal then says so for it rather than passing it silently.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { BlobStore } from '../blobs/blob-store';
import { attachmentBytes } from '../blobs/attachment-blobs';
import { hashBands, photoHash } from './photo-hash';

/** Stores the hash of one photo's bytes (nothing when it is known already or is not a photo). */
export async function indexPhoto(db: Kysely<Database>, sha256: string, bytes: Uint8Array, mime: string): Promise<string | null> {
  const known = await db.selectFrom('photo_hashes').select('hash').where('sha256', '=', sha256).executeTakeFirst();
  if (known) return known.hash;
  let hash: string | null;
  try {
    hash = photoHash(bytes, mime);
  } catch {
    return null; // a damaged image: the signal reports it as not comparable
  }
  if (!hash) return null;
  await db
    .insertInto('photo_hashes')
    .values({ sha256, hash })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
  await db
    .insertInto('photo_hash_bands')
    .values(hashBands(hash).map((value, band) => ({ sha256, band, value })))
    .onConflict((oc) => oc.columns(['sha256', 'band']).doNothing())
    .execute();
  return hash;
}

/** Hashes every stored photo that has none yet; returns how many it hashed (the desk's start, `desk signals index`). */
export async function indexMissingPhotos(db: Kysely<Database>, blobs: BlobStore, batch = 200): Promise<number> {
  let done = 0;
  let after = '';
  for (;;) {
    const rows = await db
      .selectFrom('attachments as a')
      .innerJoin('attachment_blobs as b', 'b.sha256', 'a.sha256')
      .innerJoin('requests as r', 'r.id', 'a.request_id')
      .leftJoin('photo_hashes as h', 'h.sha256', 'a.sha256')
      .select(['b.sha256', 'b.mime', 'b.data', 'b.stored', 'r.reference', 'a.file_name'])
      .where('a.kind', '=', 'photo')
      .where('h.sha256', 'is', null)
      .where('b.sha256', '>', after)
      .orderBy('b.sha256')
      .limit(batch)
      .execute();
    if (rows.length === 0) return done;
    for (const r of rows) {
      after = r.sha256;
      try {
        const bytes = await attachmentBytes(blobs, r, { reference: r.reference, fileName: r.file_name });
        if (await indexPhoto(db, r.sha256, bytes, r.mime)) done++;
      } catch {
        // A missing blob is reported by `desk blobs verify`; the signal says "not compared" for it.
      }
    }
  }
}
