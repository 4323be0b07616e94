import type { FoundDate } from './find-dates';

/**
 * The letter's issue date among the dates its text carries: the first one a date label stands beside
 * ("التاريخ: …", "Date: …"); without a label, the latest one not after `notAfter` (the day the letter was
 * submitted: a letter cannot be dated later, and a later date is an expiry or an end of contract).
 * Null when no date qualifies.
 */
export function pickIssueDate<T extends FoundDate>(found: readonly T[], notAfter: string): T | null {
  const labelled = found.find((f) => f.labelled);
  if (labelled) return labelled;
  let latest: T | null = null;
  for (const f of found) if (f.date <= notAfter && (!latest || f.date > latest.date)) latest = f;
  return latest;
}
