/** Working days for SLA figures are Sunday to Thursday (domain.md, Decision). */
const isWorkingDay = (d: Date) => d.getUTCDay() <= 4;

/** Whole working days from the day after `from` up to and including `to` (0 on the same day). */
export function workingDaysBetween(from: string, to: string): number {
  const start = new Date(`${from}T00:00:00Z`);
  const end = new Date(`${to}T00:00:00Z`);
  const days = Math.round((end.getTime() - start.getTime()) / 86_400_000);
  if (days <= 0) return 0;
  const weeks = Math.floor(days / 7);
  let count = weeks * 5;
  const cursor = new Date(start.getTime() + weeks * 7 * 86_400_000);
  for (let i = 0; i < days % 7; i++) {
    cursor.setUTCDate(cursor.getUTCDate() + 1);
    if (isWorkingDay(cursor)) count += 1;
  }
  return count;
}
