/** Dates as the commission prints them: Gregorian and Hijri (Umm al-Qura), Western digits. */

const hijriNumeric = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
const hijriLongAr = new Intl.DateTimeFormat('ar-SA-u-ca-islamic-umalqura-nu-latn', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const hijriLongEn = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const gregorianLongEn = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const gregorianLongAr = new Intl.DateTimeFormat('ar-SA-u-ca-gregory-nu-latn', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

function parseDay(day: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`expected a date as YYYY-MM-DD, got "${day}"`);
  return new Date(`${day}T00:00:00Z`);
}

/** 1448/06/13 (year first, as on Saudi documents). */
export function hijriDay(day: string): string {
  const parts = Object.fromEntries(hijriNumeric.formatToParts(parseDay(day)).map((p) => [p.type, p.value]));
  return `${parts.year}/${parts.month}/${parts.day}`;
}

/** 2026/11/23 */
export const gregorianDay = (day: string): string => day.replaceAll('-', '/');

export function longDate(day: string, lang: 'ar' | 'en'): { gregorian: string; hijri: string } {
  const d = parseDay(day);
  return lang === 'ar'
    ? { gregorian: `${gregorianLongAr.format(d)} م`, hijri: hijriLongAr.format(d) }
    : { gregorian: gregorianLongEn.format(d), hijri: hijriLongEn.format(d) };
}
