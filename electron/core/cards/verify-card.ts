import type { DeskDb } from '../db/connection';
import type { CardSigner } from '../documents/card-signing';
import { SERVICE_LABELS, type CardVerification } from '../../../shared/domain';
import { trustedSigningKeys } from './signing-keys';

/**
 * What a QR payload says about a card: forged (signed by no desk of this database, or altered),
 * void (replaced, withdrawn or not on record), expired, or valid. A holder's ID is never shown
 * in full to someone who only scanned a card.
 */
export async function verifyCard(db: DeskDb, signer: CardSigner, payload: string, today: string): Promise<CardVerification> {
  let read = signer.read(payload);
  // Printed at another desk on the same database: its public key is on record.
  if (read && !read.signatureValid) read = signer.read(payload, await trustedSigningKeys(db, signer));
  if (!read || !read.signatureValid) return { verdict: 'forged' };
  const { number, holderId, date } = read.fields;
  if (read.fields.kind === 'D') return verifyDocument(db, number, holderId, date);
  const card = await db
    .selectFrom('cards as c')
    .innerJoin('requests as r', 'r.id', 'c.request_id')
    .innerJoin('practitioners as p', 'p.id', 'r.practitioner_id')
    .select(['c.id', 'c.number', 'c.status', 'c.expires_at', 'c.issued_at', 'c.printed_at', 'p.name_ar', 'p.name_en', 'p.id_number'])
    .where('c.number', '=', number)
    .executeTakeFirst();
  if (!card || card.id_number !== holderId || card.expires_at !== date) return { verdict: 'void', number, kind: 'card', reason: 'not_on_record' };
  // A number issued by an older desk's print preview, never confirmed printed, is no card.
  if (card.printed_at === null) return { verdict: 'void', number, kind: 'card', reason: 'not_on_record' };
  const holder = { nameAr: card.name_ar, nameEn: card.name_en, idMasked: maskId(card.id_number) };
  const base = { number, kind: 'card' as const, holder, issuedAt: card.issued_at, expiresAt: card.expires_at };
  if (card.status !== 'active') {
    const replacement = await db.selectFrom('cards').select('number').where('replaces_card_id', '=', card.id).executeTakeFirst();
    return { verdict: 'void', ...base, reason: replacement ? 'replaced' : 'withdrawn', replacedBy: replacement?.number };
  }
  if (card.expires_at < today) return { verdict: 'expired', ...base };
  return { verdict: 'valid', ...base };
}

/**
 * One line for the command line, worded by what the payload names: a card ("VALID card C-…,
 * expires …") or an issued letter or certificate ("VALID document REQ-… (Good standing), issued …").
 */
export function verificationSummary(v: CardVerification): string {
  if (v.verdict === 'forged') return 'FORGED: the signature does not verify (signed by no desk of this database, or altered)';
  const what =
    v.kind === 'document' ? `document ${v.number}${v.service ? ` (${SERVICE_LABELS[v.service]?.en ?? v.service})` : ''}` : `card ${v.number}`;
  const who = v.holder ? ` — ${v.holder.nameEn} / ${v.holder.nameAr} (ID ${v.holder.idMasked})` : '';
  const when = v.kind === 'document' ? (v.issuedAt ? `, issued ${v.issuedAt}` : '') : v.expiresAt ? `, expires ${v.expiresAt}` : '';
  const why = v.reason ? ` (${v.reason.replaceAll('_', ' ')}${v.replacedBy ? ` by ${v.replacedBy}` : ''})` : '';
  return `${v.verdict.toUpperCase()} ${what}${who}${when}${why}`;
}

export const maskId = (id: string): string => (id.length <= 4 ? '****' : `${'*'.repeat(id.length - 4)}${id.slice(-4)}`);

/** An issued letter or certificate: genuine while its request stands as issued (they do not expire). */
async function verifyDocument(db: DeskDb, reference: string, holderId: string, issuedAt: string): Promise<CardVerification> {
  const r = await db
    .selectFrom('requests as r')
    .innerJoin('practitioners as p', 'p.id', 'r.practitioner_id')
    .select(['r.status', 'r.service', 'p.name_ar', 'p.name_en', 'p.id_number'])
    .where('r.reference', '=', reference)
    .executeTakeFirst();
  if (!r || r.id_number !== holderId) return { verdict: 'void', number: reference, kind: 'document', reason: 'not_on_record' };
  const holder = { nameAr: r.name_ar, nameEn: r.name_en, idMasked: maskId(r.id_number) };
  const base = { number: reference, kind: 'document' as const, service: r.service, holder, issuedAt };
  return r.status === 'document_issued' ? { verdict: 'valid', ...base } : { verdict: 'void', ...base, reason: 'withdrawn' };
}
