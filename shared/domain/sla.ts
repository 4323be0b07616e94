/**
 * Service levels (issue #17): how many working days (Sunday–Thursday, public holidays excepted) the desk
 * has to decide a request of each service, the days the commission closes, and how a request stands
 * against its due day. The clock stops while the request is with the applicant (returned).
 */
import { z } from 'zod';
import { SERVICES } from './services';

/** A real calendar day: 2026-02-30 is refused, not rolled over. */
const isRealDay = (d: string) => {
  const t = new Date(`${d}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === d;
};
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD')
  .refine(isRealDay, 'not a real calendar date');

/** One public holiday: every day from `from` to `to` (both included) is not a working day. */
export const publicHolidaySchema = z
  .object({
    from: day,
    to: day,
    nameAr: z.string().trim().min(2).max(100),
    nameEn: z.string().trim().min(2).max(100),
  })
  .refine((h) => h.from <= h.to, { message: 'the first day is after the last day', path: ['to'] })
  .refine((h) => Date.parse(h.to) - Date.parse(h.from) <= 30 * 86_400_000, { message: 'a holiday lasts at most 31 days', path: ['to'] });
export type PublicHoliday = z.infer<typeof publicHolidaySchema>;

export const slaPolicySchema = z.object({
  /** Working days to decide a request, by service; a service not listed takes the policy's `slaWorkingDays`. */
  workingDays: z
    .record(z.string(), z.number().int().min(1).max(250))
    .refine((r) => Object.keys(r).every((k) => (SERVICES as readonly string[]).includes(k)), 'a key is not a service'),
  /** The days the commission is closed besides Friday and Saturday. */
  holidays: z.array(publicHolidaySchema).max(200),
});
export type SlaPolicy = z.infer<typeof slaPolicySchema>;

/**
 * Where a request stands against its due day. `running`: the desk has it, due on `dueOn`, `daysLeft` working
 * days from today (0: due today; negative: overdue by that many). `paused`: with the applicant, the clock
 * stopped. A decided request has no standing (null).
 */
export type SlaStanding = { state: 'running'; dueOn: string; daysLeft: number } | { state: 'paused' };

/** One request on the escalation list. */
export interface EscalationRow {
  id: number;
  reference: string;
  service: string;
  status: string;
  nameAr: string;
  nameEn: string;
  dueOn: string;
  /** 0: due today; negative: overdue by that many working days. */
  daysLeft: number;
}

/** The overdue and due-today requests of one assignee (null: nobody has claimed them). */
export interface EscalationGroup {
  assignee: { id: number; displayName: string } | null;
  overdue: number;
  dueToday: number;
  rows: EscalationRow[];
}

export interface EscalationList {
  today: string;
  overdue: number;
  dueToday: number;
  groups: EscalationGroup[];
}
