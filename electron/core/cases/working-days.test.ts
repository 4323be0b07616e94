import { describe, expect, it } from 'vitest';
import { addDays, riyadhDate, workingDaysBetween } from './working-days';

describe('working days (Sunday to Thursday)', () => {
  it('counts a whole week as five', () => {
    expect(workingDaysBetween('2026-03-01', '2026-03-08')).toBe(5); // Sunday to Sunday
  });
  it('skips Friday and Saturday', () => {
    expect(workingDaysBetween('2026-03-05', '2026-03-08')).toBe(1); // Thursday → Sunday
    expect(workingDaysBetween('2026-03-05', '2026-03-07')).toBe(0); // Thursday → Saturday
  });
  it('is zero on the same day or backwards', () => {
    expect(workingDaysBetween('2026-03-05', '2026-03-05')).toBe(0);
    expect(workingDaysBetween('2026-03-09', '2026-03-05')).toBe(0);
  });
  it('uses the Riyadh calendar date', () => {
    expect(riyadhDate('2026-03-01T22:30:00Z')).toBe('2026-03-02');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
  });
});
