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
import type {
  CaseReferrals,
  QuestionForMe,
  ReferralColleague,
  ReferralMark,
  ReferralPerson,
  ReferralView,
  Service,
  Status,
  UserInfo,
} from '../../../shared/domain';
import { actionLabel } from '../../../shared/domain';
import { DeskFault } from '../errors';
import { appendAudit } from '../audit/chain';
import { loadRequest, type Trx } from './apply-transition';
import { mustBeAllowed, refusal, subjectOf, type OpenReferralFact } from './allowed-actions';
import { openReferralFact } from './referral-facts';
import type { Actor } from './decisions';

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
  if (!first) throw new DeskFault('not_found', `question ${referralId} was not found`, `السؤال ${referralId} غير موجود`);
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

/** A case's questions, newest first, with what the caller may do about each and whether they may ask one now. */
export async function caseReferrals(db: DeskDb, requestId: number, viewer: UserInfo): Promise<CaseReferrals> {
  const req = await loadRequest(db, requestId);
  const rows = await db.selectFrom('referrals').selectAll().where('request_id', '=', requestId).orderBy('id', 'desc').execute();
  const people = await peopleOf(
    db,
    rows.flatMap((r) => [r.asked_by, r.addressee_id, r.answered_by, r.closed_by]),
  );
  const person = (id: number | null): ReferralPerson | null => (id === null ? null : { id, displayName: people.get(id) ?? '?' });
  const open = rows.find((r) => r.state === 'open');
  const fact: OpenReferralFact | null = open ? { askedBy: open.asked_by, addresseeId: open.addressee_id } : null;
  const subject = subjectOf(req, { openReferral: fact });
  const may = (kind: 'answer_referral' | 'withdraw_referral') => refusal(kind, subject, viewer) === null;
  return {
    mayAsk: refusal('refer', subject, viewer) === null,
    referrals: rows.map((r): ReferralView => ({
      id: r.id,
      requestId: r.request_id,
      question: r.question,
      askedBy: person(r.asked_by)!,
      askedAt: r.asked_at,
      addressee: person(r.addressee_id),
      state: r.state,
      answer: r.answer,
      answeredBy: person(r.answered_by),
      answeredAt: r.answered_at,
      closedBy: person(r.closed_by),
      closedAt: r.closed_at,
      closedReason: r.closed_reason,
      mayAnswer: r.state === 'open' && may('answer_referral'),
      mayWithdraw: r.state === 'open' && may('withdraw_referral'),
    })),
  };
}

async function peopleOf(db: Db, ids: Array<number | null>): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((x): x is number => x !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', wanted).execute();
  return new Map(rows.map((u) => [u.id, u.display_name]));
}

/** The open questions the user may answer: asked of them by name, or of any approver when they are one (never their own). */
function waitingFor(db: Db, user: UserInfo) {
  const approver = user.roles.includes('approver');
  return db
    .selectFrom('referrals as r')
    .where('r.state', '=', 'open')
    .where('r.asked_by', '!=', user.id)
    .where((eb) => (approver ? eb.or([eb('r.addressee_id', '=', user.id), eb('r.addressee_id', 'is', null)]) : eb('r.addressee_id', '=', user.id)));
}

/** "Questions for me": oldest question first (it has waited longest). */
export async function questionsForMe(db: DeskDb, user: UserInfo): Promise<QuestionForMe[]> {
  const rows = await waitingFor(db, user)
    .innerJoin('requests as q', 'q.id', 'r.request_id')
    .innerJoin('practitioners as p', 'p.id', 'q.practitioner_id')
    .innerJoin('users as asker', 'asker.id', 'r.asked_by')
    .select([
      'r.id',
      'r.request_id',
      'r.question',
      'r.asked_at',
      'r.asked_by',
      'r.addressee_id',
      'asker.display_name',
      'q.reference',
      'q.service',
      'q.status',
      'p.name_ar',
      'p.name_en',
    ])
    .orderBy('r.asked_at')
    .orderBy('r.id')
    .limit(500)
    .execute();
  return rows.map((r) => ({
    referralId: r.id,
    requestId: r.request_id,
    reference: r.reference,
    service: r.service as Service,
    status: r.status as Status,
    nameAr: r.name_ar,
    nameEn: r.name_en,
    question: r.question,
    askedBy: { id: r.asked_by, displayName: r.display_name },
    askedAt: r.asked_at,
    toAnyApprover: r.addressee_id === null,
  }));
}

/** The navigation's count of "Questions for me". */
export async function questionsWaitingCount(db: DeskDb, user: UserInfo): Promise<number> {
  return Number(
    (
      await waitingFor(db, user)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
}

/** Whom `user` may ask: every active reviewer or approver but themselves, approvers first, then by name. */
export async function colleaguesOf(db: Db, user: Pick<UserInfo, 'id'>): Promise<ReferralColleague[]> {
  const rows = await db
    .selectFrom('users as u')
    .innerJoin('user_roles as ur', 'ur.user_id', 'u.id')
    .select(['u.id', 'u.display_name', 'ur.role'])
    .where('u.active', '=', 1)
    .where('u.id', '!=', user.id)
    .where('ur.role', 'in', ['reviewer', 'approver'])
    .execute();
  const byId = new Map<number, ReferralColleague>();
  for (const r of rows) {
    const c = byId.get(r.id) ?? { id: r.id, displayName: r.display_name, approver: false };
    if (r.role === 'approver') c.approver = true;
    byId.set(r.id, c);
  }
  return [...byId.values()].sort((x, y) => Number(y.approver) - Number(x.approver) || x.displayName.localeCompare(y.displayName));
}

/**
 * What each listed request's latest question says, for its queue row: `open` while it waits, `answered`
 * once answered. Only for a request in review, and a question its holder asked (a question of a decided
 * request, or of an earlier holder, is history on the case, not work in a queue).
 */
export async function referralMarks(
  db: DeskDb,
  rows: ReadonlyArray<{ id: number; status: string; assigneeId: number | null }>,
): Promise<Map<number, ReferralMark>> {
  const holders = new Map(rows.filter((r) => r.status === 'in_review' && r.assigneeId !== null).map((r) => [r.id, r.assigneeId!]));
  if (holders.size === 0) return new Map();
  const found = await db
    .selectFrom('referrals')
    .select(['request_id', 'asked_by', 'state'])
    .where('request_id', 'in', [...holders.keys()])
    .orderBy('id')
    .execute();
  // Ordered by id: the newest question of each request is the one that counts.
  const newest = new Map(found.map((r) => [r.request_id, r]));
  const marks = new Map<number, ReferralMark>();
  for (const [requestId, r] of newest)
    if (r.asked_by === holders.get(requestId) && (r.state === 'open' || r.state === 'answered')) marks.set(requestId, r.state);
  return marks;
}
