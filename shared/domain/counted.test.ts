import { describe, expect, it } from 'vitest';
import { counted, DAYS, MONTHS } from './counted';
import { dayWords } from './day-words';

describe('counted', () => {
  it('takes the Arabic form the count asks for', () => {
    expect([0, 1, 2, 3, 10, 11, 99, 100, 103].map((n) => counted(DAYS.ar, 'ar', n))).toEqual([
      '0 يوم',
      'يوم واحد',
      'يومين',
      '3 أيام',
      '10 أيام',
      '11 يوماً',
      '99 يوماً',
      '100 يوم',
      '103 أيام',
    ]);
    expect(counted(MONTHS.ar, 'ar', 4)).toBe('4 أشهر');
  });
  it('takes one/other in English, numbers grouped', () => {
    expect([1, 2, 1200].map((n) => counted(DAYS.en, 'en', n))).toEqual(['1 day', '2 days', '1,200 days']);
  });
});

describe('dayWords', () => {
  it('words a day in the sentence language, Western digits', () => {
    expect(dayWords('2026-09-18', 'ar')).toBe('18 سبتمبر 2026');
    expect(dayWords('2026-09-18', 'en')).toBe('18 September 2026');
  });
  it('leaves what is not a plain day as given', () => {
    expect(dayWords('', 'en')).toBe('');
    expect(dayWords('2026-09-18T10:00:00Z', 'en')).toBe('2026-09-18T10:00:00Z');
  });
});
