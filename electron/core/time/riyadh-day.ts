/**
 * Riyadh's day and clock: the commission works in Riyadh (UTC+3, no daylight saving), so a stored UTC
 * instant falls on Riyadh's calendar day, and is written for people on Riyadh's wall clock, saying so once.
 */
const RIYADH_OFFSET_MS = 3 * 3600_000;

/** The calendar date in Riyadh of an instant, as YYYY-MM-DD. */
export function riyadhDate(instant: Date | string): string {
  const t = typeof instant === 'string' ? new Date(instant) : instant;
  return new Date(t.getTime() + RIYADH_OFFSET_MS).toISOString().slice(0, 10);
}

/** The calendar date of a date or date-time (rules.md: dates are YYYY-MM-DD in Riyadh); a bare day stays as it is. */
export function calendarDate(value: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : riyadhDate(value);
}

/** The instant a Riyadh calendar day (YYYY-MM-DD) begins, as an ISO string: the lower bound of "on or after that day". */
export const riyadhMidnight = (day: string): string => new Date(`${day}T00:00:00+03:00`).toISOString();

/** Said once beside the times it covers. */
export const RIYADH_TIME = { ar: 'بتوقيت الرياض', en: 'Riyadh time' } as const;

/** "2026-11-22 15:53": an instant (ISO string or Date) on Riyadh's clock, to the minute. */
export function riyadhDateTime(instant: Date | string): string {
  const t = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(t.getTime())) return String(instant);
  return new Date(t.getTime() + RIYADH_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * An instant for a sentence, on Riyadh's clock and saying so: "2026/11/30 18:23 بتوقيت الرياض",
 * "2026-11-30 18:23 Riyadh time". The Arabic date is written with slashes: in Arabic text the bidi
 * algorithm keeps 2026/11/30 whole but shows 2026-11-30 back to front.
 */
export function riyadhStamp(instant: Date | string, lang: 'ar' | 'en'): string {
  const stamp = riyadhDateTime(instant);
  return lang === 'ar' ? `${stamp.replaceAll('-', '/')} ${RIYADH_TIME.ar}` : `${stamp} ${RIYADH_TIME.en}`;
}
