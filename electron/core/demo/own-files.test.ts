import { describe, expect, it } from 'vitest';
import { makeDemoFiles } from './attachment-files';
import { FACILITIES } from './names';
import { SeededRandom } from './random';
import { ownPdf, restampedPdf } from './own-files';

describe('a pool letter restamped for one request', () => {
  it('changes only the dates, to the given moment, in every place the PDF gives one', async () => {
    const pool = await makeDemoFiles(new SeededRandom(3), FACILITIES);
    const file = pool.letter('bachelor_certificate');
    const before = Buffer.from(file.bytes).toString('latin1');
    const stamps = before.match(/\(D:\d{14}Z\)/g) ?? [];
    expect(stamps.length).toBeGreaterThan(0);
    const at = new Date('2026-03-04T05:06:07.000Z');
    const own = restampedPdf(file, at);
    // What a string rewrite of the dates gives, byte for byte.
    expect(Buffer.from(own.bytes).toString('latin1')).toBe(before.replace(/\(D:\d{14}Z\)/g, '(D:20260304050607Z)'));
    expect(own.sha256).not.toBe(file.sha256);
    // The pool's own file is left as it was.
    expect(Buffer.from(file.bytes).toString('latin1')).toBe(before);
  });

  it('gives two requests two different files and the same request the same file', async () => {
    const pool = await makeDemoFiles(new SeededRandom(3), FACILITIES);
    const file = pool.letter('experience_certificate');
    const a = ownPdf(file, 11, '2026-05-01T09:00:00.000Z');
    const b = ownPdf(file, 12, '2026-05-01T09:00:00.000Z');
    expect(a.sha256).not.toBe(b.sha256);
    expect(ownPdf(file, 11, '2026-05-01T09:00:00.000Z').sha256).toBe(a.sha256);
  });
});
