import { describe, expect, it } from 'vitest';
import { SeededRandom } from './random';
import { demoFiledAt } from './filed-at';

describe('when a demo request was filed', () => {
  it('is never after now, in working hours, and on the day it names', () => {
    const rng = new SeededRandom(3);
    const now = new Date('2026-12-02T03:22:00.000Z'); // 06:22 in Riyadh: every hour drawn for today is still to come
    const filed = Array.from({ length: 500 }, () => demoFiledAt(rng, '2026-12-02', 3, now));
    expect(filed.every((f) => f.at < now.toISOString())).toBe(true);
    expect(filed.every((f) => f.at.startsWith(f.day) && /T(0[5-9]|1[0-4]):[0-5]\d:00\.000Z$/.test(f.at))).toBe(true);
    // Today's draws went to the day before, so that day holds about two days' share.
    const days = new Set(filed.map((f) => f.day));
    expect([...days].sort()).toEqual(['2026-11-29', '2026-11-30', '2026-12-01']);
  });

  it('keeps a draw for today that is already past', () => {
    const rng = new SeededRandom(5);
    const late = new Date('2026-12-02T20:00:00.000Z');
    const filed = Array.from({ length: 200 }, () => demoFiledAt(rng, '2026-12-02', 0, late));
    expect(new Set(filed.map((f) => f.day))).toEqual(new Set(['2026-12-02']));
  });
});
