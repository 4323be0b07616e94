/**
 * Builds the SignalSubject every signal judges, once per run: from a stored request (the case view) or
 * from a bundle not yet imported (`desk check`). Bytes are read lazily, only by the signals that need them
 * (PDF structure, photo hash, OCR), so a case opens without reading every file.
 */
import type { DeskDb } from '../db/connection';
import type { BlobStore } from '../blobs/blob-store';
import { attachmentBytes } from '../blobs/attachment-blobs';
import { parseSnapshot } from '../cases/applicant-snapshot';
import type { ValidBundle } from '../intake/validate-bundle';
import { DeskFault, notFound } from '../errors';
import type { SignalSubject, SubjectAttachment } from './signal';

/** The request, its applicant as submitted, its attachments (bytes through `blobs`) and CPD activities. */
export async function subjectFromRequest(db: DeskDb, requestId: number, blobs: BlobStore): Promise<SignalSubject> {
  const req = await db
    .selectFrom('requests')
    .select(['id', 'reference', 'service', 'submitted_at', 'applicant_snapshot'])
    .where('id', '=', requestId)
    .executeTakeFirst();
  if (!req) throw notFound(`request ${requestId}`, `الطلب ${requestId}`);
  const [attachments, cpd] = await Promise.all([
    db
      .selectFrom('attachments as a')
      .innerJoin('attachment_blobs as b', 'b.sha256', 'a.sha256')
      .select(['a.id', 'a.kind', 'a.file_name', 'a.sha256', 'a.issued_at', 'a.uploaded_at', 'b.mime'])
      .where('a.request_id', '=', requestId)
      .orderBy('a.id')
      .execute(),
    db
      .selectFrom('cpd_activities')
      .select(['title', 'provider', 'hours', 'date', 'kind'])
      .where('request_id', '=', requestId)
      .orderBy('date')
      .orderBy('id')
      .execute(),
  ]);
  const a = parseSnapshot(req.applicant_snapshot);
  return {
    requestId: req.id,
    reference: req.reference,
    service: req.service,
    submittedAt: req.submitted_at,
    applicant: {
      idType: a.idType,
      idNumber: a.idNumber,
      nameAr: a.nameAr,
      nameEn: a.nameEn,
      birthDate: a.birthDate,
      nationality: a.nationality,
      card: a.card ? { expiresAt: a.card.expiresAt } : null,
    },
    attachments: attachments.map((r): SubjectAttachment => ({
      id: r.id,
      kind: r.kind,
      fileName: r.file_name,
      mime: r.mime,
      sha256: r.sha256,
      issuedAt: r.issued_at,
      uploadedAt: r.uploaded_at,
      bytes: async () => {
        // Read at call time: the row may keep the bytes itself (database store) or name them in the store.
        const row = await db
          .selectFrom('attachment_blobs')
          .select(['sha256', 'data', 'stored'])
          .where('sha256', '=', r.sha256)
          .executeTakeFirstOrThrow();
        return attachmentBytes(blobs, row, { reference: req.reference, fileName: r.file_name });
      },
    })),
    cpd,
  };
}

/** A validated bundle before import: no request id, its reference if it carries one, bytes from memory. */
export function subjectFromBundle(bundle: ValidBundle): SignalSubject {
  const r = bundle.request;
  return {
    requestId: null,
    reference: r.reference ?? bundle.name,
    service: r.service,
    submittedAt: r.submittedAt,
    applicant: {
      idType: r.applicant.idType,
      idNumber: r.applicant.idNumber,
      nameAr: r.applicant.nameAr,
      nameEn: r.applicant.nameEn,
      birthDate: r.applicant.birthDate,
      nationality: r.applicant.nationality,
      card: r.applicant.card ? { expiresAt: r.applicant.card.expiresAt } : null,
    },
    attachments: r.attachments.map((att): SubjectAttachment => {
      const path = att.file.replace(/\\/g, '/').replace(/^\.\//, '');
      const file = bundle.files.get(path);
      // validateBundle refuses a bundle naming a file it lacks; this only guards a hand-made ValidBundle.
      if (!file) throw new DeskFault('bad_input', `attachment file ${path} is not in the bundle`, `ملف المرفق ${path} غير موجود في الحزمة`);
      return {
        id: null,
        kind: att.kind,
        fileName: path.split('/').pop() ?? path,
        mime: file.mime,
        sha256: file.sha256,
        issuedAt: att.issuedAt ?? null,
        uploadedAt: r.submittedAt,
        bytes: () => Promise.resolve(file.bytes),
      };
    }),
    cpd: r.cpd.activities.map((c) => ({ title: c.title, provider: c.provider, hours: c.hours, date: c.date, kind: c.kind })),
  };
}
