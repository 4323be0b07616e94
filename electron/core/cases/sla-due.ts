/**
 * Keeps each request's stored due day (`requests.sla_due_on`, migration 0170) true to the SLA clock
 * (sla-clock.ts): after every transition, in its transaction; for rows that have none yet when the desk opens
 * or demo data is loaded; and for every open request when a new policy takes effect (other days, holidays).
 */
import type { DeskDb } from '../db/connection';
import type { Policy, Service, Status } from '../../../shared/domain';
import { currentPolicy } from '../policy/current-policy';
import type { Trx } from '../db/transaction';
import { closedDays, SLA_RUNNING, slaDueOn, type ClockStep } from './sla-clock';

/** Only these steps move the clock. */
const CLOCK_ACTIONS = ['return_to_applicant', 'resubmit'];

/** Sets the request's due day from its history under the policy in force (`inForce`, when the caller has read it); returns it. Call after the history row is written. */
export async function keepDueDay(
  trx: Trx,
  request: { id: number; service: Service; status: Status; submitted_at: string; sla_due_on: string | null },
  at: string,
  inForce?: Policy,
): Promise<string | null> {
  const dueOn = await dueDayOf(trx, request, at, inForce);
  if (dueOn !== request.sla_due_on) await trx.updateTable('requests').set({ sla_due_on: dueOn }).where('id', '=', request.id).execute();
  return dueOn;
}

/**
 * The due day of `request` in the status it is given, from its history under the policy in force, counting
 * `pending`: a step about to be written with the status change (apply-transition.ts sets both in one statement).
 */
export async function dueDayOf(
  trx: Trx,
  request: { id: number; service: Service; status: Status; submitted_at: string },
  at: string,
  inForce?: Policy,
  pending?: ClockStep,
): Promise<string | null> {
  if (!SLA_RUNNING.includes(request.status)) return null;
  const policy = inForce ?? (await currentPolicy(trx, at)).policy;
  const steps: ClockStep[] = await trx
    .selectFrom('status_history')
    .select(['action', 'at'])
    .where('request_id', '=', request.id)
    .where('action', 'in', CLOCK_ACTIONS)
    .execute();
  if (pending && CLOCK_ACTIONS.includes(pending.action)) steps.push(pending);
  return slaDueOn({ service: request.service, status: request.status, submittedAt: request.submitted_at, steps }, policy);
}

/** Rows per statement when many due days are set at once. */
const BATCH = 2_000;

/**
 * Sets the due day of every request whose clock runs (`onlyMissing`: those that have none yet, as after
 * migration 0170 or a bulk load), under `policy`, grouping the writes by day. Returns how many were set.
 */
export async function refreshDueDays(db: DeskDb | Trx, policy: Policy, opts: { onlyMissing: boolean }): Promise<number> {
  let q = db.selectFrom('requests').select(['id', 'service', 'status', 'submitted_at', 'sla_due_on']).where('status', 'in', SLA_RUNNING);
  if (opts.onlyMissing) q = q.where('sla_due_on', 'is', null);
  const rows = await q.execute();
  if (rows.length === 0) return 0;
  const steps = new Map<number, ClockStep[]>();
  // Only requests ever returned have steps that move the clock; read them all at once.
  let h = db
    .selectFrom('status_history')
    .innerJoin('requests', 'requests.id', 'status_history.request_id')
    .select(['status_history.request_id', 'status_history.action', 'status_history.at'])
    .where('status_history.action', 'in', CLOCK_ACTIONS)
    .where('requests.status', 'in', SLA_RUNNING);
  if (opts.onlyMissing) h = h.where('requests.sla_due_on', 'is', null);
  for (const s of await h.execute()) steps.set(s.request_id, [...(steps.get(s.request_id) ?? []), { action: s.action, at: s.at }]);
  const closed = closedDays(policy.sla.holidays);
  const byDay = new Map<string, number[]>();
  for (const r of rows) {
    const due = slaDueOn({ service: r.service, status: r.status, submittedAt: r.submitted_at, steps: steps.get(r.id) ?? [] }, policy, closed);
    if (due === null || due === r.sla_due_on) continue;
    byDay.set(due, [...(byDay.get(due) ?? []), r.id]);
  }
  let changed = 0;
  const write = async (w: DeskDb | Trx) => {
    for (const [day, ids] of byDay)
      for (let i = 0; i < ids.length; i += BATCH) {
        const part = ids.slice(i, i + BATCH);
        // A request a transition moved meanwhile (returned, decided) keeps what that transition set.
        await w.updateTable('requests').set({ sla_due_on: day }).where('id', 'in', part).where('status', 'in', SLA_RUNNING).execute();
        changed += part.length;
      }
  };
  if (db.isTransaction) await write(db);
  else await db.transaction().execute((trx) => write(trx));
  return changed;
}

/** When the desk opens: requests without a due day (made before migration 0170, or loaded in bulk) get theirs. */
export async function fillMissingDueDays(db: DeskDb, at: string): Promise<number> {
  const { policy } = await currentPolicy(db, at);
  return refreshDueDays(db, policy, { onlyMissing: true });
}
