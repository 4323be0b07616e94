/** Issued letters and certificates: the A4 PDF of a request whose document was issued. */
import { HOLDER_COLUMNS, holderFacts } from '../../cards/holder';
import type { DeskDb } from '../../db/connection';
import { isDocumentService } from '../../../../shared/domain';
import { DeskFault, notFound } from '../../errors';
import type { CardSigner } from '../card-signing';
import type { LetterFacts } from './letter-facts';
import { letterPdf } from './letter-pdf';
import { riyadhDate } from '../../time/riyadh-day';
import type { Trx } from '../../cases/apply-transition';
import { createHash } from 'node:crypto';
import { lastHistory } from '../../cases/last-history';

async function loadLetterFacts(db: DeskDb, signer: CardSigner, requestId: number): Promise<LetterFacts> {
  const r = await db
    .selectFrom('requests as r')
    .innerJoin('practitioners as p', 'p.id', 'r.practitioner_id')
    .select(['r.reference', 'r.service', 'r.status', 'r.employer_facility', 'p.gender', ...HOLDER_COLUMNS])
    .where('r.id', '=', requestId)
    .executeTakeFirst();
  if (!r) throw notFound(`request ${requestId}`, `الطلب ${requestId}`);
  if (!isDocumentService(r.service))
    throw new DeskFault('bad_input', `request ${r.reference} does not issue a letter or certificate`, `الطلب ${r.reference} لا تصدر له وثيقة`);
  if (r.status !== 'document_issued')
    throw new DeskFault('invalid_transition', `request ${r.reference}'s document is not issued yet`, `لم تصدر وثيقة الطلب ${r.reference} بعد`);
  const issued = await lastHistory(db, requestId, { toStatus: 'document_issued' });
  const issuedAt = riyadhDate(issued?.at ?? new Date().toISOString());
  return {
    service: r.service,
    reference: r.reference,
    issuedAt,
    ...holderFacts(r),
    facility: r.service === 'TRAINING_LETTER' ? r.employer_facility : null,
    qr: signer.payload({ kind: 'D', number: r.reference, holderId: r.id_number, date: issuedAt }),
    gender: r.gender === 'female' ? 'female' : 'male',
  };
}

/**
 * Generates the issued letter of a request that has just reached document_issued, inside `trx`, and keeps
 * it with the case: printed again later it is the same bytes. A letter already kept is left as it is.
 */
export async function keepIssuedLetter(trx: Trx, signer: CardSigner, requestId: number, actorId: number | null, at: string): Promise<void> {
  const kept = await trx.selectFrom('issued_documents').select('id').where('request_id', '=', requestId).executeTakeFirst();
  if (kept) return;
  const facts = await loadLetterFacts(trx, signer, requestId);
  const pdf = await letterPdf(facts, { now: new Date(at) });
  await trx
    .insertInto('issued_documents')
    .values({
      request_id: requestId,
      file_name: `${facts.reference}.pdf`,
      sha256: createHash('sha256').update(pdf).digest('hex'),
      pdf,
      issued_at: at,
      issued_by: actorId,
    })
    .onConflict((oc) => oc.column('request_id').doNothing())
    .execute();
}

/**
 * The letter kept with the case. A document issued before letters were kept (0090) gets its letter made
 * and kept on its first print, so from then on it too is printed again byte for byte.
 */
export async function storedLetterPdf(db: DeskDb, signer: CardSigner, requestId: number, now: Date): Promise<{ pdf: Uint8Array; fileName: string }> {
  const read = () => db.selectFrom('issued_documents').select(['pdf', 'file_name']).where('request_id', '=', requestId).executeTakeFirst();
  let row = await read();
  if (!row) {
    await db.transaction().execute((trx) => keepIssuedLetter(trx, signer, requestId, null, now.toISOString()));
    row = await read();
  }
  if (!row) throw notFound(`the issued document of request ${requestId}`, `الوثيقة الصادرة للطلب ${requestId}`, 'feminine');
  return { pdf: new Uint8Array(row.pdf), fileName: row.file_name };
}
