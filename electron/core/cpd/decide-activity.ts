/**
 * A reviewer accepts or refuses one CPD activity of an audited request, with a reason from the dictionary.
 * Everything is re-checked inside the transaction, after the request's row is locked: the audit is still
 * open, the caller holds the request in review, the activity is not already decided (by anyone). The last
 * decision completes the audit: the recognised hours are recomputed and the applicant is told, in that
 * same transaction.
 */
import type { DeskDb } from '../db/connection';
import type { CpdDecision, CpdReason, UserInfo } from '../../../shared/domain';
import { CPD_REASONS } from '../../../shared/domain';
import type { Clock } from '../time/clock';
import { DeskFault, notFound } from '../errors';
import { appendAudit } from '../audit/chain';
import { loadRequest, type Trx } from '../cases/apply-transition';
import { queueApplicantNotice, recipient } from '../cases/notify';
import { parseSnapshot } from '../cases/applicant-snapshot';
import { currentPolicy } from '../policy/current-policy';
import { recognised, whyNotDecide } from './audit-view';

export interface ActivityDecisionInput {
  activityId: number;
  decision: CpdDecision;
  reason: CpdReason;
  note?: string;
}

/** Decides one activity; answers its request's id. */
export async function decideCpdActivity(db: DeskDb, a: { user: UserInfo; clock: Clock }, input: ActivityDecisionInput): Promise<number> {
  if (CPD_REASONS[input.reason].decision !== input.decision)
    throw new DeskFault(
      'bad_input',
      `reason: "${input.reason}" is a reason to ${CPD_REASONS[input.reason].decision === 'accepted' ? 'accept' : 'refuse'}, not to ${input.decision === 'accepted' ? 'accept' : 'refuse'}`,
      `reason: السبب "${CPD_REASONS[input.reason].ar}" لا يناسب هذا القرار`,
    );
  const at = a.clock.now().toISOString();
  const { version: policyVersion, policy } = await currentPolicy(db, at);
  return db.transaction().execute(async (trx) => {
    const activity = await trx.selectFrom('cpd_activities').selectAll().where('id', '=', input.activityId).executeTakeFirst();
    if (!activity) throw notFound(`CPD activity ${input.activityId}`, `نشاط التطوير المهني ${input.activityId}`);
    // The request's row first (locked on PostgreSQL), as every write to a request does: two decisions wait in turn.
    const req = await loadRequest(trx, activity.request_id);
    const audit = await trx.selectFrom('cpd_audits').select(['completed_at']).where('request_id', '=', req.id).executeTakeFirst();
    if (!audit)
      throw new DeskFault('bad_input', `request ${req.reference} is not in the CPD audit`, `الطلب ${req.reference} ليس ضمن تدقيق التطوير المهني`);
    const why = whyNotDecide(req, audit, a.user);
    if (why) throw new DeskFault(audit.completed_at !== null ? 'conflict' : 'forbidden', why.en, why.ar);
    const earlier = await trx
      .selectFrom('cpd_activity_decisions as d')
      .innerJoin('users as u', 'u.id', 'd.decided_by')
      .select(['d.decision', 'd.decided_at', 'u.display_name'])
      .where('d.activity_id', '=', activity.id)
      .executeTakeFirst();
    if (earlier)
      throw new DeskFault(
        'conflict',
        `the activity "${activity.title}" was already ${earlier.decision} by ${earlier.display_name} at ${earlier.decided_at}`,
        `قرر ${earlier.display_name} في النشاط "${activity.title}" من قبل (${earlier.decision === 'accepted' ? 'قبول' : 'رفض'})`,
      );
    await trx
      .insertInto('cpd_activity_decisions')
      .values({
        activity_id: activity.id,
        request_id: req.id,
        decision: input.decision,
        reason_code: input.reason,
        note: input.note ?? null,
        decided_by: a.user.id,
        decided_at: at,
      })
      .execute();
    await appendAudit(trx, {
      at,
      actorId: a.user.id,
      action: 'cpd.activity_decide',
      entity: 'request',
      entityId: req.id,
      data: {
        reference: req.reference,
        activityId: activity.id,
        title: activity.title,
        hours: activity.hours,
        decision: input.decision,
        reason: input.reason,
        note: input.note ?? null,
      },
    });
    await completeIfAllDecided(
      trx,
      {
        requestId: req.id,
        reference: req.reference,
        recordedHours: Number(req.cpd_recorded_hours),
        category: parseSnapshot(req.applicant_snapshot).category,
      },
      a.user,
      at,
      policy.cpdHours,
      policyVersion,
    );
    return req.id;
  });
}

async function completeIfAllDecided(
  trx: Trx,
  req: { requestId: number; reference: string; recordedHours: number; category: string },
  user: UserInfo,
  at: string,
  cpdHours: Record<string, number>,
  policyVersion: number,
): Promise<void> {
  const rows = await trx
    .selectFrom('cpd_activities as a')
    .leftJoin('cpd_activity_decisions as d', 'd.activity_id', 'a.id')
    .select(['a.title', 'a.date', 'a.hours', 'd.decision', 'd.reason_code'])
    .where('a.request_id', '=', req.requestId)
    .orderBy('a.date')
    .orderBy('a.id')
    .execute();
  const decided = rows.filter(
    (r): r is typeof r & { decision: CpdDecision; reason_code: CpdReason } => r.decision !== null && r.reason_code !== null,
  );
  if (decided.length < rows.length) return;
  const hours = recognised(
    req.recordedHours,
    decided.map((r) => ({ hours: Number(r.hours), refused: r.decision === 'refused' })),
  );
  const requiredHours = cpdHours[req.category] ?? null;
  await trx
    .updateTable('cpd_audits')
    .set({ completed_at: at, completed_by: user.id })
    .where('request_id', '=', req.requestId)
    .where('completed_at', 'is', null)
    .execute();
  await queueApplicantNotice(
    trx,
    await recipient(trx, req.requestId),
    {
      kind: 'cpd_audit',
      activities: decided.map((r) => {
        const reason = CPD_REASONS[r.reason_code];
        return {
          title: r.title,
          date: r.date,
          hours: Number(r.hours),
          accepted: r.decision === 'accepted',
          reason: { ar: reason.ar, en: reason.en },
        };
      }),
      recognisedHours: hours.recognisedHours,
      requiredHours,
    },
    at,
  );
  await appendAudit(trx, {
    at,
    actorId: user.id,
    action: 'cpd.audit_complete',
    entity: 'request',
    entityId: req.requestId,
    data: { reference: req.reference, ...hours, requiredHours, policyVersion },
  });
}
