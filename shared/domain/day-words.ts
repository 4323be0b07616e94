/**
 * A calendar day (YYYY-MM-DD) as a sentence says it: "18 سبتمبر 2026" / "18 September 2026".
 * Explanations and letters are read by people; an ISO date inside Arabic text also wraps and
 * reorders badly ("2026-" / "10-23"). Western digits, as the commission prints them.
 */
// Made on first use: ICU's Arabic calendar data costs a desk's start tens of milliseconds (issue #18).
let formats: Record<'ar' | 'en', Intl.DateTimeFormat> | undefined;
const formatsNow = () =>
  (formats ??= {
    ar: new Intl.DateTimeFormat('ar-SA-u-ca-gregory-nu-latn', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
    en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  });

export function dayWords(day: string, lang: 'ar' | 'en'): string {
  // Only a plain day is worded; anything else (an empty value, a time) is left as given rather than guessed.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return day;
  return formatsNow()[lang].format(new Date(`${day}T00:00:00Z`));
}
