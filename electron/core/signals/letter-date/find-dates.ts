/**
 * Every date a letter's text carries, in Arabic or English: numeric (2026-03-15, 15/03/2026, 2026/03/15),
 * with month names (15 March 2026, March 15, 2026, 15 مارس 2026, 15 آذار 2026) and Hijri (1447/09/25 هـ,
 * 25 رمضان 1447), in Western or Arabic-Indic digits. Hijri dates are given as their Gregorian day.
 */
import { foldText, originalSlice } from './fold-text';
import { hijriToGregorian } from '../../time/hijri';
import { MONTH_PATTERN, monthNamed } from './month-names';

export type DateCalendar = 'gregorian' | 'hijri';

export interface FoundDate {
  /** The Gregorian day, YYYY-MM-DD (a Hijri date converted with Umm al-Qura). */
  date: string;
  calendar: DateCalendar;
  /** The date as the text wrote it. */
  written: string;
  /** The line it was found on (trimmed, at most 160 characters), and that line's number from 1. */
  line: string;
  lineNumber: number;
  /** A date label ("التاريخ", "Date", "Dated"…) stands beside it: it is the letter's own date. */
  labelled: boolean;
}

const SEP = String.raw`\s*([/.\-])\s*`;
const NUMERIC_DMY = new RegExp(String.raw`(?<!\d)(\d{1,2})${SEP}(\d{1,2})\s*\2\s*(\d{4})(?!\d)`, 'gu');
const NUMERIC_YMD = new RegExp(String.raw`(?<!\d)(\d{4})${SEP}(\d{1,2})\s*\2\s*(\d{1,2})(?!\d)`, 'gu');
const NAMED_DMY = new RegExp(
  String.raw`(?<!\d)(\d{1,2})(?:st|nd|rd|th)?[\s,.\-/]*(?:of\s+|من\s+)?(${MONTH_PATTERN})(?!\p{L})[\s,.\-/]*(?:سنة|سنه|عام)?\s*(\d{4})(?!\d)`,
  'gu',
);
const NAMED_MDY = new RegExp(String.raw`(?<!\p{L})(${MONTH_PATTERN})[\s.]+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)`, 'gu');

/** After a date: هـ / AH / "هجري" mark it Hijri; م / AD / "ميلادي" Gregorian. */
const HIJRI_MARK = /^\s*(?:ه(?!\p{L})|هجري|هجريه|هجرية|ah(?!\p{L})|a\.h\.?|h(?!\p{L}))/u;
const GREGORIAN_MARK = /^\s*(?:م(?!\p{L})|ميلادي|ميلاديه|ميلادية|ad(?!\p{L})|a\.d\.?)/u;

/** Labels of the letter's own date; a label naming another date (of birth, of joining) is not one. */
const LABEL = /(?<!\p{L})(?:التاريخ|تاريخ الخطاب|تاريخ الاصدار|تحريرا|حرر|date of issue|issue date|issued on|dated|date)(?!\p{L})/gu;
const OTHER_DATE = /^\s*(?:of\s+)?(?:birth|joining|hire|employment|expiry|appointment)|^\s*(?:الميلاد|التعيين|المباشره|المباشرة|الانتهاء|الالتحاق)/u;
/** How far (in characters, either side: Arabic lines may come out of a PDF in visual order) a label may stand from its date. */
const LABEL_REACH = 40;

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

function gregorian(y: number, m: number, d: number): string | null {
  if (y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12 || d < 1) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null; // 31 April, 29 February of a common year
  return date.toISOString().slice(0, 10);
}

/** A day in the calendar the text says, or the year says (a 13xx–15xx year is Hijri). */
function dayOf(y: number, m: number, d: number, calendar: DateCalendar | null): { date: string; calendar: DateCalendar } | null {
  const hijri = calendar === 'hijri' || (calendar === null && y >= 1300 && y <= 1600);
  if (hijri) {
    const date = hijriToGregorian({ year: y, month: m, day: d });
    return date ? { date, calendar: 'hijri' } : null;
  }
  const date = gregorian(y, m, d);
  return date ? { date, calendar: 'gregorian' } : null;
}

interface Match {
  start: number;
  end: number;
  date: string;
  calendar: DateCalendar;
}

function markedCalendar(rest: string): DateCalendar | null {
  if (HIJRI_MARK.test(rest)) return 'hijri';
  if (GREGORIAN_MARK.test(rest)) return 'gregorian';
  return null;
}

function matchesIn(line: string): Match[] {
  const out: Match[] = [];
  const add = (m: RegExpExecArray, found: { date: string; calendar: DateCalendar } | null) => {
    if (found) out.push({ start: m.index, end: m.index + m[0].length, ...found });
  };
  for (const m of line.matchAll(NUMERIC_YMD)) {
    add(m, dayOf(Number(m[1]), Number(m[3]), Number(m[4]), markedCalendar(line.slice(m.index + m[0].length))));
  }
  for (const m of line.matchAll(NUMERIC_DMY)) {
    const [d, mo, y] = [Number(m[1]), Number(m[3]), Number(m[4])];
    const cal = markedCalendar(line.slice(m.index + m[0].length));
    // Day first, as Saudi and British letters write it; month first only where day first cannot be a date (03/15/2026).
    add(m, dayOf(y, mo, d, cal) ?? (mo > 12 ? dayOf(y, d, mo, cal) : null));
  }
  for (const m of line.matchAll(NAMED_DMY)) {
    const month = monthNamed(m[2]!);
    if (month) add(m, dayOf(Number(m[3]), month.month, Number(m[1]), month.hijri ? 'hijri' : 'gregorian'));
  }
  for (const m of line.matchAll(NAMED_MDY)) {
    const month = monthNamed(m[1]!);
    if (month) add(m, dayOf(Number(m[3]), month.month, Number(m[2]), month.hijri ? 'hijri' : 'gregorian'));
  }
  // One date per stretch of text: the earliest-starting, longest reading wins where two patterns overlap.
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Match[] = [];
  for (const m of out) if (!kept.some((k) => m.start < k.end && k.start < m.end)) kept.push(m);
  return kept;
}

function labelsIn(line: string): Array<{ start: number; end: number }> {
  return [...line.matchAll(LABEL)]
    .filter((m) => !OTHER_DATE.test(line.slice(m.index + m[0].length)))
    .map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** Dates in reading order of the text's lines. */
export function findDates(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  const lines = text.split(/\r?\n/);
  let labelAlone = false;
  lines.forEach((original, i) => {
    const folded = foldText(original);
    const labels = labelsIn(folded.text);
    // OCR and PDF text wrap Arabic lines in bidi marks; the line is shown without them.
    const shown = original
      .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
      .trim()
      .slice(0, 160);
    for (const m of matchesIn(folded.text)) {
      const near = labels.some((l) => (l.end <= m.start && m.start - l.end <= LABEL_REACH) || (m.end <= l.start && l.start - m.end <= LABEL_REACH));
      found.push({
        date: m.date,
        calendar: m.calendar,
        written: originalSlice(original, folded, m.start, m.end).trim(),
        line: shown,
        lineNumber: i + 1,
        labelled: near || labelAlone,
      });
    }
    // A line that is only a label ("Date:", "التاريخ:") labels the date on the next line.
    const rest = labels.reduce((s, l) => s.slice(0, l.start) + ' '.repeat(l.end - l.start) + s.slice(l.end), folded.text);
    labelAlone = labels.length > 0 && /^[\s:：\-–]*$/u.test(rest);
  });
  return found;
}
