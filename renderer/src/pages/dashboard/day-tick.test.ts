import { describe, expect, it } from 'vitest';
import { dayTick } from './day-tick';

describe('dayTick', () => {
  it('writes a chart day with the month named in the language on screen', () => {
    expect(dayTick('ar')('2026-12-01')).toBe('1 ديسمبر');
    expect(dayTick('en')('2026-12-01')).toBe('1 Dec');
    expect(dayTick('en')('week 3')).toBe('week 3');
  });
});
