import { describe, expect, it } from 'vitest';
import { hiddenCharacterRefusal, nulCharacterAt } from './hidden-characters';

describe('hidden characters in a call', () => {
  it('names the field a NUL hides in, however deep, keys too', () => {
    expect(nulCharacterAt({ applicant: { email: 'a\u0000@b.sa' } })).toBe('applicant.email');
    expect(nulCharacterAt({ list: ['ok', 'n\u0000o'] })).toBe('list.1');
    expect(nulCharacterAt({ ['k\u0000']: 1 })).toBe('k\\0');
    expect(nulCharacterAt({ a: 'clean', b: [1, null] })).toBeNull();
  });

  it('refuses a NUL before a direction override, each with its issue code', () => {
    expect(hiddenCharacterRefusal({ note: 'x\u202Ey' })).toEqual({
      message: 'note: contains a direction-override character (U+202A–U+202E, U+2066–U+2069)',
      messageAr: 'note: يحتوي على محرف تغيير اتجاه مخفي (U+202A–U+202E أو U+2066–U+2069)',
      issue: { code: 'hidden_characters', field: 'note' },
    });
    expect(hiddenCharacterRefusal({ a: 'x\u202E', b: '\u0000' })?.issue).toEqual({ code: 'nul_character', field: 'b' });
    expect(hiddenCharacterRefusal({ a: 'عربي', b: 'plain' })).toBeNull();
  });
});
