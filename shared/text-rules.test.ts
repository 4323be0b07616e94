import { describe, expect, it } from 'vitest';
import {
  hasBidiControl,
  hasHiddenCharacters,
  isInternationalMobile,
  isOneEmailAddress,
  isRealDateTime,
  isRealDay,
  isSaudiMobile,
} from './text-rules';

describe('text the desk accepts at its edges', () => {
  it.each([
    ['2026-02-28', true],
    ['2028-02-29', true],
    ['2026-02-29', false],
    ['2026-02-30', false],
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-01-00', false],
    ['2026-1-01', false],
  ])('day %s → %s', (day, ok) => expect(isRealDay(day)).toBe(ok));

  it.each([
    ['2026-03-01T09:30:00+03:00', true],
    ['2026-03-01T09:30Z', true],
    ['2026-03-01T09:30:00.123Z', true],
    ['2026-02-30T09:00:00+03:00', false],
    ['2026-03-01T24:00:00+03:00', false],
    ['2026-03-01T09:60:00+03:00', false],
    ['2026-03-01T09:30:61Z', false],
    ['2026-03-01T09:30:00+15:00', false],
    ['2026-03-01T09:30:00', false],
  ])('date-time %s → %s', (t, ok) => expect(isRealDateTime(t)).toBe(ok));

  it.each([
    ['sara.alharbi@example.com', true],
    ['s+tag@mail.example.sa', true],
    ['a@b.co', true],
    ['a@b', false],
    ['two@example.com, three@example.com', false],
    ['two@example.com;three@example.com', false],
    ['Sara <sara@example.com>', false],
    ['sara@example.com\r\nBcc: all@example.com', false],
    ['@SUM(1+1)@example.com', false],
    ['=HYPERLINK("x")@example.com', false],
    ['sara\u202e@example.com', false],
    ['sara@exa\u2066mple.com', false],
    ['sara @example.com', false],
    ['', false],
  ])('e-mail %j → %s', (e, ok) => expect(isOneEmailAddress(e)).toBe(ok));

  it.each([
    ['0501234567', true],
    ['+966501234567', true],
    ['٠٥٠١٢٣٤٥٦٧', true],
    ['050 123 4567', true],
    ['+966401234567', false],
    ['501234567', false],
    ['05012345678', false],
  ])('Saudi mobile %s → %s', (m, ok) => expect(isSaudiMobile(m)).toBe(ok));

  it('international mobiles for applicants abroad', () => {
    expect(isInternationalMobile('+201001234567')).toBe(true);
    expect(isInternationalMobile('00201001234567')).toBe(false);
    expect(isInternationalMobile('+0123')).toBe(false);
  });

  it('bidi overrides and isolates are hidden characters; marks and Arabic are not', () => {
    for (const c of ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069']) {
      expect(hasBidiControl(`a${c}b`)).toBe(true);
      expect(hasHiddenCharacters(`a${c}b`)).toBe(true);
    }
    expect(hasBidiControl('نورة \u200e+966')).toBe(false);
    expect(hasHiddenCharacters('line one\nline two\ttab')).toBe(false);
    expect(hasHiddenCharacters('bell\u0007')).toBe(true);
  });
});
