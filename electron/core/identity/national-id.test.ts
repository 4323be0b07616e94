import { describe, expect, it } from 'vitest';
import { normaliseDigits, parseSaudiId, withCheckDigit } from './national-id';

describe('parseSaudiId', () => {
  it('accepts the handbook example and its Arabic-Indic spelling', () => {
    expect(parseSaudiId('1000000008')).toEqual({ ok: true, number: '1000000008', kind: 'citizen' });
    expect(parseSaudiId('١٠٠٠٠٠٠٠٠٨')).toEqual({ ok: true, number: '1000000008', kind: 'citizen' });
  });
  it('names what is wrong', () => {
    expect(parseSaudiId('1000000009')).toEqual({ ok: false, reason: 'check_digit' });
    expect(parseSaudiId('3000000004')).toEqual({ ok: false, reason: 'first_digit' });
    expect(parseSaudiId('10000000')).toEqual({ ok: false, reason: 'format' });
    expect(parseSaudiId('10000000a8')).toEqual({ ok: false, reason: 'format' });
    expect(parseSaudiId('１０００００００08')).toEqual({ ok: false, reason: 'format' });
  });
  it('withCheckDigit always produces a valid number', () => {
    for (let i = 0; i < 200; i++) {
      const first9 = `${1 + (i % 2)}${String(i * 7919)
        .padStart(8, '0')
        .slice(-8)}`;
      expect(parseSaudiId(withCheckDigit(first9)).ok).toBe(true);
    }
  });
  it('normaliseDigits keeps other characters', () => {
    expect(normaliseDigits('REQ-٢٠٢٦')).toBe('REQ-2026');
  });
});
