import type { DeskDb } from '../db/connection';
import type { OutboxMessage, UserInfo } from '../../../shared/domain';
import { visibilityOf } from '../auth/visibility';

/**
 * The newest applicant e-mails first; sending is a transport configured elsewhere (off by default).
 * Cut to the viewer's roles (auth/visibility.ts): the address only for roles that see contact details,
 * the body (notes to the applicant, reasons) only for roles that see what was written to the applicant.
 */
export async function listOutbox(db: DeskDb, limit: number, viewer: Pick<UserInfo, 'roles'>): Promise<OutboxMessage[]> {
  const v = visibilityOf(viewer);
  const rows = await db
    .selectFrom('outbox')
    .leftJoin('requests', 'requests.id', 'outbox.request_id')
    .select([
      'outbox.id',
      'outbox.request_id',
      'requests.reference',
      'outbox.to_address',
      'outbox.subject_ar',
      'outbox.subject_en',
      'outbox.body_ar',
      'outbox.body_en',
      'outbox.created_at',
      'outbox.sent_at',
    ])
    .orderBy('outbox.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    requestId: r.request_id,
    reference: r.reference,
    to: v.contact ? r.to_address : '',
    subjectAr: r.subject_ar,
    subjectEn: r.subject_en,
    bodyAr: v.applicantNotes ? r.body_ar : '',
    bodyEn: v.applicantNotes ? r.body_en : '',
    createdAt: r.created_at,
    sentAt: r.sent_at,
  }));
}
