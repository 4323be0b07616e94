import { describe, expect, it } from 'vitest';
import { gregorianDay, hijriDay, hijriOf, hijriToGregorian, longDate } from './hijri';

const unixDay = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;

describe('the Umm al-Qura calendar', () => {
  it('prints a Gregorian day in Hijri, year first with two-digit month and day', () => {
    expect(hijriDay('2025-06-26')).toBe('1447/01/01'); // 1 Muharram 1447
    expect(gregorianDay('2026-11-23')).toBe('2026/11/23');
    expect(() => hijriDay('2026-11-23T10:00:00Z')).toThrow(/YYYY-MM-DD/);
  });

  it('turns a Hijri date back into its Gregorian day, both ways agreeing', () => {
    expect(hijriToGregorian({ year: 1447, month: 1, day: 1 })).toBe('2025-06-26');
    for (const day of ['2024-03-11', '2025-12-31', '2026-11-23', '2030-02-28']) {
      expect(hijriToGregorian(hijriOf(unixDay(day)))).toBe(day);
    }
  });

  it('refuses a Hijri day that does not exist or lies outside the tables', () => {
    expect(hijriToGregorian({ year: 1447, month: 13, day: 1 })).toBeNull();
    expect(hijriToGregorian({ year: 1200, month: 1, day: 1 })).toBeNull();
    expect(hijriToGregorian({ year: 1447, month: 1, day: 1.5 })).toBeNull();
  });

  it('writes a day in words in both calendars', () => {
    expect(longDate('2025-06-26', 'en').gregorian).toBe('26 June 2025');
    expect(longDate('2025-06-26', 'ar').gregorian).toMatch(/2025 م$/);
  });
});
