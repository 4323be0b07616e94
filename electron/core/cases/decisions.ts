/**
 * What a reviewer or approver does to a request: claim, release, notes, return, approve, reject. Each goes
 * the one path of decide-on.ts (the request read once in the transaction, the rules of allowed-actions.ts
 * judged on that row) and answers with the case detail read in the same transaction.
 */
import type { DeskDb } from '../db/connection';
import type { RequestRow } from '../db/schema';
import type { CaseDetail, NoteKind, RejectionReason, Service } from '../../../shared/domain';
import { AUTOMATIC_REJECTION_REASONS, SERVICE_LABELS } from '../../../shared/domain';
import { DeskFault } from '../errors';
import { dialectOf } from '../db/dialect';
import type { Actor } from '../actor';
import { appendAudit } from '../audit/chain';
import { loadAsSeen, loadRequest, type Trx } from './apply-transition';
import { mayWriteNote, type NoteTarget } from './note-rules';
import { queueApplicantNotice, recipient } from './notify';
import { addDays } from '../time/day-arithmetic';
import { riyadhDate } from '../time/riyadh-day';
import { eachAlone, type EachAloneResult } from './each-alone';
import { afterApproval } from '../finance/invoices';
import { countersignFacts, mustBeAllowed, subjectOf } from './allowed-actions';
import { lastHistory } from './last-history';
import { checkOverrides, overrideCode } from './check-overrides';
import { decideOn, decideQuietly, move, type Decision, type DecisionStep } from './decide-on';

/** The request as the user last saw it: a change by another desk since is the conflict to report first. */
const asSeen = (requestId: number, version: number) => (trx: Trx) => loadAsSeen(trx, requestId, version);

const claimStep: DecisionStep = async (d) => {
  mustBeAllowed('claim', subjectOf(d.req), d.a.user);
  return move(d, 'claim', { set: { assignee_id: d.a.user.id } });
};

export function claim(db: DeskDb, a: Actor, requestId: number, version: number): Promise<CaseDetail> {
  return decideOn(db, a, asSeen(requestId, version), claimStep);
}

/** The queues "claim next" takes from when pressed in one of them. */
export type ClaimQueue = 'new' | 'resubmitted';

/**
 * Claims the next request: resubmissions returned by this reviewer, then other resubmissions (the applicant has
 * waited already), then a new one; in each, the most urgent (SLA due day) first; in `queue`, only that queue's requests.
 * Answers its case detail, or null when there is nothing to claim.
 */
export function claimNext(db: DeskDb, a: Actor, service?: Service, queue?: ClaimQueue): Promise<CaseDetail | null> {
  const postgres = dialectOf(db) === 'postgres';
  const next = async (trx: Trx) => {
    // Three indexed lookups in order of preference, rather than one sort over every waiting request.
    const first = (status: 'resubmitted' | 'submitted', mine: boolean) => {
      let q = trx.selectFrom('requests').selectAll().where('status', '=', status);
      q = mine ? q.where('assignee_id', '=', a.user.id) : q.where('assignee_id', 'is', null);
      if (service) q = q.where('service', '=', service);
      // The most urgent first (Pega's "get next work"): the earliest SLA due day, then the longest waiting.
      q = q
        .orderBy('sla_due_on', (ob) => ob.asc().nullsLast())
        .orderBy('submitted_at')
        .orderBy('id')
        .limit(1);
      // Many desks on one PostgreSQL: each takes the first request no other desk is taking this instant, and holds it.
      if (postgres) q = q.forUpdate().skipLocked();
      return q.executeTakeFirst();
    };
    // Pressed in a queue, it takes from that queue only: New hands out new requests, never resubmissions.
    return (
      (queue !== 'new' ? ((await first('resubmitted', true)) ?? (await first('resubmitted', false))) : undefined) ??
      (queue !== 'resubmitted' ? await first('submitted', false) : undefined)
    );
  };
  // The row the queue read is the one judged (still claimable by this user: allowed-actions.ts) and moved.
  return decideOn(db, a, next, claimStep);
}

export function release(db: DeskDb, a: Actor, requestId: number, version: number): Promise<CaseDetail> {
  return decideOn(db, a, asSeen(requestId, version), async (d) => {
    mustBeAllowed('release', subjectOf(d.req), a.user);
    return move(d, 'release', { set: { assignee_id: null } });
  });
}

/** Writes a staff note and its audit entry; notes are never edited after saving (a correction is a new note). */
async function writeNote(trx: Trx, a: Actor, req: NoteTarget, kind: NoteKind, text: string, at: string): Promise<void> {
  mayWriteNote(req, a.user, kind);
  const { id } = await trx
    .insertInto('notes')
    .values({ request_id: req.id, kind, text, author_id: a.user.id, at })
    .returning('id')
    .executeTakeFirstOrThrow();
  await appendAudit(trx, {
    at,
    actorId: a.user.id,
    action: 'note.add',
    entity: 'request',
    entityId: req.id,
    data: { reference: req.reference, noteId: id, kind, text },
  });
}

/** A note changes no version: it is written on the request as it stands (locked on PostgreSQL until it commits). */
export function addNote(db: DeskDb, a: Actor, requestId: number, kind: NoteKind, text: string): Promise<CaseDetail> {
  return decideOn(
    db,
    a,
    (trx) => loadRequest(trx, requestId),
    async (d) => {
      await writeNote(d.trx, a, d.req, kind, text, d.at);
      return d.req;
    },
  );
}

/** Sends the request back to the applicant with the notes written to them since it was claimed. */
export function returnToApplicant(db: DeskDb, a: Actor, requestId: number, version: number, message?: string): Promise<CaseDetail> {
  return decideOn(db, a, asSeen(requestId, version), async (d) => {
    const { trx, req, at } = d;
    mustBeAllowed('return', subjectOf(req), a.user);
    if (message?.trim()) await writeNote(trx, a, req, 'to_applicant', message.trim(), at);
    const claimedAt = await lastHistory(trx, requestId, { toStatus: 'in_review' });
    const notes = await trx
      .selectFrom('notes')
      .select('text')
      .where('request_id', '=', requestId)
      .where('kind', '=', 'to_applicant')
      .where('author_id', 'is not', null)
      .where('at', '>=', claimedAt?.at ?? '')
      .orderBy('id')
      .execute();
    if (notes.length === 0) {
      throw new DeskFault(
        'bad_input',
        'a return needs at least one note to the applicant saying what is missing',
        'الإعادة تتطلب ملاحظة واحدة على الأقل للممارس توضح النواقص',
      );
    }
    const dueAt = addDays(riyadhDate(at), d.pv.policy.returnWindowDays);
    const returned = await move(d, 'return_to_applicant', { policyVersion: d.pv.version, set: { return_due_at: dueAt } });
    await queueApplicantNotice(trx, await recipient(trx, req), { kind: 'returned', notes: notes.map((n) => n.text), dueAt }, at);
    return returned;
  });
}

/** What follows the approval in the same transaction (finance/invoices.ts): the invoice, or straight on. */
async function thenInvoice(d: Decision, approved: RequestRow): Promise<RequestRow> {
  return (await afterApproval(d.trx, { actorId: d.a.user.id, at: d.at, pv: d.pv, signer: d.a.cardSigner }, approved)).request;
}

/**
 * Approve is refused while a check fails, unless an approver overrides it with a
 * written justification, recorded with the policy version that judged the checks.
 * The checks, the policy and the request are read inside the approval's transaction, and the invoice
 * (or the step straight on when nothing is to be paid) commits with it: all of it, or none.
 */
export function approve(db: DeskDb, a: Actor, requestId: number, version: number, override?: { justification: string }): Promise<CaseDetail> {
  return decideOn(db, a, asSeen(requestId, version), async (d) => {
    const failed = (await d.checks()).filter((c) => c.outcome === 'fail').map((c) => c.rule);
    // The holder, in review, and failed checks only with an approver's override (allowed-actions.ts, as the case view lists it).
    mustBeAllowed('approve', subjectOf(d.req, { failedChecks: failed, overrideOffered: override !== undefined }), a.user);
    // An override without words is no override: the core refuses it whoever calls (the contract asks 10 characters too).
    if (failed.length > 0 && (override?.justification.trim().length ?? 0) < 10) {
      throw new DeskFault(
        'bad_input',
        'override.justification: write why the failed checks are overridden (at least 10 characters)',
        'اكتب سبب تجاوز الشروط غير المستوفاة (10 أحرف على الأقل)',
      );
    }
    const fourEyes = d.pv.policy.fourEyesServices.includes(d.req.service);
    const approved = await move(d, 'approve', {
      fourEyes,
      policyVersion: d.pv.version,
      reasonCode: failed.length ? overrideCode(failed) : null,
      reason: failed.length ? override!.justification.trim() : null,
      set: fourEyes ? {} : { decided_at: d.at },
    });
    return approved.status === 'approved' ? thenInvoice(d, approved) : approved;
  });
}

/**
 * The second signature of a four-eyes service: an approver who is neither the first signer nor someone the first
 * signer sponsored. It judges the checks again: a check failing now (the policy changed, a file was replaced)
 * that the first approval did not override stops the request here (the second approver may reject it), never
 * on to an invoice. The rules are allowed-actions.ts's, as the case view lists them.
 */
export function countersign(db: DeskDb, a: Actor, requestId: number, version: number): Promise<CaseDetail> {
  return decideOn(db, a, asSeen(requestId, version), async (d) => {
    const covered = new Set((await checkOverrides(d.trx, requestId)).map((o) => o.rule));
    const unoverriddenChecks = (await d.checks()).filter((c) => c.outcome === 'fail' && !covered.has(c.rule)).map((c) => c.rule);
    mustBeAllowed('countersign', subjectOf(d.req, { ...(await countersignFacts(d.trx, requestId, a.user.id)), unoverriddenChecks }), a.user);
    // The invoice records the policy version this transaction read.
    return thenInvoice(d, await move(d, 'countersign', { policyVersion: d.pv.version, set: { decided_at: d.at } }));
  });
}

export async function reject(db: DeskDb, a: Actor, requestId: number, version: number, reason: RejectionReason, text: string): Promise<CaseDetail> {
  // No response and unpaid are the sweeps' findings, from the desk's own records; a reviewer does not claim them.
  if (AUTOMATIC_REJECTION_REASONS.includes(reason))
    throw new DeskFault(
      'bad_input',
      `reason: "${reason}" is given by the desk itself when a window passes; choose another reason`,
      'سبب الرفض هذا يسجله النظام تلقائياً عند انقضاء المهلة؛ اختر سبباً آخر',
    );
  return decideOn(db, a, asSeen(requestId, version), async (d) => {
    // The holder; at the second signature, the approver reading it (allowed-actions.ts).
    mustBeAllowed('reject', subjectOf(d.req), a.user);
    const rejected = await move(d, 'reject', { reasonCode: reason, reason: text, policyVersion: d.pv.version, set: { decided_at: d.at } });
    await queueApplicantNotice(d.trx, await recipient(d.trx, d.req), { kind: 'rejected', reason, text }, d.at);
    return rejected;
  });
}

/**
 * INQUIRY (inquiries, complaints, suggestions) is answered, not approved: the holder's answer is kept as a
 * note to the applicant, sent to them as an answer, and the request closes as `answered`.
 */
export function answer(db: DeskDb, a: Actor, requestId: number, version: number, text: string): Promise<CaseDetail> {
  return decideOn(db, a, asSeen(requestId, version), async (d) => {
    // The holder of an inquiry in review (allowed-actions.ts).
    mustBeAllowed('answer', subjectOf(d.req), a.user);
    // The answer is the note: written while the request is still in review (after the transition it is closed).
    await writeNote(d.trx, a, d.req, 'to_applicant', text, d.at);
    const answered = await move(d, 'answer', { set: { decided_at: d.at } });
    await queueApplicantNotice(d.trx, await recipient(d.trx, d.req), { kind: 'answered', text }, d.at);
    return answered;
  });
}

/** Approvers and admins hand a request to a reviewer (or take it back to the queue with null). */
export function reassign(db: DeskDb, a: Actor, requestId: number, version: number, assigneeId: number | null): Promise<CaseDetail> {
  return decideOn(db, a, asSeen(requestId, version), async (d) => {
    mustBeAllowed('reassign', subjectOf(d.req), a.user);
    if (assigneeId !== null) {
      const roles = await d.trx
        .selectFrom('user_roles')
        .innerJoin('users', 'users.id', 'user_roles.user_id')
        .select('role')
        .where('user_id', '=', assigneeId)
        .where('users.active', '=', 1)
        .execute();
      if (!roles.some((r) => r.role === 'reviewer' || r.role === 'approver')) {
        throw new DeskFault('bad_input', 'assigneeId: the user is not a reviewer or approver', 'المستخدم المختار ليس مراجعاً ولا معتمداً');
      }
    }
    return move(d, 'reassign', { reason: assigneeId === null ? 'back to the queue' : `to user ${assigneeId}`, set: { assignee_id: assigneeId } });
  });
}

/** A request filed under the wrong service moves to the right one and its review goes on; the applicant is told. */
export function reroute(db: DeskDb, a: Actor, requestId: number, version: number, service: Service): Promise<CaseDetail> {
  return decideOn(db, a, asSeen(requestId, version), async (d) => {
    const from = d.req.service;
    mustBeAllowed('reroute', subjectOf(d.req), a.user);
    if (from === service) throw new DeskFault('bad_input', `service: the request is already ${service}`, 'الطلب على هذه الخدمة أصلاً');
    const rerouted = await move(d, 'reroute', {
      reasonCode: `${from}>${service}`,
      reason: `${SERVICE_LABELS[from].en} → ${SERVICE_LABELS[service].en}`,
      set: { service },
    });
    await queueApplicantNotice(
      d.trx,
      await recipient(d.trx, d.req),
      { kind: 'rerouted', from: SERVICE_LABELS[from].ar, to: SERVICE_LABELS[service].ar },
      d.at,
    );
    return rerouted;
  });
}

/** Claims several at once; each stands alone, so one lost race does not undo the others. No detail is read for them. */
export async function claimMany(
  db: DeskDb,
  a: Actor,
  items: Array<{ id: number; version: number }>,
): Promise<{ claimed: number[]; refused: EachAloneResult['refused'] }> {
  const { done, refused } = await eachAlone(items, (id, version) => decideQuietly(db, a, asSeen(id, version), claimStep));
  return { claimed: done, refused };
}
