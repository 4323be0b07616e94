/**
 * A supervisor hands one or many requests to a reviewer (issue #17). Each request is re-read and
 * written in a transaction of its own, so one that moved does not undo or stop the others, and the
 * answer says per request what became of it. A request another desk is deciding at this moment (its
 * row locked on PostgreSQL), or whose first signature waits for the second, is skipped, never taken;
 * one that changed since the supervisor's list was read (a claim, a decision) is skipped too, naming
 * its status now.
 */
import type { DeskDb } from '../db/connection';
import { TERMS, type AssignOutcome, type Status, type UserInfo } from '../../../shared/domain';
import type { Clock } from '../time/clock';
import { DeskFault } from '../errors';
import { dialectOf } from '../db/dialect';
import { applyTransition, type Trx } from './apply-transition';
import type { CaseAction } from './lifecycle';

export interface Supervisor {
  user: UserInfo;
  clock: Clock;
}

/** Waiting for a reviewer (taken on the reviewer's behalf) or in review (handed from one reviewer to another). */
const ASSIGNABLE: readonly Status[] = ['submitted', 'resubmitted', 'in_review'];

type Skip = Extract<AssignOutcome, { outcome: 'skipped' }>;

function skipped(id: number, reference: string, reason: Skip['reason'], status: Status | undefined, message: string, messageAr: string): Skip {
  return { id, reference, outcome: 'skipped', reason, ...(status ? { status } : {}), message, messageAr };
}

/** The one who is given the requests: an active reviewer or approver, read inside the transaction that assigns. */
async function assignee(trx: Trx | DeskDb, userId: number): Promise<{ id: number; displayName: string } | null> {
  const rows = await trx
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select(['users.id', 'users.display_name', 'user_roles.role'])
    .where('users.id', '=', userId)
    .where('users.active', '=', 1)
    .execute();
  const r = rows.find((x) => x.role === 'reviewer' || x.role === 'approver');
  return r ? { id: r.id, displayName: r.display_name } : null;
}

const notReviewer = () =>
  new DeskFault('bad_input', 'assigneeId: the user is not an active reviewer or approver', 'assigneeId: المستخدم المختار ليس مراجعاً ولا معتمداً نشطاً');

async function assignOne(db: DeskDb, s: Supervisor, item: { id: number; version: number }, assigneeId: number): Promise<AssignOutcome> {
  const postgres = dialectOf(db) === 'postgres';
  return db.transaction().execute(async (trx): Promise<AssignOutcome> => {
    let q = trx.selectFrom('requests').select(['id', 'reference', 'status', 'version', 'assignee_id']).where('id', '=', item.id);
    // Another desk deciding this request holds its row until it commits: skip it rather than wait and take it after.
    if (postgres) q = q.forUpdate().skipLocked();
    const req = await q.executeTakeFirst();
    if (!req) {
      const exists = postgres
        ? await trx.selectFrom('requests').select(['reference', 'status']).where('id', '=', item.id).executeTakeFirst()
        : undefined;
      if (exists)
        return skipped(
          item.id,
          exists.reference,
          'deciding',
          exists.status,
          `request ${exists.reference} is being decided at another desk right now; it was not taken`,
          `الطلب ${exists.reference} يُبت فيه الآن في مكتب آخر؛ لم يُسند`,
        );
      return skipped(item.id, '', 'not_found', undefined, `request ${item.id} was not found`, `الطلب ${item.id} غير موجود`);
    }
    const status = req.status;
    const label = TERMS.statuses[status];
    if (req.version !== item.version)
      return skipped(
        req.id,
        req.reference,
        'changed',
        status,
        `request ${req.reference} changed since your list was read (now: ${label.en}); it was not taken`,
        `تغير الطلب ${req.reference} منذ قراءة القائمة (حالته الآن: ${label.ar})؛ لم يُسند`,
      );
    if (status === 'awaiting_second_signature')
      return skipped(
        req.id,
        req.reference,
        'deciding',
        status,
        `request ${req.reference} waits for its second signature; it stays with its approvers`,
        `الطلب ${req.reference} بانتظار التوقيع الثاني؛ يبقى مع المعتمدين`,
      );
    if (!ASSIGNABLE.includes(status))
      return skipped(
        req.id,
        req.reference,
        'status',
        status,
        `request ${req.reference} is ${label.en}: only new, resubmitted or in-review requests are assigned`,
        `الطلب ${req.reference} حالته ${label.ar}: لا يُسند إلا الجديد أو المعاد تقديمه أو قيد المراجعة`,
      );
    if (status === 'in_review' && req.assignee_id === assigneeId) return { id: req.id, reference: req.reference, outcome: 'unchanged' };
    // Re-read with the write: a reviewer disabled or stripped of the role a moment ago is given nothing.
    if (!(await assignee(trx, assigneeId))) throw notReviewer();
    // A waiting request is taken into review on the reviewer's behalf, so it is in their Mine queue at once.
    const step: CaseAction = status === 'in_review' ? 'reassign' : 'claim';
    await applyTransition(trx, {
      requestId: req.id,
      expectedVersion: item.version,
      action: step,
      actorId: s.user.id,
      at: s.clock.now().toISOString(),
      reasonCode: 'assigned',
      reason: `to user ${assigneeId}`,
      set: { assignee_id: assigneeId },
    });
    return { id: req.id, reference: req.reference, outcome: 'assigned' };
  });
}

/** Assigns each request alone; the answer lists every request asked for, in the order asked. */
export async function assignMany(
  db: DeskDb,
  s: Supervisor,
  assigneeId: number,
  items: ReadonlyArray<{ id: number; version: number }>,
): Promise<AssignOutcome[]> {
  if (!(await assignee(db, assigneeId))) throw notReviewer();
  const seen = new Set<number>();
  const outcomes: AssignOutcome[] = [];
  for (const item of items) {
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    outcomes.push(await assignOne(db, s, item, assigneeId));
  }
  return outcomes;
}
