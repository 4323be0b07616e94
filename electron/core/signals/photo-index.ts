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

/**
 * Hashes every stored photo that has none yet; returns how many it hashed (the desk's start, `desk signals index`).
 * One row a distinct photo: the same photo is attached to many requests (a re-used file, the demo's shared files),
 * and a page of attachment rows with their bytes, sorted, made this quadratic (at 100,000 requests, 4,096 distinct
 * photos took over half an hour); the bytes are read one photo at a time.
 */
export async function indexMissingPhotos(db: Kysely<Database>, blobs: BlobStore, batch = 200): Promise<number> {
  let done = 0;
  let after = '';
  for (;;) {
    const photos = await db
      .selectFrom('attachments as a')
      .innerJoin('requests as r', 'r.id', 'a.request_id')
      .select((eb) => ['a.sha256', eb.fn.min('r.reference').as('reference'), eb.fn.min('a.file_name').as('file_name')])
      .where('a.kind', '=', 'photo')
      .where('a.sha256', '>', after)
      .where((eb) => eb.not(eb.exists(eb.selectFrom('photo_hashes as h').select('h.sha256').whereRef('h.sha256', '=', 'a.sha256'))))
      .groupBy('a.sha256')
      .orderBy('a.sha256')
      .limit(batch)
      .execute();
    if (photos.length === 0) return done;
    for (const p of photos) {
      after = p.sha256;
      const blob = await db
        .selectFrom('attachment_blobs')
        .select(['sha256', 'mime', 'data', 'stored'])
        .where('sha256', '=', p.sha256)
        .executeTakeFirst();
      if (!blob) continue; // no stored bytes: `desk blobs verify` reports it
      try {
        const bytes = await attachmentBytes(blobs, blob, { reference: p.reference, fileName: p.file_name });
        if (await indexPhoto(db, blob.sha256, bytes, blob.mime)) done++;
      } catch {
        // A missing blob is reported by `desk blobs verify`; the signal says "not compared" for it.
      }
    }
  }
}
