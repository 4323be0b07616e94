/** Two requests side by side for the compare page, with what the duplicate signals compare between them. */
import type { DeskDb } from '../db/connection';
import type { CompareSide, CompareView } from '../../../shared/domain';
import { notFound } from '../errors';
import { parseSnapshot } from '../cases/applicant-snapshot';
import { anyNamesAgree } from './name-key';
import { idKey } from './person-index';
import { hammingDistance } from './photo-hash';

async function side(db: DeskDb, requestId: number): Promise<CompareSide> {
  const r = await db
    .selectFrom('requests')
    .select(['id', 'reference', 'service', 'status', 'submitted_at', 'applicant_snapshot'])
    .where('id', '=', requestId)
    .executeTakeFirst();
  if (!r) throw notFound(`request ${requestId}`, `الطلب ${requestId}`);
  const a = parseSnapshot(r.applicant_snapshot);
  const attachments = await db
    .selectFrom('attachments as a')
    .innerJoin('attachment_blobs as b', 'b.sha256', 'a.sha256')
    .select(['a.id', 'a.kind', 'a.file_name', 'a.sha256', 'b.mime'])
    .where('a.request_id', '=', requestId)
    .orderBy('a.id')
    .execute();
  return {
    requestId: r.id,
    reference: r.reference,
    service: r.service,
    status: r.status,
    submittedAt: r.submitted_at,
    applicant: {
      nameAr: a.nameAr,
      nameEn: a.nameEn,
      idType: a.idType,
      idNumber: a.idNumber,
      birthDate: a.birthDate,
      nationality: a.nationality,
      gender: a.gender,
    },
    attachments: attachments.map((x) => ({ id: x.id, kind: x.kind, fileName: x.file_name, mime: x.mime, sha256: x.sha256 })),
  };
}

export async function compareRequests(db: DeskDb, a: number, b: number): Promise<CompareView> {
  const [left, right] = [await side(db, a), await side(db, b)];
  const rightFiles = new Set(right.attachments.map((x) => x.sha256));
  const photo = async (s: CompareSide) => {
    const p = s.attachments.find((x) => x.kind === 'photo');
    if (!p) return null;
    return (await db.selectFrom('photo_hashes').select('hash').where('sha256', '=', p.sha256).executeTakeFirst())?.hash ?? null;
  };
  const [pl, pr] = [await photo(left), await photo(right)];
  return {
    sides: [left, right],
    sameIdNumber: idKey(left.applicant.idNumber) === idKey(right.applicant.idNumber),
    namesAgree: anyNamesAgree([left.applicant.nameAr, left.applicant.nameEn], [right.applicant.nameAr, right.applicant.nameEn]),
    birthDaysApart: Math.abs(Date.parse(left.applicant.birthDate) - Date.parse(right.applicant.birthDate)) / 86_400_000,
    sharedFiles: [...new Set(left.attachments.map((x) => x.sha256).filter((h) => rightFiles.has(h)))],
    photoDistanceBits: pl && pr ? hammingDistance(pl, pr) : null,
  };
}
