/**
 * Each reviewer's load, for a supervisor deciding whom to give requests to (issue #17): what each
 * holds in review, what came back from the applicant to them, and what waits with the applicant
 * after they returned it, and how many of theirs are past the SLA's due day (sla_due_on, kept by sla-due.ts).
 * Every active reviewer or approver is listed, those with nothing too.
 */
import type { DeskDb } from '../db/connection';
import type { ReviewerWorkload } from '../../../shared/domain';
import { riyadhDate } from '../time/riyadh-day';
import { SLA_RUNNING } from './sla-clock';

const OPEN = ['in_review', 'resubmitted', 'returned'] as const;

export async function reviewerWorkload(db: DeskDb, now: Date): Promise<ReviewerWorkload[]> {
  const reviewers = await db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select(['users.id', 'users.username', 'users.display_name'])
    .where('users.active', '=', 1)
    .where('user_roles.role', 'in', ['reviewer', 'approver'])
    .groupBy(['users.id', 'users.username', 'users.display_name'])
    .execute();
  const held = await db
    .selectFrom('requests')
    .select(['assignee_id', 'status', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.min('submitted_at').as('oldest')])
    .where('assignee_id', 'is not', null)
    .where('status', 'in', [...OPEN])
    .groupBy(['assignee_id', 'status'])
    .execute();
  // Overdue as the escalation list counts it: the clock runs and the due day has passed (Riyadh days).
  const overdue = await db
    .selectFrom('requests')
    .select(['assignee_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('assignee_id', 'is not', null)
    // The statuses this page counts as theirs whose clock runs (a returned request's clock is paused).
    .where(
      'status',
      'in',
      SLA_RUNNING.filter((st) => st === 'in_review' || st === 'resubmitted'),
    )
    .where('sla_due_on', '<', riyadhDate(now))
    .groupBy('assignee_id')
    .execute();
  return reviewers
    .map((u): ReviewerWorkload => {
      const mine = held.filter((h) => h.assignee_id === u.id);
      const n = (s: (typeof OPEN)[number]) => Number(mine.find((h) => h.status === s)?.n ?? 0);
      const oldest = mine
        .filter((h) => h.status !== 'returned')
        .map((h) => String(h.oldest))
        .sort()[0];
      return {
        user: { id: u.id, username: u.username, displayName: u.display_name },
        inReview: n('in_review'),
        resubmitted: n('resubmitted'),
        withApplicant: n('returned'),
        overdue: Number(overdue.find((o) => o.assignee_id === u.id)?.n ?? 0),
        oldestSubmittedAt: oldest ?? null,
      };
    })
    .sort(
      (a, b) =>
        b.overdue - a.overdue || b.inReview + b.resubmitted - (a.inReview + a.resubmitted) || a.user.displayName.localeCompare(b.user.displayName),
    );
}
