/**
 * A day as a person types it into a date box, in either language: "2026-10-23", "23/10/2026",
 * "23 أكتوبر 2026", "23 October 2026", "Oct 23, 2026", Arabic-Indic digits too. Returns the ISO
 * day ("2026-10-23"), or null when the text is not one real day.
 */

const MONTHS: Array<[number, string[]]> = [
  [1, ['january', 'jan', 'يناير', 'كانون الثاني']],
  [2, ['february', 'feb', 'فبراير', 'شباط']],
  [3, ['march', 'mar', 'مارس', 'آذار']],
  [4, ['april', 'apr', 'أبريل', 'ابريل', 'إبريل', 'نيسان']],
  [5, ['may', 'مايو', 'أيار']],
  [6, ['june', 'jun', 'يونيو', 'حزيران']],
  [7, ['july', 'jul', 'يوليو', 'تموز']],
  [8, ['august', 'aug', 'أغسطس', 'اغسطس', 'آب']],
  [9, ['september', 'sept', 'sep', 'سبتمبر']],
  [10, ['october', 'oct', 'أكتوبر', 'اكتوبر', 'تشرين الأول']],
  [11, ['november', 'nov', 'نوفمبر', 'تشرين الثاني']],
  [12, ['december', 'dec', 'ديسمبر', 'كانون الأول']],
];

function monthNumber(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  return MONTHS.find(([, names]) => names.includes(w))?.[0] ?? null;
}

function iso(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || y > 2200 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function parseTypedDay(text: string): string | null {
  const t = text
    .replace(/[٠-٩]/g, (c) => String(c.charCodeAt(0) - 0x0660))
    .replace(/[\u200e\u200f\u061c]/g, '')
    .replace(/[،,]/g, ' ')
    .trim()
    .replace(/\s+/g, ' ');
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(t);
  if (m) return iso(+m[1]!, +m[2]!, +m[3]!);
  // Day first, as both Arabic and British writing have it.
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(t);
  if (m) return iso(+m[3]!, +m[2]!, +m[1]!);
  m = /^(\d{1,2}) (\D+?) (\d{4})$/.exec(t);
  if (m) {
    const month = monthNumber(m[2]!);
    return month ? iso(+m[3]!, month, +m[1]!) : null;
  }
  m = /^(\D+?) (\d{1,2}) (\d{4})$/.exec(t);
  if (m) {
    const month = monthNumber(m[1]!);
    return month ? iso(+m[3]!, month, +m[2]!) : null;
  }
  return null;
}
