import { describe, expect, it } from 'vitest';
import { lookUpKeys, nameKeys, nameParts, namesAgree } from './name-key';

describe('name keys across scripts and spellings', () => {
  it.each([
    ['محمد بن عبدالله آل سعود', 'Mohammed Abdullah Al Saud'],
    ['محمد بن عبدالله آل سعود', 'Muhammad bin Abdallah Alsaud'],
    ['عبدالرحمن بن فهد القحطاني', 'Abdul Rahman Fahad Al-Qahtani'],
    ['عبد الرحمن بن فهد القحطاني', 'Abdur Rahman Fahd Alkahtani'],
    ['نورة بنت خالد الشهري', 'Nourah Khalid Alshehri'],
    ['نوره بنت خالد الشهري', 'Noura bint Khaled Al Shehri'],
    ['أسماء بنت فيصل الأحمدي', 'Asma Faisal Alahmadi'],
    ['إبراهيم بن يوسف العنزي', 'Ibrahim Yousef Alanazi'],
    ['فاطمة بنت ماجد الغامدي', 'Fatimah Majed Alghamdi'],
  ])('%s = %s', (ar, en) => {
    expect(nameParts(ar)).toEqual(nameParts(en));
    expect(nameKeys(ar)).toEqual(nameKeys(en));
    expect(namesAgree(ar, en)).toBe(true);
  });

  it('folds hamza forms and ta marbuta, and keeps a final h that is a letter ("Rajesh")', () => {
    expect(nameParts('أحمد')).toEqual(nameParts('احمد'));
    expect(nameParts('فاطمة')).toEqual(nameParts('فاطمه'));
    expect(nameParts('Rajesh Kumar')).toEqual(['rjx', 'kmr']);
  });

  it('a grandfather left out still agrees; another father or family does not', () => {
    expect(namesAgree('محمد بن عبدالله بن سعد آل سعود', 'Mohammed Abdullah Al Saud')).toBe(true);
    expect(namesAgree('Mohammed Saud', 'محمد بن عبدالله آل سعود')).toBe(true);
    expect(namesAgree('محمد بن فهد آل سعود', 'Mohammed Abdullah Al Saud')).toBe(false);
    expect(namesAgree('Mohammed Abdullah Alshehri', 'Mohammed Abdullah Alqahtani')).toBe(false);
  });

  it('a two-part name is looked up among full names by first and family name, and the other way', () => {
    const full = nameKeys('محمد بن عبدالله آل سعود');
    expect(lookUpKeys('Mohammed Alsaud').some((k) => full.includes(k))).toBe(true);
    expect(lookUpKeys('Mohammed Abdullah Al Saud').some((k) => nameKeys('Mohammed Saud').includes(k))).toBe(true);
    // Two full names meet only through the full key: first, father, family.
    expect(lookUpKeys('Mohammed Fahad Al Saud').some((k) => full.includes(k))).toBe(false);
  });

  it('an empty or particle-only name gives no key', () => {
    expect(nameKeys('  ')).toEqual([]);
    expect(nameKeys('bin al')).toEqual([]);
  });
});
