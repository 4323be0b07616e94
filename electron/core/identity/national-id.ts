/** Saudi national ID / iqama numbers (rules.md "Identity numbers"). */

const ARABIC_INDIC = '٠١٢٣٤٥٦٧٨٩';
const EASTERN_ARABIC_INDIC = '۰۱۲۳۴۵۶۷۸۹';

/** Arabic-Indic digits typed by a user become ASCII; every other character is kept as it is. */
export function normaliseDigits(input: string): string {
  return input.replace(/[٠-٩۰-۹]/g, (ch) => {
    const i = ARABIC_INDIC.indexOf(ch);
    return String(i >= 0 ? i : EASTERN_ARABIC_INDIC.indexOf(ch));
  });
}

/** The check sum of rules.md: doubled digits at even positions (digits of the product added). */
function checkSum(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const d = digits.charCodeAt(i) - 48;
    if (i % 2 === 0) {
      const x = 2 * d;
      sum += Math.floor(x / 10) + (x % 10);
    } else sum += d;
  }
  return sum;
}

export type IdKind = 'citizen' | 'resident';

/** Valid: 10 ASCII digits after normalising, first 1 (citizen) or 2 (resident), sum a multiple of 10. */
export function parseSaudiId(
  input: string,
): { ok: true; number: string; kind: IdKind } | { ok: false; reason: 'format' | 'first_digit' | 'check_digit' } {
  const number = normaliseDigits(input.trim());
  if (!/^[0-9]{10}$/.test(number)) return { ok: false, reason: 'format' };
  if (number[0] !== '1' && number[0] !== '2') return { ok: false, reason: 'first_digit' };
  if (checkSum(number) % 10 !== 0) return { ok: false, reason: 'check_digit' };
  return { ok: true, number, kind: number[0] === '1' ? 'citizen' : 'resident' };
}

/** Completes 9 digits with the check digit that makes a valid number (demo data, tests). */
export function withCheckDigit(first9: string): string {
  for (let d = 0; d <= 9; d++) {
    const candidate = `${first9}${d}`;
    if (checkSum(candidate) % 10 === 0) return candidate;
  }
  throw new Error('unreachable: one check digit always fits');
}
