/**
 * The supervisor's escalation list (issue #17): requests the desk holds that are overdue or due today, by
 * assignee (unclaimed ones together), with counts. Read from the stored due day (sla_due_on, indexed).
 */
import type { DeskDb } from '../db/connection';
import type { EscalationGroup, EscalationList } from '../../../shared/domain';
import { currentPolicy } from '../policy/current-policy';
import { riyadhDate } from '../time/riyadh-day';
import { closedDays, daysLeft, SLA_RUNNING } from './sla-clock';

/** Requests listed per assignee; the counts cover them all. */
export const ESCALATION_ROWS_PER_ASSIGNEE = 100;

export async function escalationList(db: DeskDb, now: Date): Promise<EscalationList> {
  const today = riyadhDate(now);
  const closed = closedDays((await currentPolicy(db, now.toISOString())).policy.sla.holidays);
  const due = () => db.selectFrom('requests').where('requests.status', 'in', SLA_RUNNING).where('requests.sla_due_on', '<=', today);
  const counts = await due()
    .leftJoin('users as u', 'u.id', 'requests.assignee_id')
    .select((eb) => [
      'requests.assignee_id',
      'u.display_name',
      eb.fn.countAll<number>().as('n'),
      eb.fn.sum<number>(eb.case().when('requests.sla_due_on', '<', today).then(1).else(0).end()).as('overdue'),
    ])
    .groupBy(['requests.assignee_id', 'u.display_name'])
    .execute();
  const groups: EscalationGroup[] = [];
  for (const c of counts) {
    let q = due()
      .innerJoin('practitioners as p', 'p.id', 'requests.practitioner_id')
      .select(['requests.id', 'requests.reference', 'requests.service', 'requests.status', 'requests.sla_due_on', 'p.name_ar', 'p.name_en']);
    q = c.assignee_id === null ? q.where('requests.assignee_id', 'is', null) : q.where('requests.assignee_id', '=', c.assignee_id);
    const rows = await q
      .orderBy('requests.sla_due_on')
      .orderBy('requests.submitted_at')
      .orderBy('requests.id')
      .limit(ESCALATION_ROWS_PER_ASSIGNEE)
      .execute();
    const overdue = Number(c.overdue);
    groups.push({
      assignee: c.assignee_id === null ? null : { id: c.assignee_id, displayName: c.display_name ?? '' },
      overdue,
      dueToday: Number(c.n) - overdue,
      rows: rows.map((r) => ({
        id: r.id,
        reference: r.reference,
        service: r.service,
        status: r.status,
        nameAr: r.name_ar,
        nameEn: r.name_en,
        dueOn: r.sla_due_on!,
        daysLeft: daysLeft(r.sla_due_on!, today, closed),
      })),
    });
  }
  // The most overdue first; the unclaimed pile, which nobody is working, before a reviewer with as many.
  groups.sort((a, b) => b.overdue - a.overdue || b.dueToday - a.dueToday || (a.assignee === null ? -1 : b.assignee === null ? 1 : 0));
  return {
    today,
    overdue: groups.reduce((n, g) => n + g.overdue, 0),
    dueToday: groups.reduce((n, g) => n + g.dueToday, 0),
    groups,
  };
}
