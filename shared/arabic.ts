/**
 * Folds Arabic for search: no diacritics or tatweel, and the letters people
 * type interchangeably made one (alef/hamza forms → ا, ى → ي, ة → ه).
 */
export function normaliseArabic(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/ؤ/g, 'و')
    .replace(/ئ/g, 'ي')
    .toLowerCase()
    .trim();
}
