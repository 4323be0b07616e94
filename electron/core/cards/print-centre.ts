/** The card clerk's work: preview cards, confirm them printed (first prints and reprints), record delivery. */
import type { DeskDb } from '../db/connection';
import type { Actor } from '../actor';
import { eachAlone, type EachAloneResult } from '../cases/each-alone';
import type { Clock } from '../time/clock';
import type { CardDelivery, PrintQueueRow, Status } from '../../../shared/domain';
import { applyTransition, loadAsSeen } from '../cases/apply-transition';
import { appendAudit } from '../audit/chain';
import { DeskFault } from '../errors';
import { cardsPdf, type CardLayout } from '../documents/card-pdf';
import type { CardSigner } from '../documents/card-signing';
import { activeCard, cardNoLongerValid, ensureCard, mustBePrintable } from './issue-card';
import { loadCardFacts, loadPreviewFacts } from './load-card-facts';
import type { BlobStore } from '../blobs/blob-store';

export type PrintStage = 'ready' | 'printed' | 'delivered';
const STAGE_STATUS: Record<PrintStage, Status> = { ready: 'ready_to_print', printed: 'printed', delivered: 'delivered' };

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
  /** Where the card photos are read from: the desk's blob store (the database's rows if absent). */
  blobs?: BlobStore;
}

/**
 * The preview of these requests' cards, in one PDF: it issues nothing and records nothing (no card
 * number, no print). Each side is marked as a preview and has no QR code, so it cannot pass as a card.
 */
export async function previewCards(
  db: DeskDb,
  clock: Clock,
  input: { requestIds: number[]; layout: CardLayout },
  blobs?: BlobStore,
): Promise<{ pdf: Uint8Array; cards: string[] }> {
  const ids = [...new Set(input.requestIds)];
  const facts = await loadPreviewFacts(db, ids, clock.now().toISOString(), blobs);
  const title = `معاينة — ${facts.length === 1 ? 'بطاقة التصنيف المهني' : `بطاقات التصنيف المهني (${facts.length})`}`;
  return { pdf: await cardsPdf(facts, input.layout, { now: clock.now(), title }), cards: facts.map((f) => f.number) };
}

export interface ConfirmedPrints extends EachAloneResult {
  /** The cards confirmed, to send to the printer; null when none was. */
  pdf: Uint8Array | null;
  cards: string[];
}

/**
 * "Confirm printed": the only step that issues a card number and records a print. Each request on its
 * own transaction (one lost race does not undo the others); then one PDF of the cards confirmed, with
 * their numbers and signed QR codes. Any print of a card that has a number already is a reprint and
 * needs a reason, also while the request is still ready to print.
 */
export async function confirmPrints(
  db: DeskDb,
  a: PrintActor,
  signer: CardSigner,
  input: { items: Array<{ id: number; version: number }>; layout: CardLayout; reprintReason?: string },
): Promise<ConfirmedPrints> {
  const seen = new Set<number>();
  const items = input.items.filter((i) => !seen.has(i.id) && seen.add(i.id));
  const result = await eachAlone(items, (id, version) => confirmPrint(db, a, id, version, input.layout, input.reprintReason?.trim() || null));
  if (result.done.length === 0) return { ...result, pdf: null, cards: [] };
  const facts = await loadCardFacts(db, signer, result.done, a.blobs);
  return { ...result, pdf: await cardsPdf(facts, input.layout, { now: a.clock.now() }), cards: facts.map((f) => f.number) };
}

async function confirmPrint(db: DeskDb, a: PrintActor, requestId: number, version: number, layout: CardLayout, reason: string | null): Promise<void> {
  const at = a.clock.now().toISOString();
  await db.transaction().execute(async (trx) => {
    // Every precondition is read here, in the transaction that writes: as the clerk saw it, printable, a reason if a reprint.
    const req = await loadAsSeen(trx, requestId, version);
    mustBePrintable(req);
    const existing = await activeCard(trx, requestId);
    if (!existing && req.status !== 'ready_to_print') throw cardNoLongerValid(req.reference);
    const reprint = existing !== undefined;
    if (reprint && !reason)
      throw new DeskFault(
        'bad_input',
        `reprintReason: request ${req.reference}'s card ${existing.number} was printed already: give the reason for the reprint`,
        `reprintReason: سبق طباعة البطاقة ${existing.number} للطلب ${req.reference}: اذكر سبب إعادة الطباعة`,
      );
    // The first confirmation moves the request on; its version-guarded UPDATE lets one of two clerks
    // confirming at once through (the other gets a conflict), before any number is taken.
    if (req.status === 'ready_to_print')
      await applyTransition(trx, { requestId, expectedVersion: version, action: 'print_card', actorId: a.actorId, at });
    const card = existing ?? (await ensureCard(trx, requestId, a.actorId, at));
    await trx.updateTable('cards').set({ printed_at: at }).where('id', '=', card.id).where('printed_at', 'is', null).execute();
    await trx
      .insertInto('card_prints')
      .values({ card_id: card.id, at, actor_id: a.actorId, layout, reason: reprint ? reason : null })
      .execute();
    await appendAudit(trx, {
      at,
      actorId: a.actorId,
      action: reprint ? 'card.reprint' : 'card.print',
      entity: 'request',
      entityId: String(requestId),
      data: { card: card.number, layout, ...(reprint ? { reason } : {}) },
    });
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
