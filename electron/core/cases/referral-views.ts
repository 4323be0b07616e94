/**
 * Referrals as the desk shows them (issue #17): a case's questions with what the caller may do about each,
 * the questions waiting for the caller, whom they may ask, and the Mine queue's marks. Reads only.
 */
import type { DeskDb } from '../db/connection';
import type { CaseReferrals, QuestionForMe, ReferralColleague, ReferralMark, ReferralPerson, ReferralView, UserInfo } from '../../../shared/domain';
import { loadRequest } from './apply-transition';
import { refusal, subjectOf } from './allowed-actions';
import type { OpenReferralFact } from './action-subject';
import type { Database } from '../db/schema';
import type { Kysely, Transaction } from 'kysely';

type Db = Kysely<Database> | Transaction<Database>;

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
    service: r.service,
    status: r.status,
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
