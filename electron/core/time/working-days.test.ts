import { describe, expect, it } from 'vitest';
import { workingDaysBetween } from './working-days';

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
});
