import { describe, expect, it } from 'vitest';
import { countries, countryCode, countryMatches, countryName, foldForSearch, rankCountries } from './countries';

describe('countries', () => {
  it('names a country in the language on screen', () => {
    expect(countryName('ar', 'PK')).toBe('باكستان');
    expect(countryName('en', 'SA')).toBe('Saudi Arabia');
    expect(countryName('en', 'pk')).toBe('Pakistan');
  });
  it('lists the ISO countries only, sorted by the name in the language on screen', () => {
    const ar = countries('ar');
    expect(ar).toHaveLength(249);
    expect(ar.map((c) => c.code)).not.toContain('EU');
    expect(ar[0]!.ar <= ar[1]!.ar || new Intl.Collator('ar').compare(ar[0]!.ar, ar[1]!.ar) <= 0).toBe(true);
  });
  it('maps a name typed in either language to its code (not "Pakistan" to "PA")', () => {
    expect(countryCode('Pakistan')).toBe('PK');
    expect(countryCode('باكستان')).toBe('PK');
    expect(countryCode('السعوديه')).toBe('SA');
    expect(countryCode('eg')).toBe('EG');
    expect(countryCode('Guinea')).toBe('GN');
    expect(countryCode('zzz')).toBeNull();
  });
  it('matches partial names without harakat, hamza forms or accents', () => {
    const pk = countries('en').find((c) => c.code === 'PK')!;
    expect(countryMatches(pk, 'باكس')).toBe(true);
    expect(countryMatches(pk, 'paki')).toBe(true);
    expect(countryMatches(pk, 'India')).toBe(false);
    expect(foldForSearch('إِندونيسيا')).toBe(foldForSearch('اندونيسيا'));
    expect(foldForSearch('Côte')).toBe('cote');
  });
});

describe('rankCountries', () => {
  it('puts the country named before those whose names merely contain it', () => {
    const en = countries('en');
    expect(rankCountries(en, 'India')[0]!.code).toBe('IN');
    expect(rankCountries(en, 'Guinea')[0]!.code).toBe('GN');
    expect(rankCountries(countries('ar'), 'السودان')[0]!.code).toBe('SD');
    expect(rankCountries(en, 'zzz')).toEqual([]);
  });
});
