import { describe, expect, it } from 'vitest';
import { addDays, ageOn, plusMonths } from './day-arithmetic';

describe('calendar arithmetic', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-05-31', -3, '2026-02-28'],
    ['2024-05-31', -3, '2024-02-29'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2026-01-15', -1, '2025-12-15'],
    ['2026-03-01', -3, '2025-12-01'],
  ])('%s plus %i months is %s', (d, n, expected) => expect(plusMonths(d, n)).toBe(expected));

  it('counts age from the birthday on', () => {
    expect(ageOn('1961-03-10', '2026-03-09')).toBe(64);
    expect(ageOn('1961-03-10', '2026-03-10')).toBe(65);
    expect(ageOn('1960-02-29', '2025-02-28')).toBe(64);
    expect(ageOn('1960-02-29', '2025-03-01')).toBe(65);
    expect(ageOn('1960-02-29', '2024-02-29')).toBe(64);
  });

  it('steps days across month and year ends', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
  });
});
