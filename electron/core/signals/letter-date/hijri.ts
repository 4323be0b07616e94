/**
 * Umm al-Qura Hijri dates to Gregorian. Intl only converts the other way (a Gregorian instant formatted
 * in the islamic-umalqura calendar), so the Gregorian day is found by estimating it and stepping until
 * Intl formats it as the Hijri day asked for.
 */
const UMALQURA = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', {
  day: 'numeric',
  month: 'numeric',
  year: 'numeric',
  timeZone: 'UTC',
});

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
