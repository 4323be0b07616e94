/**
 * A photo's perceptual hash: blockhash (bmvbhash, 16×16 blocks = 256 bits, blockhash.io) of the decoded
 * pixels, so the same face re-encoded, resized or lightly retouched keeps (almost) the same hash while its
 * SHA-256 changes completely. The hash is cut into BANDS bands: two hashes at most NEAR_BITS apart
 * share at least one band whole (pigeonhole), so photo_hash_bands(band, value) finds every candidate with
 * an index look-up and the exact distance is then counted on those few.
 */
import { bmvbhash } from 'blockhash-core';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';

export const HASH_BITS = 256;
/** 16 bands of 16 bits: any two hashes within 15 bits share one. */
export const BANDS = 16;
/**
 * Near-identical: at most this many of the 256 bits differ. The same photo re-saved at another JPEG quality
 * differs by up to about 8-12 bits (tests); different photos by 90 and more.
 */
export const NEAR_BITS = 12;

/** Largest photo decoded for hashing: a passport photo is far smaller; a huge one is not worth the memory. */
const MAX_PIXELS = 40_000_000;

/** The hash (64 hex digits) of a JPEG or PNG, or null for another type (PDF scans are not compared). */
export function photoHash(bytes: Uint8Array, mime: string): string | null {
  const image = decode(bytes, mime);
  if (!image) return null;
  return bmvbhash(image, 16);
}

function decode(bytes: Uint8Array, mime: string): { width: number; height: number; data: Uint8Array } | null {
  if (mime === 'image/jpeg') {
    const img = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: MAX_PIXELS / 1_000_000, maxMemoryUsageInMB: 512 });
    return { width: img.width, height: img.height, data: img.data };
  }
  if (mime === 'image/png') {
    const img = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    if (img.width * img.height > MAX_PIXELS) throw new Error(`the PNG is ${img.width}×${img.height}, too large to compare`);
    return { width: img.width, height: img.height, data: img.data };
  }
  return null;
}

/** The hash's bands, in order: band i is hex digits [4i, 4i+4). */
export function hashBands(hash: string): string[] {
  const width = hash.length / BANDS;
  return Array.from({ length: BANDS }, (_, i) => hash.slice(i * width, (i + 1) * width));
}

/** Bits that differ between two hashes of the same length. */
export function hammingDistance(a: string, b: string): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) {
    let x = parseInt(a[i]!, 16) ^ parseInt(b[i]!, 16);
    while (x) {
      d += x & 1;
      x >>= 1;
    }
  }
  return d;
}
