/**
 * The other requests holding a file with this SHA-256: the reused-attachment signal and the CPD
 * engineer's "same certificate on several requests" trigger both ask it. attachments.sha256 is indexed
 * (attachments_sha256, migration 0010), so this is one index range per file however many requests exist.
 */
import type { DeskDb } from '../db/connection';

export interface SameFileHolder {
  requestId: number;
  reference: string;
  /** The applicant's ID number as submitted on that request (its snapshot, not the practitioner record). */
  idNumber: string;
  attachmentId: number;
  fileName: string;
}

/** Ordered by request then attachment; `exceptRequestId` (the request being judged) is left out; null keeps all. */
export async function requestsWithSameFile(db: DeskDb, sha256: string, exceptRequestId: number | null): Promise<SameFileHolder[]> {
  let q = db
    .selectFrom('attachments as a')
    .innerJoin('requests as r', 'r.id', 'a.request_id')
    .innerJoin('practitioners as p', 'p.id', 'r.practitioner_id')
    .select(['r.id as requestId', 'r.reference', 'r.applicant_snapshot', 'p.id_number', 'a.id as attachmentId', 'a.file_name'])
    .where('a.sha256', '=', sha256);
  if (exceptRequestId !== null) q = q.where('a.request_id', '<>', exceptRequestId);
  const rows = await q.orderBy('r.id').orderBy('a.id').limit(200).execute();
  return rows.map((r) => ({
    requestId: r.requestId,
    reference: r.reference,
    idNumber: snapshotIdNumber(r.applicant_snapshot) ?? r.id_number,
    attachmentId: r.attachmentId,
    fileName: r.file_name,
  }));
}

function snapshotIdNumber(json: string): string | null {
  try {
    const v = (JSON.parse(json) as { idNumber?: unknown }).idNumber;
    return typeof v === 'string' ? v : null;
  } catch {
    return null;
  }
}
