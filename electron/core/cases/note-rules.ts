/** Who may write which note on a request, judged on the request as read inside the writing transaction. */
import type { NoteKind, Status, UserInfo } from '../../../shared/domain';
import { FINAL_STATUSES } from '../../../shared/domain';
import type { RequestRow } from '../db/schema';
import { dialectOf } from '../db/dialect';
import { DeskFault } from '../errors';
import type { Trx } from './apply-transition';

export type NoteTarget = Pick<RequestRow, 'id' | 'reference' | 'status' | 'assignee_id'>;

/**
 * A note to the applicant goes out with its holder's return, so only the holder of a request in
 * review writes one; an internal note is for any reviewer or approver while the request is open.
 */
export function mayWriteNote(req: NoteTarget, user: Pick<UserInfo, 'id' | 'roles'>, kind: NoteKind): void {
  if (!user.roles.includes('reviewer') && !user.roles.includes('approver'))
    throw new DeskFault('forbidden', 'only reviewers and approvers write notes on a request', 'لا يكتب الملاحظات إلا المراجعون والمعتمدون');
  if (FINAL_STATUSES.includes(req.status as Status))
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

/**
 * The request a note is about, read inside the note's transaction. On PostgreSQL the row stays locked
 * until the note commits, so a release, claim or return by another desk either waits for the note or
 * is read here as it committed; SQLite has one writer at a time already.
 */
export async function requestForNote(trx: Trx, requestId: number): Promise<NoteTarget> {
  let q = trx.selectFrom('requests').select(['id', 'reference', 'status', 'assignee_id']).where('id', '=', requestId);
  if (dialectOf(trx) === 'postgres') q = q.forUpdate();
  const req = await q.executeTakeFirst();
  if (!req) throw new DeskFault('not_found', `request ${requestId} was not found`, `الطلب ${requestId} غير موجود`);
  return req;
}
