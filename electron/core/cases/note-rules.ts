/** Who may write which note on a request, judged on the request as read inside the writing transaction. */
import type { NoteKind, UserInfo } from '../../../shared/domain';
import { FINAL_STATUSES } from '../../../shared/domain';
import type { RequestRow } from '../db/schema';
import { DeskFault } from '../errors';

export type NoteTarget = Pick<RequestRow, 'id' | 'reference' | 'status' | 'assignee_id'>;

/**
 * A note to the applicant goes out with its holder's return, so only the holder of a request in
 * review writes one; an internal note is for any reviewer or approver while the request is open.
 */
export function mayWriteNote(req: NoteTarget, user: Pick<UserInfo, 'id' | 'roles'>, kind: NoteKind): void {
  if (!user.roles.includes('reviewer') && !user.roles.includes('approver'))
    throw new DeskFault('forbidden', 'only reviewers and approvers write notes on a request', 'لا يكتب الملاحظات إلا المراجعون والمعتمدون');
  if (FINAL_STATUSES.includes(req.status))
    throw new DeskFault(
      'invalid_transition',
      `request ${req.reference} is closed (${req.status}); notes are written on open requests only`,
      `الطلب ${req.reference} مغلق؛ لا تضاف الملاحظات إلا على الطلبات المفتوحة`,
    );
  if (kind !== 'to_applicant') return;
  if (req.status !== 'in_review')
    throw new DeskFault(
      'invalid_transition',
      `request ${req.reference} is not in review; a note to the applicant is written while reviewing it`,
      `الطلب ${req.reference} ليس قيد المراجعة؛ تكتب الملاحظة للممارس أثناء مراجعته`,
    );
  if (req.assignee_id !== user.id)
    throw new DeskFault(
      'forbidden',
      req.assignee_id === null
        ? `claim request ${req.reference} before writing to the applicant`
        : `request ${req.reference} is held by another reviewer; only its holder writes to the applicant`,
      req.assignee_id === null
        ? `استلم الطلب ${req.reference} قبل الكتابة للممارس`
        : `الطلب ${req.reference} مستلم من مراجع آخر؛ لا يكتب للممارس إلا مستلمه`,
    );
}
