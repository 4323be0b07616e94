/** The CPD audit's periods: runs of `months` calendar months from January (1: each month, 3: each quarter…). */
import { plusMonths } from '../time/day-arithmetic';
import { addDays } from '../time/day-arithmetic';
import { DeskFault } from '../errors';

export interface AuditPeriod {
  start: string;
  /** The last day, inclusive. */
  end: string;
}

/** The period holding `month` ("YYYY-MM"). */
export function auditPeriod(month: string, months: number): AuditPeriod {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12)
    throw new DeskFault('bad_input', `period: expected a month YYYY-MM, got "${month}"`, `period: يتوقع شهر بصيغة YYYY-MM، وصل "${month}"`);
  const first = Math.floor((Number(m[2]) - 1) / months) * months + 1;
  const start = `${m[1]}-${String(first).padStart(2, '0')}-01`;
  return { start, end: addDays(plusMonths(start, months), -1) };
}
