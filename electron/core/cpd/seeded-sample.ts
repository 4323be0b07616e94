/**
 * The CPD audit's random draw, reproducible by anyone holding the seed: the seed's SHA-256 seeds sfc32
 * (a small, well-tested generator), which shuffles the population sorted by reference (Fisher–Yates) and
 * the first `size` are drawn. Same seed, same population: same sample, whatever order the rows came in.
 */
import { createHash, randomBytes } from 'node:crypto';

/** sfc32 (Chris Doty-Humphrey's Small Fast Counting generator), 128 bits of state from the seed's SHA-256. */
export function seededRandom(seed: string): () => number {
  const h = createHash('sha256').update(seed, 'utf8').digest();
  let a = h.readUInt32BE(0);
  let b = h.readUInt32BE(4);
  let c = h.readUInt32BE(8);
  let d = h.readUInt32BE(12);
  const next = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  // The first outputs still carry the seed's structure: let them go, as sfc32's author advises.
  for (let i = 0; i < 12; i++) next();
  return next;
}

/** A fresh seed, written down with the sample: 16 random bytes in hex. */
export const newSeed = () => randomBytes(16).toString('hex');

/** How many of `population` a `percent` draw takes: rounded up, so any share above zero draws at least one. */
export const sampleSize = (population: number, percent: number) => Math.max(0, Math.min(population, Math.ceil((population * percent) / 100 - 1e-9)));

/** The sample of `references` (any order) drawn with `seed` at `percent`, in the order drawn. */
export function drawSample(references: readonly string[], seed: string, percent: number): string[] {
  const pool = [...references].sort();
  const random = seededRandom(seed);
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, sampleSize(pool.length, percent));
}

/** The population's fingerprint recorded with the sample: SHA-256 of the sorted references, one a line. */
export const populationDigest = (references: readonly string[]) =>
  createHash('sha256')
    .update([...references].sort().join('\n'), 'utf8')
    .digest('hex');
