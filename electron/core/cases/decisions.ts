/** What a reviewer or approver does to a request: claim, release, notes, return, approve, reject. */
import type { DeskDb } from '../db/connection';
import type { RequestRow } from '../db/schema';
import type { NoteKind, RejectionReason, Service, UserInfo } from '../../../shared/domain';
import { AUTOMATIC_REJECTION_REASONS, SERVICE_LABELS } from '../../../shared/domain';
import { DeskFault } from '../errors';
import { dialectOf } from '../db/dialect';
import type { Clock } from '../clock';
import { appendAudit } from '../audit/chain';
import { currentPolicy } from '../policy';
import { runChecks } from './checks';
import { applyTransition, loadAsSeen, type Trx } from './apply-transition';
import { mayWriteNote, requestForNote, type NoteTarget } from './note-rules';
import { queueApplicantNotice, recipient } from './notify';
import { addDays, riyadhDate } from './working-days';
import { eachAlone, type EachAloneResult } from './each-alone';
import type { CardSigner } from '../documents/card-signing';
import { afterApproval } from '../finance/invoices';
import { countersignFacts, mustBeAllowed, subjectOf } from './allowed-actions';
import { latestStep } from './latest-step';
import { checkOverrides, overrideCode } from './check-overrides';

export interface Actor {
  user: UserInfo;
  clock: Clock;
  /** Signs the QR of a letter issued at approval when there is nothing to pay (handlers pass the desk's). */
  cardSigner?: CardSigner;
}

export async function claim(db: DeskDb, a: Actor, requestId: number, version: number): Promise<void> {
  const at = a.clock.now().toISOString();
  await db.transaction().execute(async (trx) => {
    mustBeAllowed('claim', subjectOf(await loadAsSeen(trx, requestId, version)), a.user);
    await applyTransition(trx, { requestId, expectedVersion: version, action: 'claim', actorId: a.user.id, at, set: { assignee_id: a.user.id } });
  });
}

/** The queues "claim next" takes from when pressed in one of them. */
export type ClaimQueue = 'new' | 'resubmitted';

/**
 * Claims the next request: resubmissions returned by this reviewer, then other resubmissions (the applicant has
 * waited already), then a new one; in each, the most urgent (SLA due day) first; in `queue`, only that queue's requests.
 */
export async function claimNext(db: DeskDb, a: Actor, service?: Service, queue?: ClaimQueue): Promise<number | null> {
  const at = a.clock.now().toISOString();
  const postgres = dialectOf(db) === 'postgres';
  return db.transaction().execute(async (trx) => {
    // Three indexed lookups in order of preference, rather than one sort over every waiting request.
    const first = (status: 'resubmitted' | 'submitted', mine: boolean) => {
      let q = trx.selectFrom('requests').select(['id', 'version']).where('status', '=', status);
      q = mine ? q.where('assignee_id', '=', a.user.id) : q.where('assignee_id', 'is', null);
      if (service) q = q.where('service', '=', service);
      // The most urgent first (Pega's "get next work"): the earliest SLA due day, then the longest waiting.
      q = q
        .orderBy('sla_due_on', (ob) => ob.asc().nullsLast())
        .orderBy('submitted_at')
        .orderBy('id')
        .limit(1);
      // Many desks on one PostgreSQL: each takes the first request no other desk is taking this instant.
      if (postgres) q = q.forUpdate().skipLocked();
      return q.executeTakeFirst();
    };
    // Pressed in a queue, it takes from that queue only: New hands out new requests, never resubmissions.
    const next =
      (queue !== 'new' ? ((await first('resubmitted', true)) ?? (await first('resubmitted', false))) : undefined) ??
      (queue !== 'resubmitted' ? await first('submitted', false) : undefined);
    if (!next) return null;
    // Read again in this transaction, as every claim is: still claimable by this user (allowed-actions.ts).
    mustBeAllowed('claim', subjectOf(await loadAsSeen(trx, next.id, next.version)), a.user);
    await applyTransition(trx, {
      requestId: next.id,
      expectedVersion: next.version,
      action: 'claim',
      actorId: a.user.id,
      at,
      set: { assignee_id: a.user.id },
    });
    return next.id;
  });
}

export async function release(db: DeskDb, a: Actor, requestId: number, version: number): Promise<void> {
  const at = a.clock.now().toISOString();
  await db.transaction().execute(async (trx) => {
    const req = await loadAsSeen(trx, requestId, version);
    mustBeAllowed('release', subjectOf(req), a.user);
    await applyTransition(trx, { requestId, expectedVersion: version, action: 'release', actorId: a.user.id, at, set: { assignee_id: null } });
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

export async function addNote(db: DeskDb, a: Actor, requestId: number, kind: NoteKind, text: string): Promise<void> {
  const at = a.clock.now().toISOString();
  await db.transaction().execute(async (trx) => writeNote(trx, a, await requestForNote(trx, requestId), kind, text, at));
}

/** Sends the request back to the applicant with the notes written to them since it was claimed. */
export async function returnToApplicant(db: DeskDb, a: Actor, requestId: number, version: number, message?: string): Promise<void> {
  const at = a.clock.now().toISOString();
  const { version: policyVersion, policy } = await currentPolicy(db, at);
  await db.transaction().execute(async (trx) => {
    const req = await loadAsSeen(trx, requestId, version);
    mustBeAllowed('return', subjectOf(req), a.user);
    if (message?.trim()) await writeNote(trx, a, req, 'to_applicant', message.trim(), at);
    const claimedAt = await latestStep(trx, requestId, { toStatus: 'in_review' });
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
    const dueAt = addDays(riyadhDate(at), policy.returnWindowDays);
    await applyTransition(trx, {
      requestId,
      expectedVersion: version,
      action: 'return_to_applicant',
      actorId: a.user.id,
      at,
      policyVersion,
      set: { return_due_at: dueAt },
    });
    await queueApplicantNotice(trx, await recipient(trx, requestId), { kind: 'returned', notes: notes.map((n) => n.text), dueAt }, at);
  });
}

/**
 * Approve is refused while a check fails, unless an approver overrides it with a
 * written justification, recorded with the policy version that judged the checks.
 * The checks, the policy and the request are read inside the approval's transaction, and the invoice
 * (or the step straight on when nothing is to be paid) commits with it: all of it, or none.
 */
export async function approve(db: DeskDb, a: Actor, requestId: number, version: number, override?: { justification: string }): Promise<void> {
  const at = a.clock.now().toISOString();
  await db.transaction().execute(async (trx) => {
    const pv = await currentPolicy(trx, at);
    const req = await loadAsSeen(trx, requestId, version);
    const failed = (await runChecks(trx, req, pv)).filter((c) => c.outcome === 'fail');
    // The holder, in review, and failed checks only with an approver's override (allowed-actions.ts, as the case view lists it).
    mustBeAllowed('approve', subjectOf(req, { failedChecks: failed.map((c) => c.rule), overrideOffered: override !== undefined }), a.user);
    // An override without words is no override: the core refuses it whoever calls (the contract asks 10 characters too).
    if (failed.length > 0 && (override?.justification.trim().length ?? 0) < 10) {
      throw new DeskFault(
        'bad_input',
        'override.justification: write why the failed checks are overridden (at least 10 characters)',
        'اكتب سبب تجاوز الشروط غير المستوفاة (10 أحرف على الأقل)',
      );
    }
    const overridden = failed.map((c) => c.rule);
    const fourEyes = pv.policy.fourEyesServices.includes(req.service as Service);
    const { to } = await applyTransition(trx, {
      requestId,
      expectedVersion: version,
      action: 'approve',
      actorId: a.user.id,
      at,
      fourEyes,
      policyVersion: pv.version,
      reasonCode: overridden.length ? overrideCode(overridden) : null,
      reason: overridden.length ? override!.justification.trim() : null,
      set: fourEyes ? {} : { decided_at: at },
    });
    if (to === 'approved') await afterApproval(trx, { actorId: a.user.id, at, pv, signer: a.cardSigner }, requestId, req.service as Service);
  });
}

/**
 * The second signature judges the checks again, in its own transaction: a check failing now (the policy
 * changed, a file was replaced) that the first approval did not override stops the request here (the
 * second approver may reject it), never on to an invoice. The rule itself is allowed-actions.ts's, as the case view lists it.
 */
async function unoverriddenChecks(trx: Trx, req: RequestRow, pv: Awaited<ReturnType<typeof currentPolicy>>): Promise<string[]> {
  const covered = new Set((await checkOverrides(trx, req.id)).map((o) => o.rule));
  return (await runChecks(trx, req, pv)).filter((c) => c.outcome === 'fail' && !covered.has(c.rule)).map((c) => c.rule);
}

/** The second signature of a four-eyes service: an approver who is not the first signer. */
export async function countersign(db: DeskDb, a: Actor, requestId: number, version: number): Promise<void> {
  const at = a.clock.now().toISOString();
  await db.transaction().execute(async (trx) => {
    // An approver who is neither the first signer nor someone the first signer sponsored (allowed-actions.ts).
    const req = await loadAsSeen(trx, requestId, version);
    // The policy in force as this transaction reads it: the invoice records the version it used.
    const pv = await currentPolicy(trx, at);
    mustBeAllowed(
      'countersign',
      subjectOf(req, { ...(await countersignFacts(trx, requestId, a.user.id)), unoverriddenChecks: await unoverriddenChecks(trx, req, pv) }),
      a.user,
    );
    const { request } = await applyTransition(trx, {
      requestId,
      expectedVersion: version,
      action: 'countersign',
      actorId: a.user.id,
      at,
      policyVersion: pv.version,
      set: { decided_at: at },
    });
    await afterApproval(trx, { actorId: a.user.id, at, pv, signer: a.cardSigner }, requestId, request.service as Service);
  });
}

export async function reject(db: DeskDb, a: Actor, requestId: number, version: number, reason: RejectionReason, text: string): Promise<void> {
  const at = a.clock.now().toISOString();
  // No response and unpaid are the sweeps' findings, from the desk's own records; a reviewer does not claim them.
  if (AUTOMATIC_REJECTION_REASONS.includes(reason))
    throw new DeskFault(
      'bad_input',
      `reason: "${reason}" is given by the desk itself when a window passes; choose another reason`,
      'سبب الرفض هذا يسجله النظام تلقائياً عند انقضاء المهلة؛ اختر سبباً آخر',
    );
  const { version: policyVersion } = await currentPolicy(db, at);
  await db.transaction().execute(async (trx) => {
    const req = await loadAsSeen(trx, requestId, version);
    // The holder; at the second signature, the approver reading it (allowed-actions.ts).
    mustBeAllowed('reject', subjectOf(req), a.user);
    await applyTransition(trx, {
      requestId,
      expectedVersion: version,
      action: 'reject',
      actorId: a.user.id,
      at,
      reasonCode: reason,
      reason: text,
      policyVersion,
      set: { decided_at: at },
    });
    await queueApplicantNotice(trx, await recipient(trx, requestId), { kind: 'rejected', reason, text }, at);
  });
}

/**
 * INQUIRY (inquiries, complaints, suggestions) is answered, not approved: the holder's answer is kept as a
 * note to the applicant, sent to them as an answer, and the request closes as `answered`.
 */
export async function answer(db: DeskDb, a: Actor, requestId: number, version: number, text: string): Promise<void> {
  const at = a.clock.now().toISOString();
  await db.transaction().execute(async (trx) => {
    const req = await loadAsSeen(trx, requestId, version);
    // The holder of an inquiry in review (allowed-actions.ts).
    mustBeAllowed('answer', subjectOf(req), a.user);
    // The answer is the note: written while the request is still in review (after the transition it is closed).
    await writeNote(trx, a, req, 'to_applicant', text, at);
    await applyTransition(trx, { requestId, expectedVersion: version, action: 'answer', actorId: a.user.id, at, set: { decided_at: at } });
    await queueApplicantNotice(trx, await recipient(trx, requestId), { kind: 'answered', text }, at);
  });
}

/** Approvers and admins hand a request to a reviewer (or take it back to the queue with null). */
export async function reassign(db: DeskDb, a: Actor, requestId: number, version: number, assigneeId: number | null): Promise<void> {
  const at = a.clock.now().toISOString();
  await db.transaction().execute(async (trx) => {
    mustBeAllowed('reassign', subjectOf(await loadAsSeen(trx, requestId, version)), a.user);
    if (assigneeId !== null) {
      const roles = await trx
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
    await applyTransition(trx, {
      requestId,
      expectedVersion: version,
      action: 'reassign',
      actorId: a.user.id,
      at,
      reason: assigneeId === null ? 'back to the queue' : `to user ${assigneeId}`,
      set: { assignee_id: assigneeId },
    });
  });
}

/** A request filed under the wrong service moves to the right one and its review goes on; the applicant is told. */
export async function reroute(db: DeskDb, a: Actor, requestId: number, version: number, service: Service): Promise<void> {
  const at = a.clock.now().toISOString();
  await db.transaction().execute(async (trx) => {
    const req = await loadAsSeen(trx, requestId, version);
    mustBeAllowed('reroute', subjectOf(req), a.user);
    if (req.service === service) throw new DeskFault('bad_input', `service: the request is already ${service}`, 'الطلب على هذه الخدمة أصلاً');
    await applyTransition(trx, {
      requestId,
      expectedVersion: version,
      action: 'reroute',
      actorId: a.user.id,
      at,
      reasonCode: `${req.service}>${service}`,
      reason: `${SERVICE_LABELS[req.service as Service].en} → ${SERVICE_LABELS[service].en}`,
      set: { service },
    });
    await queueApplicantNotice(
      trx,
      await recipient(trx, requestId),
      { kind: 'rerouted', from: SERVICE_LABELS[req.service as Service].ar, to: SERVICE_LABELS[service].ar },
      at,
    );
  });
}

/** Claims several at once; each stands alone, so one lost race does not undo the others. */
export async function claimMany(
  db: DeskDb,
  a: Actor,
  items: Array<{ id: number; version: number }>,
): Promise<{ claimed: number[]; refused: EachAloneResult['refused'] }> {
  const { done, refused } = await eachAlone(items, (id, version) => claim(db, a, id, version));
  return { claimed: done, refused };
}
