/**
 * The referral kinds of allowed-actions.ts: who may ask a question on a request, answer it, or withdraw it.
 * The case view lists them and referrals.ts checks the same rules inside its transactions.
 */
import { DeskFault } from '../errors';
import type { ActionSubject, Rule } from './action-subject';

type ReferralKind = 'refer' | 'answer_referral' | 'withdraw_referral';

const noOpenQuestion = (s: ActionSubject) =>
  new DeskFault('conflict', `request ${s.reference} has no open question`, `لا يوجد سؤال مفتوح على الطلب ${s.reference}`);

export const REFERRAL_RULES: Record<ReferralKind, Rule> = {
  /** The holder of a request in review, while no other question on it waits (one open question per request). */
  refer: (s, u) => {
    if (!u.roles.some((r) => r === 'reviewer' || r === 'approver'))
      throw new DeskFault('forbidden', 'only reviewers and approvers refer requests', 'إحالة الطلبات للمراجعين والمعتمدين فقط');
    if (s.status !== 'in_review')
      throw new DeskFault(
        'invalid_transition',
        `request ${s.reference} is not in review: only a request being reviewed can be referred with a question`,
        `الطلب ${s.reference} ليس قيد المراجعة: لا يحال بسؤال إلا طلب قيد المراجعة`,
      );
    if (s.assigneeId !== u.id)
      throw new DeskFault(
        'forbidden',
        s.assigneeId === null ? `claim request ${s.reference} before asking about it` : `only the holder of request ${s.reference} may ask about it`,
        s.assigneeId === null ? `استلم الطلب ${s.reference} قبل السؤال عنه` : `السؤال عن الطلب ${s.reference} لمن استلمه فقط`,
      );
    if (s.openReferral)
      throw new DeskFault(
        'conflict',
        `request ${s.reference} already has an open question: wait for its answer or withdraw it first`,
        `على الطلب ${s.reference} سؤال مفتوح: انتظر الرد أو اسحبه أولاً`,
      );
  },
  /** The colleague asked by name; for "any approver", any approver but the asker. Nobody answers their own question. */
  answer_referral: (s, u) => {
    const open = s.openReferral;
    if (!open) throw noOpenQuestion(s);
    if (open.askedBy === u.id)
      throw new DeskFault('forbidden', 'you asked this question: a colleague answers it', 'أنت من طرح هذا السؤال: يجيب عنه زميل');
    if (open.addresseeId !== null && open.addresseeId !== u.id)
      throw new DeskFault('forbidden', 'this question was asked of another colleague', 'هذا السؤال موجه إلى زميل آخر');
    if (open.addresseeId === null && !u.roles.includes('approver'))
      throw new DeskFault('forbidden', 'this question was asked of an approver', 'هذا السؤال موجه إلى معتمد');
  },
  /** Only its asker, while it waits. */
  withdraw_referral: (s, u) => {
    const open = s.openReferral;
    if (!open) throw noOpenQuestion(s);
    if (open.askedBy !== u.id)
      throw new DeskFault('forbidden', 'only the colleague who asked a question may withdraw it', 'لا يسحب السؤال إلا من طرحه');
  },
};
