import { HOLDER_COLUMNS, holderFacts } from './holder';
/** Issued letters and certificates: the A4 PDF of a request whose document was issued. */
import type { DeskDb } from '../db/connection';
import { isDocumentService, type Service } from '../../../shared/domain';
import { DeskFault } from '../errors';
import type { CardSigner } from '../documents/card-signing';
import type { LetterFacts } from '../documents/letter-facts';
import { letterPdf } from '../documents/letter-pdf';
import { riyadhDate } from '../cases/working-days';

export async function loadLetterFacts(db: DeskDb, signer: CardSigner, requestId: number): Promise<LetterFacts> {
  const r = await db
    .selectFrom('requests as r')
    .innerJoin('practitioners as p', 'p.id', 'r.practitioner_id')
    .select(['r.reference', 'r.service', 'r.status', 'r.employer_facility', ...HOLDER_COLUMNS])
    .where('r.id', '=', requestId)
    .executeTakeFirst();
  if (!r) throw new DeskFault('not_found', `request ${requestId} was not found`, `الطلب ${requestId} غير موجود`);
  if (!isDocumentService(r.service as Service))
    throw new DeskFault('bad_input', `request ${r.reference} does not issue a letter or certificate`, `الطلب ${r.reference} لا تصدر له وثيقة`);
  if (r.status !== 'document_issued')
    throw new DeskFault('invalid_transition', `request ${r.reference}'s document is not issued yet`, `لم تصدر وثيقة الطلب ${r.reference} بعد`);
  const issued = await db
    .selectFrom('status_history')
    .select('at')
    .where('request_id', '=', requestId)
    .where('to_status', '=', 'document_issued')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const issuedAt = riyadhDate(issued?.at ?? new Date().toISOString());
  return {
    service: r.service,
    reference: r.reference,
    issuedAt,
    ...holderFacts(r),
    facility: r.service === 'TRAINING_LETTER' ? r.employer_facility : null,
    qr: signer.payload({ kind: 'D', number: r.reference, holderId: r.id_number, date: issuedAt }),
  };
}

export async function issuedDocumentPdf(
  db: DeskDb,
  signer: CardSigner,
  requestId: number,
  now: Date,
): Promise<{ pdf: Uint8Array; fileName: string }> {
  const facts = await loadLetterFacts(db, signer, requestId);
  return { pdf: await letterPdf(facts, { now }), fileName: `${facts.reference}.pdf` };
}
