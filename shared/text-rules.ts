/**
 * What text the desk accepts at its edges (the contract's arguments, imported bundles): real calendar
 * dates, one e-mail address, a mobile number, and no character that hides what a text says. Shared by
 * shared/contract.ts, electron/core/intake/bundle-schema.ts and the dispatcher.
 */

/**
 * Bidi embeddings and overrides (U+202A–U+202E) and isolates (U+2066–U+2069): typed or imported, they
 * reorder what a reader sees ("gpj.exe" shown as "exe.jpg"). The desk adds isolation marks itself
 * where it displays mixed-direction text; it never keeps them from input.
 */
export const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;

export const hasBidiControl = (s: string): boolean => BIDI_CONTROL.test(s);

/** Control characters (NUL…, other than tab and line breaks) and bidi controls: hidden in a text. */
export function hasHiddenCharacters(s: string): boolean {
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 127 || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) return true;
  }
  return false;
}

/** YYYY-MM-DD naming a day that exists: 2026-02-30 is refused, not rolled over to March. */
export function isRealDay(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/** ISO 8601 date-time with its offset whose every part is real (day, 00–23 h, 00–59 min and s, offset ±14:00). */
export function isRealDateTime(s: string): boolean {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|([+-])(\d{2}):(\d{2}))$/.exec(s);
  if (!m || !isRealDay(m[1]!)) return false;
  if (Number(m[2]) > 23 || Number(m[3]) > 59 || Number(m[4] ?? 0) > 59) return false;
  if (m[5] !== 'Z' && (Number(m[7]) > 14 || Number(m[8]) > 59)) return false;
  return !Number.isNaN(new Date(s).getTime());
}

/**
 * One e-mail address, nothing else: no display name, no second address, no spaces, quotes or control
 * characters; a dotted domain. The local part starts with a letter or digit (never `=`, `+`, `-` or `@`,
 * which a spreadsheet would read as a formula).
 */
export function isOneEmailAddress(s: string): boolean {
  if (s.length > 254 || hasHiddenCharacters(s)) return false;
  const label = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
  return new RegExp(`^[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@${label}(?:\\.${label})*\\.[A-Za-z]{2,63}$`).test(s);
}

const ARABIC_DIGITS = /[\u0660-\u0669\u06f0-\u06f9]/g;
/** A mobile as typed, spaces and dashes removed and Arabic-Indic digits read as 0–9. */
export const normaliseMobile = (s: string): string =>
  s.replace(/[\s-]/g, '').replace(ARABIC_DIGITS, (d) => String((d.codePointAt(0)! - 0x0660) % (0x06f0 - 0x0660)));

/** A Saudi mobile: 05XXXXXXXX or +9665XXXXXXXX. */
export const isSaudiMobile = (s: string): boolean => /^(05\d{8}|\+9665\d{8})$/.test(normaliseMobile(s));

/** An international mobile (E.164): + and 8 to 15 digits. */
export const isInternationalMobile = (s: string): boolean => /^\+[1-9]\d{7,14}$/.test(normaliseMobile(s));
