import { afterEach, describe, expect, it } from 'vitest';
import { testDesk } from '../testing';
import { seedDemo } from '../demo/seed';
import { verifyAuditChain } from '../audit/chain';
import { fileForTicket } from '../files/attachment-file';
import { pageSizes, pdfText, qpdfCheck } from '../documents/pdf-tools';
import { CARD_HEIGHT, CARD_WIDTH } from '../documents/card-layout';
import type { CardVerification, PrintQueueRow } from '../../../shared/domain';

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

async function setup() {
  const t = await testDesk(':memory:', '2026-03-10T08:00:00.000Z');
  close = () => t.desk.close();
  await seedDemo(t.desk.db, t.clock, { cases: 150, seed: 11 });
  const clerk = await t.as('clerk', ['card_clerk']);
  const call = async <T>(name: string, args: unknown, token = clerk.token): Promise<T> => {
    const r = await t.dispatch(name, args, token);
    if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
    return r.value as T;
  };
  const ready = await call<PrintQueueRow[]>('print.queue', { stage: 'ready' });
  expect(ready.length).toBeGreaterThanOrEqual(3);
  const pdfOf = async (url: string) => (await fileForTicket(t.desk.db, t.desk.fileTickets, url.slice('/files/'.length)))!.bytes;
  return { ...t, clerk, call, ready, pdfOf };
}

describe('the print centre', () => {
  it('prints cards: numbers issued once, CR80 front and back, names and numbers readable, every print recorded', async () => {
    const t = await setup();
    const [a, b] = t.ready;
    const before = await t.desk.db
      .selectFrom('cards')
      .select('number')
      .where('number', 'like', 'C-2026-%')
      .orderBy('number', 'desc')
      .executeTakeFirst();
    const next = Number(before?.number.slice(7) ?? 0) + 1;
    const numbers = [next, next + 1].map((n) => `C-2026-${String(n).padStart(6, '0')}`);
    const printed = await t.call<{ url: string; cards: string[] }>('print.cards', { requestIds: [a!.id, b!.id], layout: 'cr80' });
    expect(printed.cards).toEqual(numbers);
    const pdf = await t.pdfOf(printed.url);
    expect(qpdfCheck(pdf).ok).toBe(true);
    const sizes = pageSizes(pdf);
    expect(sizes).toHaveLength(4);
    for (const s of sizes) {
      expect(s.width).toBeCloseTo(CARD_WIDTH, 1);
      expect(s.height).toBeCloseTo(CARD_HEIGHT, 1);
    }
    const front = pdfText(pdf, { page: 1 });
    expect(front.replace(/\s+/g, ' ')).toContain(a!.nameAr.normalize('NFKC'));
    expect(front).toContain(a!.nameEn);
    expect(front).toContain(numbers[0]);
    expect(pdfText(pdf, { page: 2 })).toMatch(/2026\/03\/10/);

    // Printing again before marking printed keeps the same number (the printer jammed).
    const again = await t.call<{ cards: string[] }>('print.cards', { requestIds: [a!.id], layout: 'a4' });
    expect(again.cards).toEqual([numbers[0]]);
    const prints = await t.desk.db
      .selectFrom('card_prints')
      .innerJoin('cards', 'cards.id', 'card_prints.card_id')
      .select(['card_prints.layout', 'card_prints.reason'])
      .where('cards.number', 'in', numbers)
      .orderBy('card_prints.id')
      .execute();
    expect(prints.map((p) => [p.layout, p.reason])).toEqual([
      ['cr80', null],
      ['cr80', null],
      ['a4', null],
    ]);
    expect((await verifyAuditChain(t.desk.db)).ok).toBe(true);
  });

  it('marks printed, asks a reason to reprint, records delivery by mail or at a branch', async () => {
    const t = await setup();
    const [a, b] = t.ready;
    await t.call('print.cards', { requestIds: [a!.id, b!.id], layout: 'cr80' });
    const marked = await t.call<{ done: number[] }>('print.markPrinted', {
      items: [
        { id: a!.id, version: a!.version },
        { id: b!.id, version: b!.version },
      ],
    });
    expect(marked.done).toEqual([a!.id, b!.id]);
    const noReason = await t.dispatch('print.cards', { requestIds: [a!.id], layout: 'cr80' }, t.clerk.token);
    expect(noReason).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    await t.call('print.cards', { requestIds: [a!.id], layout: 'cr80', reprintReason: 'ribbon ran out mid-card' });
    const printedRows = await t.call<PrintQueueRow[]>('print.queue', { stage: 'printed' });
    const rowA = printedRows.find((r) => r.id === a!.id)!;
    expect(rowA.prints).toBe(2);
    await t.call('print.recordDelivery', { id: a!.id, version: rowA.version, delivery: { method: 'mail', trackingNumber: 'SPL1234567' } });
    const rowB = printedRows.find((r) => r.id === b!.id)!;
    await t.call('print.recordDelivery', {
      id: b!.id,
      version: rowB.version,
      delivery: { method: 'branch', branch: 'Riyadh', receiverName: 'نورة القحطاني' },
    });
    const delivered = await t.call<PrintQueueRow[]>('print.queue', { stage: 'delivered' });
    expect(delivered.find((r) => r.id === a!.id)?.delivery).toMatchObject({ method: 'mail', trackingNumber: 'SPL1234567' });
    expect(delivered.find((r) => r.id === b!.id)?.delivery).toMatchObject({ method: 'branch', receiverName: 'نورة القحطاني' });
    const history = await t.desk.db.selectFrom('status_history').select('action').where('request_id', '=', a!.id).orderBy('id').execute();
    expect(history.map((h) => h.action).slice(-2)).toEqual(['print_card', 'record_delivery']);
  });

  it('verifies a genuine card, and says expired, void (replaced) or forged', async () => {
    const t = await setup();
    const [a, b] = t.ready;
    await t.call('print.cards', { requestIds: [a!.id], layout: 'cr80' });
    const card = await t.desk.db.selectFrom('cards').selectAll().where('request_id', '=', a!.id).executeTakeFirstOrThrow();
    const practitioner = await t.desk.db
      .selectFrom('requests')
      .innerJoin('practitioners', 'practitioners.id', 'requests.practitioner_id')
      .select(['practitioners.id', 'practitioners.id_number'])
      .where('requests.id', '=', a!.id)
      .executeTakeFirstOrThrow();
    const payload = t.desk.cardSigner.payload({ kind: 'C', number: card.number, holderId: practitioner.id_number, date: card.expires_at });
    // No session: anyone may verify a card.
    const verify = async (p: string) => {
      const r = await t.dispatch('cards.verify', { payload: p }, undefined);
      if (!r.ok) throw new Error(r.error.message);
      return r.value as CardVerification;
    };

    expect(await verify(payload)).toMatchObject({ verdict: 'valid', number: card.number, expiresAt: '2029-03-10' });
    const shown = (await verify(payload)) as { holder: { idMasked: string } };
    expect(shown.holder.idMasked).toBe(`******${practitioner.id_number.slice(-4)}`);

    // Altered: another expiry with the old signature; nonsense; a card signed by another installation.
    const parts = payload.split('|');
    expect(await verify([...parts.slice(0, 4), '20350101', parts[5]].join('|'))).toEqual({ verdict: 'forged' });
    expect(await verify('hello')).toEqual({ verdict: 'forged' });
    const other = await testDesk();
    const foreign = other.desk.cardSigner.payload({ kind: 'C', number: card.number, holderId: practitioner.id_number, date: card.expires_at });
    await other.desk.close();
    expect(await verify(foreign)).toEqual({ verdict: 'forged' });

    // Three years and a day later, the same card has expired.
    t.clock.set('2029-03-11T08:00:00.000Z');
    expect(await verify(payload)).toMatchObject({ verdict: 'expired' });
    t.clock.set('2026-03-10T08:00:00.000Z');

    // A second card for the same practitioner (a replacement) voids the first.
    await t.desk.db.updateTable('requests').set({ practitioner_id: practitioner.id }).where('id', '=', b!.id).execute();
    const replacement = await t.call<{ cards: string[] }>('print.cards', { requestIds: [b!.id], layout: 'cr80' });
    expect(await verify(payload)).toMatchObject({ verdict: 'void', reason: 'replaced', replacedBy: replacement.cards[0] });
  });
});
