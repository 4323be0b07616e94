/** The card clerk's work: print cards (first prints and reprints), mark them printed, record delivery. */
import type { DeskDb } from '../db/connection';
import type { Actor } from '../cases/decisions';
import type { Clock } from '../clock';
import type { CardDelivery, PrintQueueRow } from '../../../shared/domain';
import { applyTransition, loadRequest } from '../cases/apply-transition';
import { appendAudit } from '../audit/chain';
import { DeskFault } from '../errors';
import { cardsPdf, type CardLayout } from '../documents/card-pdf';
import type { CardSigner } from '../documents/card-signing';
import { ensureCard } from './issue-card';
import { loadCardFacts } from './load-card-facts';

export type PrintStage = 'ready' | 'printed' | 'delivered';
const STAGE_STATUS: Record<PrintStage, string> = { ready: 'ready_to_print', printed: 'printed', delivered: 'delivered' };

export async function printQueue(db: DeskDb, stage: PrintStage, search?: string): Promise<PrintQueueRow[]> {
  let q = db
    .selectFrom('requests as r')
    .innerJoin('practitioners as p', 'p.id', 'r.practitioner_id')
    .leftJoin('cards as c', (j) => j.onRef('c.request_id', '=', 'r.id').on('c.status', '=', 'active'))
    .select((eb) => [
      'r.id',
      'r.version',
      'r.reference',
      'r.service',
      'r.status',
      'p.name_ar',
      'p.name_en',
      'p.id_number',
      'c.number as card_number',
      'c.printed_at',
      'c.delivery',
      eb
        .selectFrom('card_prints')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('card_prints.card_id', '=', 'c.id')
        .as('prints'),
    ])
    .where('r.status', '=', STAGE_STATUS[stage]);
  if (search) {
    const like = `%${search.replace(/[%_\\]/g, (m) => `\\${m}`)}%`;
    q = q.where((eb) =>
      eb.or([
        eb('r.reference', 'like', like),
        eb('p.id_number', 'like', like),
        eb('c.number', 'like', like),
        eb('p.name_en', 'like', like),
        eb('p.name_ar', 'like', like),
      ]),
    );
  }
  const rows = await q.orderBy('r.updated_at').orderBy('r.id').limit(1000).execute();
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    reference: r.reference,
    service: r.service,
    status: r.status,
    nameAr: r.name_ar,
    nameEn: r.name_en,
    idNumber: r.id_number,
    cardNumber: r.card_number,
    printedAt: r.printed_at,
    prints: Number(r.prints ?? 0),
    delivery: r.delivery ? (JSON.parse(r.delivery) as CardDelivery) : null,
  }));
}

/** Who prints: a signed-in clerk, or the command line (no user). */
export interface PrintActor {
  actorId: number | null;
  clock: Clock;
}

/**
 * One PDF with the cards of these requests. A first print issues each card its number; a
 * reprint (a request already printed or delivered) must say why. Every print is recorded.
 */
export async function printCards(
  db: DeskDb,
  a: PrintActor,
  signer: CardSigner,
  input: { requestIds: number[]; layout: CardLayout; reprintReason?: string },
): Promise<{ pdf: Uint8Array; cards: string[] }> {
  const at = a.clock.now().toISOString();
  const ids = [...new Set(input.requestIds)];
  const facts = await db.transaction().execute(async (trx) => {
    for (const id of ids) {
      const req = await loadRequest(trx, id);
      const reprint = req.status === 'printed' || req.status === 'delivered';
      if (reprint && !input.reprintReason?.trim())
        throw new DeskFault(
          'bad_input',
          `request ${req.reference}'s card was printed already: give the reason for the reprint`,
          `سبق طباعة بطاقة الطلب ${req.reference}: اذكر سبب إعادة الطباعة`,
        );
      const card = await ensureCard(trx, id, a.actorId, at);
      await trx
        .insertInto('card_prints')
        .values({ card_id: card.id, at, actor_id: a.actorId, layout: input.layout, reason: reprint ? input.reprintReason!.trim() : null })
        .execute();
      await appendAudit(trx, {
        at,
        actorId: a.actorId,
        action: reprint ? 'card.reprint' : 'card.print',
        entity: 'request',
        entityId: String(id),
        data: { card: card.number, layout: input.layout, ...(reprint ? { reason: input.reprintReason!.trim() } : {}) },
      });
    }
    return loadCardFacts(trx, signer, ids);
  });
  return { pdf: await cardsPdf(facts, input.layout, { now: a.clock.now() }), cards: facts.map((f) => f.number) };
}

/** The clerk confirms the printer's output: ready to print → printed. */
export async function markPrinted(db: DeskDb, a: Actor, requestId: number, version: number): Promise<void> {
  const at = a.clock.now().toISOString();
  await db.transaction().execute(async (trx) => {
    const card = await ensureCard(trx, requestId, a.user.id, at);
    await applyTransition(trx, { requestId, expectedVersion: version, action: 'print_card', actorId: a.user.id, at });
    await trx.updateTable('cards').set({ printed_at: at }).where('id', '=', card.id).execute();
  });
}

export async function recordDelivery(
  db: DeskDb,
  a: Actor,
  requestId: number,
  version: number,
  delivery: { method: 'mail'; trackingNumber: string } | { method: 'branch'; branch: string; receiverName: string },
): Promise<void> {
  const at = a.clock.now().toISOString();
  await db.transaction().execute(async (trx) => {
    const record: CardDelivery = { ...delivery, at };
    await applyTransition(trx, {
      requestId,
      expectedVersion: version,
      action: 'record_delivery',
      actorId: a.user.id,
      at,
      reason: deliveryNote(record),
    });
    await trx
      .updateTable('cards')
      .set({ delivery: JSON.stringify(record) })
      .where('request_id', '=', requestId)
      .where('status', '=', 'active')
      .execute();
  });
}

const deliveryNote = (d: CardDelivery) => (d.method === 'mail' ? `mail ${d.trackingNumber}` : `branch ${d.branch}: ${d.receiverName}`);
