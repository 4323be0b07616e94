import type { Transaction } from 'kysely';
import type { Database, RequestRow } from '../db/schema';
import type { DeskDb } from '../db/connection';
import type { Policy, Status } from '../../../shared/domain';
import { DeskFault, notFound } from '../errors';
import { dialectOf } from '../db/dialect';
import { appendAudit } from '../audit/chain';
import { nextStatus, type CaseAction } from './lifecycle';
import { lastHistory } from './last-history';
import { dueDayOf } from './sla-due';
import { closeOpenReferrals } from './referral-closing';

export type Trx = Transaction<Database>;

/**
 * Which request: the row this transaction has already read (a decision, decide-on.ts: it is not read again), or
 * its id, read here, with the version the user saw (another desk's change since then is a conflict; null: any).
 */
export type TransitionTarget = { request: RequestRow } | { requestId: number; expectedVersion: number | null };

/** The step itself: what, by whom, when, and why. */
export interface TransitionStep {
  action: CaseAction;
  actorId: number | null;
  at: string;
  fourEyes?: boolean;
  reasonCode?: string | null;
  reason?: string | null;
  policyVersion?: number | null;
  /** Other columns this transition sets (assignee, return window, …). */
  set?: Partial<Pick<RequestRow, 'assignee_id' | 'return_due_at' | 'decided_at' | 'service'>>;
  /** The policy this transaction has already read, for the SLA due day (otherwise read again). */
  policy?: Policy;
}

export type TransitionInput = TransitionTarget & TransitionStep;

export const conflict = (reference: string) =>
  new DeskFault(
    'conflict',
    `request ${reference} was changed by someone else since you opened it; it has been reloaded`,
    `تغير الطلب ${reference} من مستخدم آخر منذ فتحه؛ أعيد تحميله`,
  );

/**
 * The request row. Inside a transaction on PostgreSQL it is locked until commit (FOR UPDATE): every
 * write to a request takes its row first and the audit chain's lock after, in that one order, so two
 * decisions on one request (a return writing its note, a reject) wait for each other instead of deadlocking.
 */
export async function loadRequest(trx: Trx | DeskDb, requestId: number): Promise<RequestRow> {
  let q = trx.selectFrom('requests').selectAll().where('id', '=', requestId);
  if (trx.isTransaction && dialectOf(trx) === 'postgres') q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw notFound(`request ${requestId}`, `الطلب ${requestId}`);
  return row;
}

/**
 * The request as the user last saw it (`version`): if another desk has changed it since, that is
 * the conflict to report, before any other refusal the newer state would cause.
 */
export async function loadAsSeen(trx: Trx | DeskDb, requestId: number, version: number): Promise<RequestRow> {
  const req = await loadRequest(trx, requestId);
  if (req.version !== version) throw conflict(req.reference);
  return req;
}

/**
 * Who signed first while the request waits for a second signature (0260): the approver who sent it there; kept by a
 * step that leaves it waiting (a reassignment), NULL once it leaves.
 */
function firstSigner(req: RequestRow, to: Status, actorId: number | null): number | null {
  if (to !== 'awaiting_second_signature') return null;
  return req.status === 'awaiting_second_signature' ? req.first_signer_id : actorId;
}

/** The status a request had when it was last claimed, so release puts it back where it was. */
async function claimedFrom(trx: Trx, requestId: number): Promise<Status | undefined> {
  return (await lastHistory(trx, requestId, { action: 'claim' }))?.from_status ?? undefined;
}

/**
 * Moves one request along the life cycle inside `trx`: the status change (guarded by
 * the request's version), its history row and its audit entry commit together.
 */
export async function applyTransition(trx: Trx, input: TransitionInput): Promise<{ from: Status; to: Status; request: RequestRow }> {
  const req = 'request' in input ? input.request : await loadRequest(trx, input.requestId);
  if ('expectedVersion' in input && input.expectedVersion !== null && req.version !== input.expectedVersion) throw conflict(req.reference);
  const from = req.status;
  const to = nextStatus(input.action, from, {
    service: req.service,
    fourEyes: input.fourEyes ?? false,
    claimedFrom: input.action === 'release' ? await claimedFrom(trx, req.id) : undefined,
  });
  // The SLA due day moves with the status (stops with the applicant, ends with the decision), in the same statement.
  const slaDueOn = await dueDayOf(
    trx,
    { id: req.id, service: input.set?.service ?? req.service, status: to, submitted_at: req.submitted_at },
    input.at,
    input.policy,
    { action: input.action, at: input.at },
  );
  const updated = await trx
    .updateTable('requests')
    .set({
      ...input.set,
      status: to,
      version: req.version + 1,
      updated_at: input.at,
      sla_due_on: slaDueOn,
      first_signer_id: firstSigner(req, to, input.actorId),
    })
    .where('id', '=', req.id)
    .where('version', '=', req.version)
    .returningAll()
    .executeTakeFirst();
  if (!updated) throw conflict(req.reference);
  await trx
    .insertInto('status_history')
    .values({
      request_id: req.id,
      action: input.action,
      from_status: from,
      to_status: to,
      actor_id: input.actorId,
      at: input.at,
      reason_code: input.reasonCode ?? null,
      reason: input.reason ?? null,
      policy_version: input.policyVersion ?? null,
    })
    .execute();
  await appendAudit(trx, {
    at: input.at,
    actorId: input.actorId,
    action: `request.${input.action}`,
    entity: 'request',
    entityId: req.id,
    data: {
      reference: req.reference,
      from,
      to,
      version: req.version + 1,
      reasonCode: input.reasonCode ?? null,
      reason: input.reason ?? null,
      policyVersion: input.policyVersion ?? null,
      set: input.set ?? {},
    },
  });
  // Leaving review closes the request's open question (referral-closing.ts).
  if (from === 'in_review' && to !== 'in_review')
    await closeOpenReferrals(trx, { requestId: req.id, reference: req.reference, action: input.action, actorId: input.actorId, at: input.at });
  return { from, to, request: updated };
}
