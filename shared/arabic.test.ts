import { describe, expect, it } from 'vitest';
import { normaliseArabic } from './arabic';

describe('normaliseArabic', () => {
  it('ignores diacritics, tatweel and alef/hamza/ta marbuta variants', () => {
    expect(normaliseArabic('مُحَمَّد')).toBe('محمد');
    expect(normaliseArabic('أحمد')).toBe(normaliseArabic('احمد'));
    expect(normaliseArabic('إبراهيم')).toBe(normaliseArabic('ابراهيم'));
    expect(normaliseArabic('فاطمة')).toBe(normaliseArabic('فاطمه'));
    expect(normaliseArabic('مصطفى')).toBe(normaliseArabic('مصطفي'));
    expect(normaliseArabic('عبـــدالله')).toBe('عبدالله');
  });
});
