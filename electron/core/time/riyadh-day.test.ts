import { describe, expect, it } from 'vitest';
import { calendarDate, riyadhDate, riyadhDateTime, riyadhMidnight, riyadhStamp } from './riyadh-day';

describe('Riyadh day and clock', () => {
  it('moves a UTC instant three hours on, across midnight and the year', () => {
    expect(riyadhDateTime('2026-11-22T09:53:00.000Z')).toBe('2026-11-22 12:53');
    expect(riyadhDateTime('2026-12-31T21:30:00.000Z')).toBe('2027-01-01 00:30');
    expect(riyadhDateTime(new Date('2026-11-30T21:32:10.000Z'))).toBe('2026-12-01 00:32');
  });

  it('a day: an instant becomes Riyadh’s calendar day, a bare day stays', () => {
    expect(riyadhDate('2026-03-01T22:30:00Z')).toBe('2026-03-02');
    expect(calendarDate('2026-11-21T21:30:00.000Z')).toBe('2026-11-22');
    expect(calendarDate('2026-03-01T09:30:00+03:00')).toBe('2026-03-01');
    expect(calendarDate('2026-02-28T22:00:00Z')).toBe('2026-03-01');
    expect(calendarDate('2026-11-21')).toBe('2026-11-21');
  });

  it('a Riyadh day begins at 21:00 UTC the evening before', () => {
    expect(riyadhMidnight('2026-03-01')).toBe('2026-02-28T21:00:00.000Z');
    expect(riyadhDate(riyadhMidnight('2026-03-01'))).toBe('2026-03-01');
  });

  it('says which clock, and writes the Arabic date with slashes', () => {
    expect(riyadhStamp('2026-11-30T15:23:02.033Z', 'ar')).toBe('2026/11/30 18:23 بتوقيت الرياض');
    expect(riyadhStamp('2026-11-30T15:23:02.033Z', 'en')).toBe('2026-11-30 18:23 Riyadh time');
  });
});
