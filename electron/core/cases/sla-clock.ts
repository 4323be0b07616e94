/**
 * The SLA clock (issue #17), pure: a request of a service is due a number of working days after the Riyadh
 * day it was submitted. Working days are Sunday to Thursday (domain.md, Decision) and not a public holiday of
 * the policy. Days with the applicant do not count: each working day from a return to the resubmission that
 * answers it moves the due day one working day later.
 */
import type { Policy, PublicHoliday, Service, SlaStanding, Status } from '../../../shared/domain';
import { addDays } from '../time/day-arithmetic';
import { riyadhDate } from '../time/riyadh-day';

/** The desk holds the request and its clock runs. */
export const SLA_RUNNING: readonly Status[] = ['submitted', 'in_review', 'resubmitted', 'awaiting_second_signature'];
/** With the applicant: the clock stops. Every other status is decided (or beyond): no due day. */
export const SLA_PAUSED: readonly Status[] = ['returned'];

/** The closed days of a holiday table, for quick look-up. */
export type ClosedDays = ReadonlySet<string>;

export function closedDays(holidays: readonly PublicHoliday[]): ClosedDays {
  // The policy in force is shared and frozen (policy/current-policy.ts): its table is spread out once, not per page.
  const known = Object.isFrozen(holidays) ? spreadTables.get(holidays) : undefined;
  if (known) return known;
  const days = new Set<string>();
  for (const h of holidays) for (let d = h.from; d <= h.to; d = addDays(d, 1)) days.add(d);
  if (Object.isFrozen(holidays)) spreadTables.set(holidays, days);
  return days;
}

const spreadTables = new WeakMap<readonly PublicHoliday[], ClosedDays>();

export function isWorkingDay(day: string, closed: ClosedDays): boolean {
  return new Date(`${day}T00:00:00Z`).getUTCDay() <= 4 && !closed.has(day);
}

/** The `n`th working day after `day` (`day` itself when n is 0). */
export function addWorkingDays(day: string, n: number, closed: ClosedDays): string {
  let d = day;
  for (let left = n; left > 0;) {
    d = addDays(d, 1);
    if (isWorkingDay(d, closed)) left -= 1;
  }
  return d;
}

/** Working days after `from` up to and including `to`; negative, counted the same way, when `to` is before `from`. */
export function workingDaysFromTo(from: string, to: string, closed: ClosedDays): number {
  if (to < from) return -workingDaysFromTo(to, from, closed);
  // Counted, not walked (issue #18: a queue page of requests overdue for a year walked 50 × 365 days): five
  // working days a whole week, the days left over one by one, less the closed days that would have counted.
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
  const weeks = Math.floor(days / 7);
  let n = weeks * 5;
  for (let d = addDays(from, weeks * 7 + 1); d <= to; d = addDays(d, 1)) if (weekdayOpen(d)) n += 1;
  for (const day of closedWeekdays(closed)) if (day > from && day <= to) n -= 1;
  return n;
}

/** Sunday to Thursday. */
const weekdayOpen = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay() <= 4;

/** The closed days that fall Sunday to Thursday (the ones a count of working days takes off), worked out once per table. */
const weekdaysClosed = new WeakMap<ClosedDays, string[]>();
function closedWeekdays(closed: ClosedDays): string[] {
  let days = weekdaysClosed.get(closed);
  if (!days) {
    // Only real days as the walk would meet them (addDays' form): anything else in the set never matched one.
    days = [...closed].filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d) && addDays(d, 0) === d && weekdayOpen(d));
    weekdaysClosed.set(closed, days);
  }
  return days;
}

export const slaDaysFor = (policy: Policy, service: Service): number => policy.sla.workingDays[service] ?? policy.slaWorkingDays;

/** One step of a request's status history, as the clock reads it. */
export interface ClockStep {
  action: string;
  at: string;
}

/**
 * Working days the request spent with the applicant: from each return (that day still the desk's) up to and
 * including the day of the resubmission that answered it. A return not yet answered counts up to `until`.
 */
export function daysWithApplicant(steps: readonly ClockStep[], closed: ClosedDays, until?: string): number {
  let paused = 0;
  let returnedOn: string | null = null;
  for (const s of [...steps].sort((a, b) => a.at.localeCompare(b.at))) {
    if (s.action === 'return_to_applicant') returnedOn = riyadhDate(s.at);
    else if (s.action === 'resubmit' && returnedOn !== null) {
      paused += workingDaysFromTo(returnedOn, riyadhDate(s.at), closed);
      returnedOn = null;
    }
  }
  if (returnedOn !== null && until !== undefined) paused += workingDaysFromTo(returnedOn, until, closed);
  return paused;
}

export interface ClockFacts {
  service: Service;
  status: Status;
  submittedAt: string;
  /** The request's returns and resubmissions (other steps are ignored). */
  steps: readonly ClockStep[];
}

/** The day the desk must decide by, or null when the clock is not running (with the applicant, or decided). */
export function slaDueOn(facts: ClockFacts, policy: Policy, closed: ClosedDays = closedDays(policy.sla.holidays)): string | null {
  if (!SLA_RUNNING.includes(facts.status)) return null;
  const days = slaDaysFor(policy, facts.service) + daysWithApplicant(facts.steps, closed);
  return addWorkingDays(riyadhDate(facts.submittedAt), days, closed);
}

/** How a request stands on `today` (a Riyadh day): see SlaStanding. */
export function slaStanding(status: Status, dueOn: string | null, today: string, closed: ClosedDays): SlaStanding | null {
  if (SLA_PAUSED.includes(status)) return { state: 'paused' };
  if (!SLA_RUNNING.includes(status) || dueOn === null) return null;
  return { state: 'running', dueOn, daysLeft: daysLeft(dueOn, today, closed) };
}

/** Working days from `today` to `dueOn`: 0 on the day; past it, minus the working days overdue (at least one, even on the Friday after a Thursday due day). */
export function daysLeft(dueOn: string, today: string, closed: ClosedDays): number {
  return today <= dueOn ? workingDaysFromTo(today, dueOn, closed) : -Math.max(1, workingDaysFromTo(dueOn, today, closed));
}
