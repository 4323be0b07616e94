/**
 * Referrals (issue #17): the holder of a request in review asks a named colleague, or any approver, a
 * question on the case; the colleague's answer comes back to the holder (their Mine queue marks the
 * request "answered"). Every write locks the request's row first, as every write to a request does
 * (apply-transition.ts), then re-reads the question and re-checks who may act (referral-rules.ts) inside
 * its transaction: two answers at once give one answer and one clear refusal, never two answers.
 * One open question per request (also a partial unique index, migration 0180). A request leaving review
 * closes its open question (referral-closing.ts).
 */
import type { DeskDb } from '../db/connection';
import type { Database, ReferralsTable } from '../db/schema';
import type { Kysely, Selectable, Transaction, Updateable } from 'kysely';
import { actionLabel } from '../../../shared/domain';
import { DeskFault, notFound } from '../errors';
import { appendAudit } from '../audit/chain';
import { loadRequest, type Trx } from './apply-transition';
import { mustBeAllowed, subjectOf } from './allowed-actions';
import { openReferralFact } from './referral-facts';
import type { Actor } from '../actor';
import { colleaguesOf } from './referral-views';

type Db = Kysely<Database> | Transaction<Database>;
type ReferralRow = Selectable<ReferralsTable>;

/** Whom a question is for: a colleague by id, or any approver. */
export type Addressee = { userId: number } | 'any_approver';

/** Asks the question; answers the new referral's id. */
export async function askReferral(db: DeskDb, a: Actor, requestId: number, addressee: Addressee, question: string): Promise<number> {
  const at = a.clock.now().toISOString();
  return db.transaction().execute(async (trx) => {
    const req = await loadRequest(trx, requestId);
    const open = await trx
      .selectFrom('referrals as r')
      .leftJoin('users as u', 'u.id', 'r.addressee_id')
      .select(['r.asked_at', 'u.display_name'])
      .where('r.request_id', '=', requestId)
      .where('r.state', '=', 'open')
      .executeTakeFirst();
    // Said with whom it waits for, before the rule's shorter words.
    if (open && req.assignee_id === a.user.id && req.status === 'in_review')
      throw new DeskFault(
        'conflict',
        `request ${req.reference} already has an open question to ${open.display_name ?? 'any approver'}: wait for its answer or withdraw it first`,
        `على الطلب ${req.reference} سؤال مفتوح موجه إلى ${open.display_name ?? 'أي معتمد'}: انتظر الرد أو اسحبه أولاً`,
      );
    mustBeAllowed('refer', subjectOf(req, { openReferral: await openReferralFact(trx, requestId) }), a.user);
    let addresseeId: number | null = null;
    if (addressee !== 'any_approver') {
      if (addressee.userId === a.user.id)
        throw new DeskFault('bad_input', 'addressee: ask a colleague, not yourself', 'الموجه إليه: اسأل زميلاً لا نفسك');
      const colleague = (await colleaguesOf(trx, a.user)).find((c) => c.id === addressee.userId);
      if (!colleague)
        throw new DeskFault(
          'bad_input',
          `addressee: user ${addressee.userId} is not an active reviewer or approver`,
          `الموجه إليه: المستخدم ${addressee.userId} ليس مراجعاً أو معتمداً نشطاً`,
        );
      addresseeId = colleague.id;
    }
    const { id } = await trx
      .insertInto('referrals')
      .values({ request_id: requestId, asked_by: a.user.id, addressee_id: addresseeId, question, asked_at: at, state: 'open' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, {
      at,
      actorId: a.user.id,
      action: 'referral.ask',
      entity: 'request',
      entityId: requestId,
      data: { reference: req.reference, referralId: id, addresseeId, toAnyApprover: addresseeId === null, question },
    });
    return id;
  });
}

/** The referral and its request's row (locked on PostgreSQL), read again inside the transaction. */
async function lockedReferral(trx: Trx, referralId: number) {
  const first = await trx.selectFrom('referrals').select('request_id').where('id', '=', referralId).executeTakeFirst();
  if (!first) throw notFound(`question ${referralId}`, `السؤال ${referralId}`);
  // The request first, then the question read again: a concurrent answer or withdrawal has committed by now.
  const req = await loadRequest(trx, first.request_id);
  const r = await trx.selectFrom('referrals').selectAll().where('id', '=', referralId).executeTakeFirstOrThrow();
  return { req, r };
}

/** Why a question that is no longer open cannot be answered or withdrawn: who did what, when. */
async function notOpen(db: Db, r: ReferralRow): Promise<DeskFault> {
  const name = async (id: number | null) =>
    id === null ? null : ((await db.selectFrom('users').select('display_name').where('id', '=', id).executeTakeFirst())?.display_name ?? null);
  if (r.state === 'answered') {
    const who = (await name(r.answered_by)) ?? '?';
    return new DeskFault(
      'conflict',
      `this question was already answered by ${who} at ${r.answered_at}`,
      `أجاب ${who} عن هذا السؤال من قبل (${r.answered_at})`,
    );
  }
  if (r.state === 'withdrawn')
    return new DeskFault('conflict', `this question was withdrawn by its asker at ${r.closed_at}`, `سحب السائل هذا السؤال (${r.closed_at})`);
  const step = actionLabel(r.closed_reason ?? '');
  return new DeskFault(
    'conflict',
    `this question was closed when the request left review (${step.en}) at ${r.closed_at}`,
    `أغلق هذا السؤال لأن الطلب خرج من المراجعة (${step.ar}) في ${r.closed_at}`,
  );
}

/** The addressee (or, for "any approver", an approver other than the asker) answers, once. */
export async function answerReferral(db: DeskDb, a: Actor, referralId: number, answer: string): Promise<number> {
  const at = a.clock.now().toISOString();
  return db.transaction().execute(async (trx) => {
    const { req, r } = await lockedReferral(trx, referralId);
    if (r.state !== 'open') throw await notOpen(trx, r);
    mustBeAllowed('answer_referral', subjectOf(req, { openReferral: { askedBy: r.asked_by, addresseeId: r.addressee_id } }), a.user);
    await settleOpen(trx, referralId, { state: 'answered', answer, answered_by: a.user.id, answered_at: at });
    await appendAudit(trx, {
      at,
      actorId: a.user.id,
      action: 'referral.answer',
      entity: 'request',
      entityId: req.id,
      data: { reference: req.reference, referralId, askedBy: r.asked_by, answer },
    });
    return req.id;
  });
}

/**
 * Ends an open question (answered or withdrawn). Belt and braces: the row lock makes a second ending
 * unreachable, but one never overwrites another.
 */
async function settleOpen(trx: Trx, referralId: number, set: Updateable<Database['referrals']>): Promise<void> {
  const done = await trx.updateTable('referrals').set(set).where('id', '=', referralId).where('state', '=', 'open').executeTakeFirst();
  if (Number(done.numUpdatedRows) !== 1)
    throw await notOpen(trx, await trx.selectFrom('referrals').selectAll().where('id', '=', referralId).executeTakeFirstOrThrow());
}

/** Its asker takes the question back while it waits. */
export async function withdrawReferral(db: DeskDb, a: Actor, referralId: number): Promise<number> {
  const at = a.clock.now().toISOString();
  return db.transaction().execute(async (trx) => {
    const { req, r } = await lockedReferral(trx, referralId);
    if (r.state !== 'open') throw await notOpen(trx, r);
    mustBeAllowed('withdraw_referral', subjectOf(req, { openReferral: { askedBy: r.asked_by, addresseeId: r.addressee_id } }), a.user);
    await settleOpen(trx, referralId, { state: 'withdrawn', closed_by: a.user.id, closed_at: at });
    await appendAudit(trx, {
      at,
      actorId: a.user.id,
      action: 'referral.withdraw',
      entity: 'request',
      entityId: req.id,
      data: { reference: req.reference, referralId, question: r.question },
    });
    return req.id;
  });
}
