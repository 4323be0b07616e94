/**
 * Who may do what to a request now: one rule per action kind, used twice. The case view lists the kinds
 * whose rule passes (so the screen shows only what would be accepted), and each decision calls the same
 * rule inside its transaction on the row it read (so the list and the refusals cannot drift apart).
 */
import type { CaseActionKind, Role } from '../../../shared/domain';
import { CASE_ACTION_KINDS, ruleTitle } from '../../../shared/domain';
import type { RequestRow } from '../db/schema';
import { DeskFault } from '../errors';
import { mustTransition, type CaseAction } from './lifecycle';
import { mayWriteNote } from './note-rules';
import { lastHistory } from './last-history';
import { sponsoredBy } from '../auth/four-eyes';
import type { Trx } from './apply-transition';
import type { DeskDb } from '../db/connection';
import { REFERRAL_RULES } from './referral-rules';
import type { ActionSubject, ActionUser, Rule } from './action-subject';

/** Rules as the Arabic reader knows them (the checks tab's titles), not the handbook's ids. */
const titlesAr = (rules: readonly string[]) => rules.map((r) => ruleTitle(r).ar).join('، ');

const has = (user: ActionUser, ...roles: Role[]) => roles.some((r) => user.roles.includes(r));

function mustDecide(user: ActionUser): void {
  if (!has(user, 'reviewer', 'approver'))
    throw new DeskFault('forbidden', 'only reviewers and approvers decide on requests', 'لا يبت في الطلبات إلا المراجعون والمعتمدون');
}

/** A decision belongs to whoever holds the request; nobody decides on another's claim. */
function mustHold(s: ActionSubject, user: ActionUser): void {
  if (s.assigneeId !== user.id) {
    throw new DeskFault(
      'forbidden',
      s.assigneeId === null ? `claim request ${s.reference} before deciding on it` : `request ${s.reference} is claimed by another reviewer`,
      s.assigneeId === null ? `استلم الطلب ${s.reference} قبل اتخاذ قرار فيه` : `الطلب ${s.reference} مستلم من مراجع آخر`,
    );
  }
}

const moves = (action: CaseAction, s: ActionSubject) => mustTransition(action, s.status, { service: s.service, fourEyes: false });

const RULES: Record<CaseActionKind, Rule> = {
  claim: (s, u) => {
    mustDecide(u);
    moves('claim', s);
  },
  release: (s, u) => {
    mustDecide(u);
    // An approver (or an admin) may put back a request another reviewer holds.
    if (!has(u, 'approver', 'admin')) mustHold(s, u);
    moves('release', s);
  },
  return: (s, u) => {
    mustDecide(u);
    mustHold(s, u);
    moves('return_to_applicant', s);
  },
  approve: (s, u) => {
    mustDecide(u);
    mustHold(s, u);
    moves('approve', s);
    if (s.failedChecks.length > 0 && !s.overrideOffered)
      throw new DeskFault(
        'checks_failed',
        `approval is refused while checks fail: ${s.failedChecks.join(', ')}. Return it to the applicant, or an approver may override with a justification.`,
        `لا يمكن الاعتماد مع وجود شروط غير مستوفاة: ${titlesAr(s.failedChecks)}. أعد الطلب للممارس، أو يتجاوزها معتمد مع التسبيب.`,
      );
    if (s.failedChecks.length > 0 && !has(u, 'approver'))
      throw new DeskFault('forbidden', 'only an approver may override a failed check', 'تجاوز الشرط غير المستوفى للمعتمد فقط');
  },
  countersign: (s, u) => {
    if (!has(u, 'approver')) throw new DeskFault('forbidden', 'only an approver gives the second signature', 'الاعتماد الثاني للمعتمد فقط');
    moves('countersign', s);
    if (s.firstSignerId === u.id)
      throw new DeskFault(
        'forbidden',
        'the second signature must come from another user than the first',
        'يجب أن يكون الاعتماد الثاني من مستخدم غير المعتمد الأول',
      );
    if (s.sponsoredByFirstSigner)
      throw new DeskFault(
        'forbidden',
        'the second signature cannot come from a user the first signer created, gave a role to or reset the password of',
        'لا يجوز أن يأتي الاعتماد الثاني من مستخدم أنشأه المعتمد الأول أو منحه صلاحية أو أعاد تعيين كلمة مروره',
      );
    if (s.unoverriddenChecks.length > 0)
      throw new DeskFault(
        'checks_failed',
        `the second signature is refused: ${s.unoverriddenChecks.join(', ')} fails and the first approval did not override it; reject the request with the reason.`,
        `لا يمكن الاعتماد الثاني: الشرط ${titlesAr(s.unoverriddenChecks)} غير مستوفى ولم يتجاوزه الاعتماد الأول؛ ارفض الطلب مع ذكر السبب.`,
      );
  },
  reject: (s, u) => {
    mustDecide(u);
    // A four-eyes request waiting for its second signature may be rejected by the approver reading it.
    if (s.status !== 'awaiting_second_signature') mustHold(s, u);
    else if (!has(u, 'approver'))
      throw new DeskFault('forbidden', 'only an approver can reject at the second signature', 'الرفض عند الاعتماد الثاني للمعتمد فقط');
    moves('reject', s);
  },
  answer: (s, u) => {
    mustDecide(u);
    mustHold(s, u);
    if (s.service !== 'INQUIRY')
      throw new DeskFault(
        'invalid_transition',
        `request ${s.reference} is ${s.service}: only an inquiry is answered and closed; decide it by approving or rejecting`,
        `الطلب ${s.reference} ليس استفساراً؛ يبت فيه بالاعتماد أو الرفض`,
      );
    moves('answer', s);
  },
  reroute: (s, u) => {
    mustDecide(u);
    mustHold(s, u);
    moves('reroute', s);
  },
  reassign: (s, u) => {
    if (!has(u, 'approver', 'admin'))
      throw new DeskFault('forbidden', 'only approvers and administrators assign requests', 'إسناد الطلبات للمعتمدين والمشرفين فقط');
    moves('reassign', s);
  },
  note_internal: (s, u) => mayWriteNote({ id: s.id, reference: s.reference, status: s.status, assignee_id: s.assigneeId }, u, 'internal'),
  note_to_applicant: (s, u) => mayWriteNote({ id: s.id, reference: s.reference, status: s.status, assignee_id: s.assigneeId }, u, 'to_applicant'),
  ...REFERRAL_RULES,
};

/** Why `user` may not take `kind` on the request, or null when they may. */
export function refusal(kind: CaseActionKind, s: ActionSubject, user: ActionUser): DeskFault | null {
  try {
    RULES[kind](s, user);
    return null;
  } catch (e) {
    if (e instanceof DeskFault) return e;
    throw e;
  }
}

/** Every kind `user` may take on the request now, in the order of CASE_ACTION_KINDS. */
export function allowedActions(s: ActionSubject, user: ActionUser): CaseActionKind[] {
  return CASE_ACTION_KINDS.filter((k) => refusal(k, s, user) === null);
}

/** The decisions' precondition: refuses with the rule's own words unless `user` may take `kind` now. */
export function mustBeAllowed(kind: CaseActionKind, s: ActionSubject, user: ActionUser): void {
  RULES[kind](s, user);
}

/** The subject of a request row as read; rules that need more get it in `extra`. */
export function subjectOf(
  req: Pick<RequestRow, 'id' | 'reference' | 'status' | 'service' | 'assignee_id'>,
  extra: Partial<
    Pick<ActionSubject, 'failedChecks' | 'overrideOffered' | 'unoverriddenChecks' | 'firstSignerId' | 'sponsoredByFirstSigner' | 'openReferral'>
  > = {},
): ActionSubject {
  return {
    id: req.id,
    reference: req.reference,
    status: req.status,
    service: req.service,
    assigneeId: req.assignee_id,
    failedChecks: extra.failedChecks ?? [],
    overrideOffered: extra.overrideOffered ?? false,
    unoverriddenChecks: extra.unoverriddenChecks ?? [],
    firstSignerId: extra.firstSignerId ?? null,
    sponsoredByFirstSigner: extra.sponsoredByFirstSigner ?? false,
    openReferral: extra.openReferral ?? null,
  };
}

/** The second signature's facts: who signed first, and whether they sponsored `userId` (auth/four-eyes.ts). */
export async function countersignFacts(
  db: Trx | DeskDb,
  requestId: number,
  userId: number,
): Promise<Pick<ActionSubject, 'firstSignerId' | 'sponsoredByFirstSigner'>> {
  const firstSignerId = (await lastHistory(db, requestId, { action: 'approve' }))?.actor_id ?? null;
  const sponsored = firstSignerId !== null && firstSignerId !== userId && (await sponsoredBy(db, userId, firstSignerId));
  return { firstSignerId, sponsoredByFirstSigner: sponsored };
}
