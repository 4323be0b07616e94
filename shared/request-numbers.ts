/**
 * A request's reference or an applicant's ID number as people type them into the command palette: any
 * case, spaces, Arabic-Indic digits. One reading for the palette (which offers "open") and the main
 * process (which looks the number up).
 */

/** Arabic-Indic (٠…٩) and Eastern Arabic-Indic (۰…۹) digits as ASCII. */
const asciiDigits = (s: string) => s.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (ch) => String(ch.charCodeAt(0) & 0xf));

/** A full reference ("req-2026-000123", "REQ-٢٠٢٦-…") in its stored form, or null when the text is not one. */
export function asReference(text: string): string | null {
  const t = asciiDigits(text.trim()).toUpperCase();
  return /^REQ-\d{4}-\d{6}$/.test(t) ? t : null;
}

/**
 * An ID number (national ID, iqama, passport: 5 to 20 letters and digits, at least one digit) without its
 * spaces, upper case (as signal_person_keys keeps it), or null.
 */
export function asIdNumber(text: string): string | null {
  const t = asciiDigits(text).replace(/\s+/g, '').toUpperCase();
  return /^[A-Z0-9]{5,20}$/.test(t) && /\d/.test(t) ? t : null;
}
