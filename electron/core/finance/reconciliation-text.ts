/**
 * The text of a reconciliation file below its columns: where each line starts (for "line 3" in a refusal),
 * an instant with its offset as gateways write it, and csv-parse's refusals in the desk's words.
 */
import type { CsvError } from 'csv-parse/sync';

/** Offsets where each line starts; a line ends at CR LF, LF or a lone CR. */
export function lineStarts(bytes: Uint8Array): number[] {
  const starts = [0];
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a) starts.push(i + 1);
    else if (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a) starts.push(i + 1);
  }
  return starts;
}

/** The 1-based line holding byte `offset`. */
export function lineAt(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** ISO 8601 date and time with an offset (Z or ±HH:MM), of a real calendar day and time; null otherwise. */
export function isoInstantWithOffset(v: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|([+-])(\d{2}):?(\d{2}))$/.exec(v);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) || h > 23 || mi > 59 || s > 59) return null;
  if (m[7] !== 'Z' && (Number(m[9]) > 14 || Number(m[10]) > 59)) return null;
  const t = Date.parse(v.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

/** csv-parse's refusals in the desk's words. */
export function csvProblem(e: CsvError): { en: string; ar: string } {
  switch (e.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return { en: 'a quoted field opened here is never closed', ar: 'حقل بين علامتي تنصيص يبدأ هنا ولا ينتهي' };
    case 'CSV_INVALID_CLOSING_QUOTE':
      return {
        en: 'a quoted field is followed by text before the comma (write a quote inside quotes as "")',
        ar: 'بعد الحقل المقتبس نص قبل الفاصلة (تكتب علامة التنصيص داخل الحقل المقتبس هكذا "")',
      };
    case 'INVALID_OPENING_QUOTE':
      return {
        en: 'a quote appears inside an unquoted field (quote the whole field and write the quote as "")',
        ar: 'علامة تنصيص داخل حقل غير مقتبس (اقتبس الحقل كله واكتبها هكذا "")',
      };
    default:
      return { en: `is not valid CSV (${e.message})`, ar: `ليس CSV صحيحاً (${e.message})` };
  }
}
