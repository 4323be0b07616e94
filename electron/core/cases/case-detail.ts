import type { DeskDb } from '../db/connection';
import type { Applicant, CaseActionKind, CaseDetail, CheckView, UserInfo } from '../../../shared/domain';
import type { RequestRow } from '../db/schema';
import { caseAsSeenBy } from './case-visibility';
import { loadRequest } from './apply-transition';
import { riyadhDate } from '../time/riyadh-day';
import { workingDaysBetween } from '../time/working-days';
import { currentPolicy, type PolicyVersion } from '../policy/current-policy';
import { closedDays, slaStanding } from './sla-clock';
import { applicantFromRecord, parseSnapshot } from './applicant-snapshot';
import { checksOf } from './checks';
import { canonicalJson } from '../audit/chain';
import { overridesOf } from './check-overrides';
import { cpdSectionOf } from './cpd-section';
import { caseRows, factsOfRows, type CaseRows } from './case-rows';
import { allowedActions, countersignFacts, subjectOf } from './allowed-actions';
import { openReferralFact } from './referral-facts';

/** Everything the case view shows about one request, in one call, as much of it as `viewer`'s roles see (auth/visibility.ts). */
export async function caseDetail(db: DeskDb, requestId: number, today: Date, viewer: Pick<UserInfo, 'id' | 'roles'>): Promise<CaseDetail> {
  const req = await loadRequest(db, requestId);
  const pv = await currentPolicy(db, today.toISOString());
  // The rows the checks judge are the ones the view lists: read once for both.
  const rows = await caseRows(db, requestId);
  return caseDetailOf(db, { req, pv, checks: checksOf(factsOfRows(req, rows), pv), rows }, today, viewer);
}

/** The request, its policy and its checks as the caller has read them already (and the rows they judged, if read). */
export interface ReadRequest {
  req: RequestRow;
  pv: PolicyVersion;
  checks: CheckView[];
  rows?: CaseRows;
}

/**
 * The case detail of a request the caller has read (a decision, from the row it left: decide-on.ts); the rest
 * (history, notes, files, audit, the actions `viewer` may take) is read here through `db`.
 */
export async function caseDetailOf(
  db: DeskDb,
  { req, pv, checks, rows: read }: ReadRequest,
  today: Date,
  viewer: Pick<UserInfo, 'id' | 'roles'>,
): Promise<CaseDetail> {
  const requestId = req.id;
  const [{ answers, activities, attachments }, experiences, audit] = await Promise.all([
    read ?? caseRows(db, requestId),
    db
      .selectFrom('experiences')
      .select(['employer', 'position', 'from_date', 'to_date', 'country', 'added_at'])
      .where('request_id', '=', requestId)
      .orderBy('from_date')
      .execute(),
    // The timeline, and the data of resubmissions only (the latest is what the request's resubmission changed).
    db
      .selectFrom('audit_log')
      .leftJoin('users', 'users.id', 'audit_log.actor_id')
      .select((eb) => [
        'audit_log.seq',
        'audit_log.at',
        'audit_log.action',
        'users.display_name',
        eb.case().when('audit_log.action', '=', RESUBMITTED).then(eb.ref('audit_log.data')).end().as('data'),
      ])
      .where('audit_log.entity', '=', 'request')
      .where('audit_log.entity_id', '=', String(requestId))
      .orderBy('audit_log.seq')
      .execute(),
  ]);
  const resubmitted = audit.findLast((a) => a.action === RESUBMITTED);
  const [p, assignee, notes, history] = await Promise.all([
    db.selectFrom('practitioners').selectAll().where('id', '=', req.practitioner_id).executeTakeFirstOrThrow(),
    req.assignee_id === null ? undefined : db.selectFrom('users').select(['id', 'display_name']).where('id', '=', req.assignee_id).executeTakeFirst(),
    db
      .selectFrom('notes')
      .leftJoin('users', 'users.id', 'notes.author_id')
      .select(['notes.id', 'notes.kind', 'notes.text', 'notes.at', 'users.display_name'])
      .where('notes.request_id', '=', requestId)
      .orderBy('notes.id')
      .execute(),
    db
      .selectFrom('status_history as h')
      .leftJoin('users', 'users.id', 'h.actor_id')
      .select(['h.id', 'h.action', 'h.from_status', 'h.to_status', 'h.at', 'h.actor_id', 'h.reason', 'h.reason_code', 'users.display_name'])
      .where('h.request_id', '=', requestId)
      .orderBy('h.id')
      .execute(),
  ]);
  // The overrides recorded by the latest approval (check-overrides.ts), its approver named as the history names them.
  const overrides = overridesOf(history.findLast((h) => h.action === 'approve'));
  const assignedTo = await assigneeNames(db, history);
  const actions = await actionsFor(db, req, viewer, checks, overrides);
  const applicant = parseSnapshot(req.applicant_snapshot);
  const record = applicantFromRecord(p);

  return caseAsSeenBy(
    {
      id: req.id,
      reference: req.reference,
      service: req.service,
      status: req.status,
      version: req.version,
      submittedAt: req.submitted_at,
      ageDays: workingDaysBetween(riyadhDate(req.submitted_at), riyadhDate(today)),
      assignee: assignee ? { id: assignee.id, displayName: assignee.display_name } : null,
      returnDueAt: req.return_due_at,
      sla: slaStanding(req.status, req.sla_due_on, riyadhDate(today), closedDays(pv.policy.sla.holidays)),
      applicant,
      // For a data update, the record as it stands beside what the applicant asks for.
      record: req.service === 'DATA_UPDATE' ? record : null,
      employer: { type: req.employer_type, facility: req.employer_facility },
      notes: notes.map((n) => ({ id: n.id, kind: n.kind, text: n.text, at: n.at, author: n.display_name ?? null })),
      history: history.map((h) => ({
        id: h.id,
        action: h.action,
        fromStatus: h.from_status,
        toStatus: h.to_status,
        at: h.at,
        actor: h.display_name ?? null,
        ...(assignedTo.has(h.id) ? { reason: assignedTo.get(h.id)!, reasonCode: 'assigned_to' } : { reason: h.reason, reasonCode: h.reason_code }),
      })),
      attachments: attachments.map((a) => ({
        id: a.id,
        kind: a.kind,
        fileName: a.file_name,
        mime: a.mime,
        size: a.size,
        sha256: a.sha256,
        version: a.version,
        issuedAt: a.issued_at,
        uploadedAt: a.uploaded_at,
      })),
      internshipCompleted: req.internship_completed === null ? null : req.internship_completed === 1,
      cpd: cpdSectionOf(req, applicant.category, pv.policy, activities),
      questionnaire: answers.map((q) => ({ id: q.question_id, answer: q.answer === null ? null : q.answer === 1 })),
      experiences: experiences.map((e) => ({
        employer: e.employer,
        position: e.position,
        from: e.from_date,
        to: e.to_date,
        country: e.country,
        addedAt: e.added_at,
      })),
      resubmission: resubmitted
        ? resubmissionChanges(
            { at: resubmitted.at, data: resubmitted.data ?? '{}' },
            applicant,
            attachments,
            notes,
            history.filter((h) => h.action === 'return_to_applicant').at(-1)?.at ?? '',
          )
        : null,
      audit: audit.map((a) => ({ seq: a.seq, at: a.at, action: a.action, actor: a.display_name ?? null })),
      checks,
      overrides,
      policyVersion: pv.version,
      policySample: pv.policy.sample,
      actions,
    },
    viewer,
  );
}

const RESUBMITTED = 'request.resubmitted_bundle';

/** What a resubmission brought: fields of the applicant that differ from before, files and notes added with it. */
function resubmissionChanges(
  entry: { at: string; data: string },
  now: Applicant,
  attachments: Array<{ id: number; version: number }>,
  notes: Array<{ id: number; at: string; display_name: string | null }>,
  returnedAt: string,
) {
  const before = (JSON.parse(entry.data) as { previousApplicant?: Record<string, unknown> }).previousApplicant ?? {};
  const changedFields = Object.keys(now).filter(
    (k) => canonicalJson(before[k] ?? null) !== canonicalJson((now as unknown as Record<string, unknown>)[k] ?? null),
  );
  return {
    at: entry.at,
    changedFields,
    // Versions are submission rounds: the latest round came with this resubmission.
    newAttachmentIds: attachments.filter((a) => a.version === Math.max(...attachments.map((x) => x.version))).map((a) => a.id),
    // The applicant's own notes (no staff author) written after the return.
    newNoteIds: notes.filter((n) => n.display_name === null && n.at > returnedAt).map((n) => n.id),
  };
}

/**
 * A reassignment keeps "to user N" (the id, stable if the user is renamed); the reader sees the name
 * as it is now. One query for all such steps of the request, none when there are none.
 */
async function assigneeNames(
  db: DeskDb,
  history: ReadonlyArray<{ id: number; action: string; reason: string | null }>,
): Promise<Map<number, string>> {
  const byStep = new Map<number, number>();
  for (const h of history) {
    const m = h.action === 'reassign' ? /^to user (\d+)$/.exec(h.reason ?? '') : null;
    if (m) byStep.set(h.id, Number(m[1]));
  }
  if (byStep.size === 0) return new Map();
  const users = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('id', 'in', [...new Set(byStep.values())])
    .execute();
  const names = new Map(users.map((u) => [u.id, u.display_name]));
  return new Map([...byStep].flatMap(([step, user]) => (names.has(user) ? [[step, names.get(user)!] as const] : [])));
}

/**
 * What `viewer` may do to the request now, by the rules the decisions check (allowed-actions.ts). An approver
 * "may approve" a request whose checks fail when they may override them; the second signature's facts are read
 * only for a request waiting for it.
 */
async function actionsFor(
  db: DeskDb,
  req: RequestRow,
  viewer: Pick<UserInfo, 'id' | 'roles'>,
  checks: CheckView[],
  overrides: Array<{ rule: string }>,
): Promise<CaseActionKind[]> {
  const failed = checks.filter((c) => c.outcome === 'fail').map((c) => c.rule);
  const overridden = new Set(overrides.map((o) => o.rule));
  const second = req.status === 'awaiting_second_signature' ? await countersignFacts(db, req.id, viewer.id) : {};
  const subject = subjectOf(req, {
    failedChecks: failed,
    overrideOffered: true,
    unoverriddenChecks: failed.filter((r) => !overridden.has(r)),
    ...second,
    // The request's open question (refer, answer_referral, withdraw_referral): read only while it is in review.
    openReferral: req.status === 'in_review' ? await openReferralFact(db, req.id) : null,
  });
  return allowedActions(subject, viewer);
}
