import { describe, expect, it } from 'vitest';
import { drawSample, newSeed, populationDigest, sampleSize, seededRandom } from './seeded-sample';
import { auditPeriod } from './audit-period';

const refs = Array.from({ length: 200 }, (_, i) => `REQ-2026-${String(i + 1).padStart(6, '0')}`);

describe('the CPD audit draw', () => {
  it('same seed, same population (in any order): same sample; another seed: another sample', () => {
    const a = drawSample(refs, 'c0ffee', 10);
    expect(a).toHaveLength(20);
    expect(drawSample([...refs].reverse(), 'c0ffee', 10)).toEqual(a);
    expect(drawSample(refs, 'c0ffef', 10)).not.toEqual(a);
    expect(new Set(a).size).toBe(20);
    for (const r of a) expect(refs).toContain(r);
  });

  it('is pinned: this seed drew these references (a change to the generator must fail here)', () => {
    expect(drawSample(refs.slice(0, 30), 'mumaris-2026-03', 10)).toMatchInlineSnapshot(`
      [
        "REQ-2026-000028",
        "REQ-2026-000020",
        "REQ-2026-000021",
      ]
    `);
    const r = seededRandom('x');
    const first = [r(), r(), r()];
    expect(first.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(seededRandom('x')()).toBe(first[0]);
  });

  it('draws about evenly: each reference is drawn near percent of the time over many seeds', () => {
    const counts = new Map<string, number>();
    const small = refs.slice(0, 20);
    for (let s = 0; s < 2000; s++) for (const r of drawSample(small, `seed-${s}`, 25)) counts.set(r, (counts.get(r) ?? 0) + 1);
    for (const r of small) expect(counts.get(r)! / 2000).toBeGreaterThan(0.2);
    for (const r of small) expect(counts.get(r)! / 2000).toBeLessThan(0.3);
  });

  it('rounds the size up: any share above zero draws at least one; 0 % draws none; 100 % all', () => {
    expect(sampleSize(7, 10)).toBe(1);
    expect(sampleSize(10, 10)).toBe(1);
    expect(sampleSize(11, 10)).toBe(2);
    expect(sampleSize(7, 0)).toBe(0);
    expect(sampleSize(7, 100)).toBe(7);
    expect(sampleSize(0, 50)).toBe(0);
    expect(drawSample([], 'x', 50)).toEqual([]);
  });

  it('records the population by a digest of its sorted references, and fresh seeds differ', () => {
    expect(populationDigest(['B', 'A'])).toBe(populationDigest(['A', 'B']));
    expect(populationDigest(['A'])).not.toBe(populationDigest(['A', 'B']));
    expect(newSeed()).toMatch(/^[0-9a-f]{32}$/);
    expect(newSeed()).not.toBe(newSeed());
  });

  it('periods run from January: a month, a quarter; a bad month is named', () => {
    expect(auditPeriod('2026-03', 1)).toEqual({ start: '2026-03-01', end: '2026-03-31' });
    expect(auditPeriod('2026-02', 1)).toEqual({ start: '2026-02-01', end: '2026-02-28' });
    expect(auditPeriod('2026-05', 3)).toEqual({ start: '2026-04-01', end: '2026-06-30' });
    expect(auditPeriod('2026-12', 12)).toEqual({ start: '2026-01-01', end: '2026-12-31' });
    expect(() => auditPeriod('2026-13', 1)).toThrow(/period: expected a month YYYY-MM/);
  });
});
