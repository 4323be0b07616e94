/** Calendar arithmetic of rules.md on days written YYYY-MM-DD: days and months later, ages, how long between. */
import { counted, DAYS, MONTHS } from '../../../shared/domain/counted';

/** The day `days` after (or before, when negative) a day. */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m + 1, 0)).getUTCDate();

/** The same day N months later (or earlier, N < 0), clamped to the month's last day: 2026-01-31 + 1 → 2026-02-28. */
export function plusMonths(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + n;
  const ty = Math.floor(total / 12);
  const tm = total - ty * 12;
  const td = Math.min(d, daysInMonth(ty, tm));
  return `${String(ty).padStart(4, '0')}-${String(tm + 1).padStart(2, '0')}-${String(td).padStart(2, '0')}`;
}

/** Whole years of age on `on`; the birthday itself counts (a 29 February birthday falls on 1 March in other years). */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [oy, om, od] = on.split('-').map(Number) as [number, number, number];
  let age = oy - by;
  if (om < bm || (om === bm && od < bd)) age -= 1;
  return age;
}

/** Whole calendar months and the days left over, from `earlier` to `later` (for explanations). */
export function monthsBetween(earlier: string, later: string): { months: number; days: number } {
  let months = 0;
  while (plusMonths(earlier, months + 1) <= later) months += 1;
  const rest = (Date.parse(`${later}T00:00:00Z`) - Date.parse(`${plusMonths(earlier, months)}T00:00:00Z`)) / 86_400_000;
  return { months, days: Math.round(rest) };
}

/** "4 months and 1 day" / "4 أشهر و1 يوم". */
export function describeAge(m: { months: number; days: number }): { ar: string; en: string } {
  const say = (lang: 'ar' | 'en') =>
    [m.months || !m.days ? counted(MONTHS[lang], lang, m.months) : '', m.days ? counted(DAYS[lang], lang, m.days) : '']
      .filter(Boolean)
      .join(lang === 'ar' ? ' و' : ' and ');
  return { ar: say('ar'), en: say('en') };
}
