/**
 * Each demo request gets files of its own, as real applicants send: the shared letter templates are
 * re-stamped (their PDF dates, a few days before the upload, differ per request, so their SHA-256 do) and
 * each photo is drawn for its request (a mottled studio background behind the silhouette gives every
 * photo its own perceptual hash). Without this every demo request would share files with strangers and
 * the reused-attachment and similar-photo signals would fire on every clean case.
 */
import { createHash } from 'node:crypto';
import jpeg from 'jpeg-js';
import type { DemoFile } from './demo-file';
import { SeededRandom } from './random';
import { paintedJpeg } from './painted-jpeg';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

const STAMP = /\((D:\d{14}Z)\)/g;

/** Where each `(D:yyyymmddhhmmssZ)` date of a pool PDF starts (its 14 digits), found once per pool file. */
const stampOffsets = new WeakMap<Uint8Array, number[]>();
function offsetsOf(bytes: Uint8Array): number[] {
  let found = stampOffsets.get(bytes);
  if (!found) {
    found = [...Buffer.from(bytes).toString('latin1').matchAll(STAMP)].map((m) => m.index + 3);
    stampOffsets.set(bytes, found);
  }
  return found;
}

/**
 * `file` (a PDF of the pool) with its creation and modification dates set to `at`: same length, so every offset
 * stays. The digits are written over a copy of the bytes: a seed restamps several letters per request, and going
 * through a string each time made most of a bench seed's garbage.
 */
export function restampedPdf(file: DemoFile, at: Date): DemoFile {
  const offsets = offsetsOf(file.bytes);
  if (offsets.length === 0) return file;
  const digits = at.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  const bytes = new Uint8Array(file.bytes);
  for (const o of offsets) bytes.set(Buffer.from(digits, 'latin1'), o);
  return { ...file, bytes, sha256: sha(bytes) };
}

/** A pool PDF made this request's own: saved `n`-dependent seconds on a day before the upload. */
export function ownPdf(file: DemoFile, n: number, submittedAt: string): DemoFile {
  const daysBefore = 1 + (n % 9);
  return restampedPdf(file, new Date(Date.parse(submittedAt) - daysBefore * 86_400_000 - (n % 86_400) * 1000));
}

/**
 * Drawing and encoding a photo is the dearest step of a seed: 4,096 distinct faces are drawn at most and kept.
 * A demo (1,500 requests) gives each its own; only a bench-sized seed (100,000) reuses them.
 */
const PHOTO_FACES = 4096;
const drawn = new Map<number, DemoFile>();

/** A passport-style photo drawn for request `n` (its own background, tones and pose). */
export function ownPhoto(n: number, fileName = `photo-${n}.jpg`): DemoFile {
  const face = n % PHOTO_FACES;
  let f = drawn.get(face);
  if (!f) drawn.set(face, (f = drawPhoto(face)));
  return { ...f, fileName };
}

function drawPhoto(n: number): DemoFile {
  const fileName = `photo-${n}.jpg`;
  const rng = new SeededRandom(0x5eed + n * 7919);
  // Small (a quarter of the pool's photos): a thousand of them are drawn and encoded on every demo seed.
  const width = 120;
  const height = 150;
  const k = width / 240;
  // The studio's backdrop: soft tiles of a little lighter or darker grey-blue, one tile per hash block.
  const tiles = Array.from({ length: 16 * 16 }, () => rng.int(-28, 28));
  const base = [205 + rng.int(0, 25), 210 + rng.int(0, 20), 225];
  const tone = [120 + rng.int(0, 90), 90 + rng.int(0, 70), 70 + rng.int(0, 50)];
  const cloth = [rng.int(20, 80), rng.int(40, 110), rng.int(60, 140)];
  const cx = (120 + rng.int(-12, 12)) * k;
  const cy = (120 + rng.int(-10, 10)) * k;
  const rx = (50 + rng.int(0, 10)) * k;
  const ry = (64 + rng.int(0, 10)) * k;
  const backdrop = tiles.map((shade) => base.map((v) => Math.max(0, Math.min(255, v + shade))));
  return paintedJpeg(
    width,
    height,
    (x, y) => {
      const head = (x - cx) ** 2 / rx ** 2 + (y - cy) ** 2 / ry ** 2 <= 1;
      const shoulders = y > 200 * k && (x - 120 * k) ** 2 / (110 * k) ** 2 + (y - 300 * k) ** 2 / (95 * k) ** 2 <= 1;
      return head ? tone : shoulders ? cloth : backdrop[Math.floor((y * 16) / height) * 16 + Math.floor((x * 16) / width)]!;
    },
    fileName,
  );
}

/** The same photo saved again at another JPEG quality: new bytes and SHA-256, the same picture. */
export function resavedPhoto(photo: DemoFile, quality: number, fileName: string): DemoFile {
  const img = jpeg.decode(photo.bytes, { useTArray: true, formatAsRGBA: true });
  const bytes = new Uint8Array(jpeg.encode({ data: img.data, width: img.width, height: img.height }, quality).data);
  return { bytes, mime: 'image/jpeg', sha256: sha(bytes), fileName };
}
