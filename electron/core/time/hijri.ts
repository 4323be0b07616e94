/**
 * The Umm al-Qura Hijri calendar, both ways: a Gregorian day printed as the commission prints dates
 * (Gregorian and Hijri, Western digits), and a Hijri date read off a document turned back into its
 * Gregorian day. Intl only converts one way (a Gregorian instant formatted in islamic-umalqura), so the
 * Gregorian day of a Hijri date is found by estimating it and stepping until Intl formats it as asked.
 */
const UMALQURA = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC' });
const hijriLongAr = new Intl.DateTimeFormat('ar-SA-u-ca-islamic-umalqura-nu-latn', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const hijriLongEn = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const gregorianLongEn = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const gregorianLongAr = new Intl.DateTimeFormat('ar-SA-u-ca-gregory-nu-latn', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

const DAY_MS = 86_400_000;
/** 1 Muharram 1 AH (16 July 622, Julian) as a Unix day number: the arithmetic calendar's epoch. */
const EPOCH_DAY = -492_148;
const MEAN_YEAR = 354.367;
const MEAN_MONTH = 29.5306;

export interface HijriDay {
  year: number;
  month: number;
  day: number;
}

/** The Hijri date of a Unix day number (days since 1970-01-01). */
export function hijriOf(unixDay: number): HijriDay {
  const parts = Object.fromEntries(UMALQURA.formatToParts(new Date(unixDay * DAY_MS)).map((p) => [p.type, p.value]));
  // ICU writes the Hijri year as "1447 AH" in some versions: keep the number.
  return { year: parseInt(parts.year ?? parts.relatedYear ?? '', 10), month: Number(parts.month), day: Number(parts.day) };
}

/** A Hijri date as a count of days, only to measure how far an estimate is off. */
const ordinal = (h: HijriDay) => (h.year - 1) * MEAN_YEAR + (h.month - 1) * MEAN_MONTH + h.day;

/**
 * The Gregorian ISO date of an Umm al-Qura Hijri date, or null when that day does not exist
 * (day 30 of a 29-day month) or lies outside the years Umm al-Qura tables cover (1300–1600 AH).
 */
export function hijriToGregorian(h: HijriDay): string | null {
  if (!Number.isInteger(h.year) || !Number.isInteger(h.month) || !Number.isInteger(h.day)) return null;
  if (h.year < 1300 || h.year > 1600 || h.month < 1 || h.month > 12 || h.day < 1 || h.day > 30) return null;
  let day = Math.round(EPOCH_DAY + ordinal(h) - 1);
  for (let step = 0; step < 8; step++) {
    const off = Math.round(ordinal(h) - ordinal(hijriOf(day)));
    if (off === 0) break;
    day += off;
  }
  // Near a month's end the estimate can sit a day or two off; look around before saying the day does not exist.
  for (const d of [day, day - 1, day + 1, day - 2, day + 2]) {
    const got = hijriOf(d);
    if (got.year === h.year && got.month === h.month && got.day === h.day) return new Date(d * DAY_MS).toISOString().slice(0, 10);
  }
  return null;
}

function parseDay(day: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`expected a date as YYYY-MM-DD, got "${day}"`);
  return new Date(`${day}T00:00:00Z`);
}

const twoDigits = (n: number) => String(n).padStart(2, '0');

/** 1448/06/13 (year first, as on Saudi documents). */
export function hijriDay(day: string): string {
  const h = hijriOf(parseDay(day).getTime() / DAY_MS);
  return `${h.year}/${twoDigits(h.month)}/${twoDigits(h.day)}`;
}

/** 2026/11/23 */
export const gregorianDay = (day: string): string => day.replaceAll('-', '/');

/** A day in words in both calendars, as a letter is dated. */
export function longDate(day: string, lang: 'ar' | 'en'): { gregorian: string; hijri: string } {
  const d = parseDay(day);
  return lang === 'ar'
    ? { gregorian: `${gregorianLongAr.format(d)} م`, hijri: hijriLongAr.format(d) }
    : { gregorian: gregorianLongEn.format(d), hijri: hijriLongEn.format(d) };
}
