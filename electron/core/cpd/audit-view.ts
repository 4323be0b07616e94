/** The CPD audit of one request: why it is audited, each activity with its decision, and the hours recognised. */
import type { DeskDb } from '../db/connection';
import type { Bilingual, CpdActivityView, CpdAuditReason, CpdAuditView, UserInfo } from '../../../shared/domain';
import { parseSnapshot } from '../cases/applicant-snapshot';
import { currentPolicy } from '../policy/current-policy';

/** Only the reviewer holding the request in review decides its CPD activities, and only while the audit is open. */
export function whyNotDecide(
  req: { status: string; assignee_id: number | null; reference: string },
  audit: { completed_at: string | null },
  user: UserInfo,
): Bilingual | null {
  if (audit.completed_at !== null)
    return { ar: `اكتمل تدقيق التطوير المهني للطلب ${req.reference}`, en: `The CPD audit of request ${req.reference} is complete` };
  if (!user.roles.includes('reviewer') && !user.roles.includes('approver'))
    return { ar: 'يقرر في أنشطة التطوير المهني المراجع أو المعتمد', en: 'A reviewer or an approver decides on CPD activities' };
  if (req.status !== 'in_review')
    return { ar: `الطلب ${req.reference} ليس قيد المراجعة: استلمه أولاً`, en: `Request ${req.reference} is not in review: claim it first` };
  if (req.assignee_id !== user.id)
    return { ar: `الطلب ${req.reference} مستلم من مراجع آخر`, en: `Request ${req.reference} is held by another reviewer` };
  return null;
}

/** Recognised hours as the CPD-HOURS rule counts them: recorded + every activity not refused. */
export function recognised(recordedHours: number, activities: ReadonlyArray<{ hours: number; refused: boolean }>) {
  const refusedHours = activities.filter((a) => a.refused).reduce((s, a) => s + a.hours, 0);
  const total = recordedHours + activities.filter((a) => !a.refused).reduce((s, a) => s + a.hours, 0);
  return { recognisedHours: total, refusedHours };
}

export async function cpdAuditOf(db: DeskDb, requestId: number, user: UserInfo, at: string): Promise<CpdAuditView | null> {
  const audit = await db
    .selectFrom('cpd_audits as c')
    .leftJoin('users as u', 'u.id', 'c.completed_by')
    .select(['c.reasons', 'c.completed_at', 'u.display_name as completed_by'])
    .where('c.request_id', '=', requestId)
    .executeTakeFirst();
  if (!audit) return null;
  const req = await db
    .selectFrom('requests')
    .select(['reference', 'status', 'assignee_id', 'cpd_recorded_hours', 'applicant_snapshot'])
    .where('id', '=', requestId)
    .executeTakeFirstOrThrow();
  const rows = await db
    .selectFrom('cpd_activities as a')
    .leftJoin('cpd_activity_decisions as d', 'd.activity_id', 'a.id')
    .leftJoin('users as u', 'u.id', 'd.decided_by')
    .select([
      'a.id',
      'a.title',
      'a.provider',
      'a.kind',
      'a.date',
      'a.hours',
      'd.decision',
      'd.reason_code',
      'd.note',
      'd.decided_at',
      'u.display_name',
    ])
    .where('a.request_id', '=', requestId)
    .orderBy('a.date')
    .orderBy('a.id')
    .execute();
  const activities: CpdActivityView[] = rows.map((r) => ({
    id: r.id,
    title: r.title,
    provider: r.provider,
    kind: r.kind,
    date: r.date,
    hours: Number(r.hours),
    decision:
      r.decision && r.reason_code && r.decided_at
        ? { decision: r.decision, reason: r.reason_code, note: r.note ?? null, by: r.display_name ?? '', at: r.decided_at }
        : null,
  }));
  const { policy } = await currentPolicy(db, at);
  const category = parseSnapshot(req.applicant_snapshot).category;
  const hours = recognised(
    Number(req.cpd_recorded_hours),
    activities.map((a) => ({ hours: a.hours, refused: a.decision?.decision === 'refused' })),
  );
  const why = whyNotDecide(req, audit, user);
  return {
    requestId,
    reference: req.reference,
    reasons: JSON.parse(audit.reasons) as CpdAuditReason[],
    activities,
    recordedHours: Number(req.cpd_recorded_hours),
    ...hours,
    requiredHours: policy.cpdHours[category] ?? null,
    completedAt: audit.completed_at,
    completedBy: audit.completed_by ?? null,
    mayDecide: why ? { ok: false, why } : { ok: true },
  };
}
