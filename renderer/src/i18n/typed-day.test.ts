import { describe, expect, it } from 'vitest';
import { parseTypedDay } from './typed-day';

describe('parseTypedDay', () => {
  it('reads a day typed in either language and either digit set', () => {
    expect(parseTypedDay('2026-10-23')).toBe('2026-10-23');
    expect(parseTypedDay('23/10/2026')).toBe('2026-10-23');
    expect(parseTypedDay('23 أكتوبر 2026')).toBe('2026-10-23');
    expect(parseTypedDay('٢٣ أكتوبر ٢٠٢٦')).toBe('2026-10-23');
    expect(parseTypedDay('23 October 2026')).toBe('2026-10-23');
    expect(parseTypedDay('Oct 23, 2026')).toBe('2026-10-23');
  });
  it('refuses what is not one real day', () => {
    expect(parseTypedDay('31/02/2026')).toBeNull();
    expect(parseTypedDay('23 Smarch 2026')).toBeNull();
    expect(parseTypedDay('mm/dd/yyyy')).toBeNull();
    expect(parseTypedDay('')).toBeNull();
  });
});
