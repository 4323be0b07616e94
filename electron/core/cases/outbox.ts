import type { DeskDb } from '../db/connection';
import type { OutboxMessage } from '../../../shared/domain';

/** The newest applicant e-mails first; sending is a transport configured elsewhere (off by default). */
export async function listOutbox(db: DeskDb, limit: number): Promise<OutboxMessage[]> {
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
    to: r.to_address,
    subjectAr: r.subject_ar,
    subjectEn: r.subject_en,
    bodyAr: r.body_ar,
    bodyEn: r.body_en,
    createdAt: r.created_at,
    sentAt: r.sent_at,
  }));
}
