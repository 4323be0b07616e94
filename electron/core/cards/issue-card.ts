import { sql } from 'kysely';
import { isCardService, type Service, type Status } from '../../../shared/domain';
import type { Trx } from '../cases/apply-transition';
import type { DeskDb } from '../db/connection';
import { appendAudit } from '../audit/chain';
import { currentPolicy } from '../policy/current-policy';
import { riyadhDate } from '../time/riyadh-day';
import { plusMonths } from '../time/day-arithmetic';
import { DeskFault, notFound } from '../errors';
import { serialise } from '../db/dialect';

/** The request's card in force, if one was issued (read in the caller's transaction). */
export function activeCard(trx: Trx, requestId: number): Promise<{ id: number; number: string } | undefined> {
  return trx.selectFrom('cards').select(['id', 'number']).where('request_id', '=', requestId).where('status', '=', 'active').executeTakeFirst();
}

/** A request's card, issued the first time it is printed: C-YYYY-NNNNNN, valid for the policy's years. */
export async function ensureCard(trx: Trx, requestId: number, actorId: number | null, at: string): Promise<{ id: number; number: string }> {
  const existing = await activeCard(trx, requestId);
  if (existing) return existing;
  const req = await trx
    .selectFrom('requests')
    .select(['id', 'reference', 'service', 'status', 'practitioner_id'])
    .where('id', '=', requestId)
    .executeTakeFirst();
  if (!req) throw notFound(`request ${requestId}`, `الطلب ${requestId}`);
  mustBePrintable(req);

  const { issuedAt, expiresAt } = await cardDates(trx, at);
  const number = await nextCardNumber(trx, issuedAt);

  // One valid card per practitioner: a replacement (بدل فاقد) or a renewal voids the card it replaces.
  const previous = await trx
    .selectFrom('cards')
    .innerJoin('requests', 'requests.id', 'cards.request_id')
    .select(['cards.id', 'cards.number'])
    .where('requests.practitioner_id', '=', req.practitioner_id)
    .where('cards.status', '=', 'active')
    .orderBy('cards.id', 'desc')
    .execute();
  if (previous.length) {
    await trx
      .updateTable('cards')
      .set({ status: 'void' })
      .where(
        'id',
        'in',
        previous.map((p) => p.id),
      )
      .execute();
  }
  const { id } = await trx
    .insertInto('cards')
    .values({
      request_id: requestId,
      number,
      issued_at: issuedAt,
      expires_at: expiresAt,
      status: 'active',
      replaces_card_id: previous[0]?.id ?? null,
      printed_at: null,
      delivery: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .updateTable('practitioners')
    .set({ card_number: number, card_issued_at: issuedAt, card_expires_at: expiresAt })
    .where('id', '=', req.practitioner_id)
    .execute();
  await appendAudit(trx, {
    at,
    actorId,
    action: 'card.issue',
    entity: 'request',
    entityId: String(requestId),
    data: { card: number, issuedAt, expiresAt, voided: previous.map((p) => p.number) },
  });
  return { id, number };
}

/** A card is printed for a card service once it is paid (ready to print) and reprinted after. */
export function mustBePrintable(req: { reference: string; service: Service; status: Status }): void {
  if (!isCardService(req.service))
    throw new DeskFault('bad_input', `request ${req.reference} does not issue a card`, `الطلب ${req.reference} لا تصدر له بطاقة`);
  if (!['ready_to_print', 'printed', 'delivered'].includes(req.status))
    throw new DeskFault(
      'invalid_transition',
      `request ${req.reference} is not ready to print (it is ${req.status})`,
      `الطلب ${req.reference} ليس جاهزاً للطباعة`,
    );
}

/** A request printed once whose card was voided since (replaced, withdrawn): printing it again would void the card that replaced it. */
export const cardNoLongerValid = (reference: string) =>
  new DeskFault(
    'invalid_transition',
    `request ${reference}'s card was replaced or withdrawn; it is not printed again`,
    `ألغيت بطاقة الطلب ${reference} أو استبدلت؛ لا تعاد طباعتها`,
  );

/** The issue and expiry days of a card issued at `at`: valid for the policy's years. */
export async function cardDates(db: Trx | DeskDb, at: string): Promise<{ issuedAt: string; expiresAt: string }> {
  const { policy } = await currentPolicy(db, at);
  const issuedAt = riyadhDate(at);
  return { issuedAt, expiresAt: plusMonths(issuedAt, 12 * policy.cardValidityYears) };
}

/** The next card number of the issue day's year: C-YYYY-NNNNNN, numbered from 1 each year. */
export async function nextCardNumber(trx: Trx, issuedAt: string): Promise<string> {
  // Desks sharing a PostgreSQL database take numbers one at a time, until the taker commits.
  await serialise(trx, 'card-number');
  const year = issuedAt.slice(0, 4);
  const last = await trx
    .selectFrom('cards')
    .select(sql<string>`max(number)`.as('n'))
    .where('number', 'like', `C-${year}-%`)
    .executeTakeFirst();
  return `C-${year}-${String(last?.n ? Number(last.n.slice(7)) + 1 : 1).padStart(6, '0')}`;
}
