import { afterEach, describe, expect, it } from 'vitest';
import { testDesk } from '../testing/test-desk';
import { seededTestDesk } from '../testing/seeded-desk';
import { verifyAuditChain } from '../audit/chain';
import { pageSizes, pdfText, qpdfCheck } from '../documents/testing/pdf-tools';
import { CARD_HEIGHT, CARD_WIDTH } from '../documents/card-layout';
import type { CardVerification, PrintQueueRow } from '../../../shared/domain';
import { confirmPrints, previewCards } from './print-centre';
import { ensureCard } from './issue-card';

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

type Confirmed = { done: number[]; refused: Array<{ id: number; message: string }>; url: string | null; cards: string[] };

async function setup() {
  const t = await seededTestDesk({ cases: 150, seed: 11 }, '2026-03-10T08:00:00.000Z');
  close = () => t.desk.close();
  const clerk = await t.as('clerk', ['card_clerk']);
  const clerk2 = await t.as('clerk2', ['card_clerk']);
  const call = async <T>(name: string, args: unknown, token = clerk.token): Promise<T> => {
    const r = await t.dispatch(name, args, token);
    if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
    return r.value as T;
  };
  const ready = await call<PrintQueueRow[]>('print.queue', { stage: 'ready' });
  expect(ready.length).toBeGreaterThanOrEqual(4);
  /** What the print centre has written: cards, prints and audit entries. */
  const written = async () => ({
    cards: (await t.desk.db.selectFrom('cards').select('id').execute()).length,
    prints: (await t.desk.db.selectFrom('card_prints').select('id').execute()).length,
    audit: (await t.desk.db.selectFrom('audit_log').select('seq').execute()).length,
  });
  const verify = async (payload: string) => {
    const r = await t.dispatch('cards.verify', { payload }, undefined);
    if (!r.ok) throw new Error(r.error.message);
    return r.value as CardVerification;
  };
  /** The QR payload a card of this request carries, as the installation signs it. */
  const payloadOf = async (requestId: number) => {
    const c = await t.desk.db
      .selectFrom('cards as c')
      .innerJoin('requests as r', 'r.id', 'c.request_id')
      .innerJoin('practitioners as p', 'p.id', 'r.practitioner_id')
      .select(['c.number', 'c.expires_at', 'p.id_number'])
      .where('c.request_id', '=', requestId)
      .where('c.status', '=', 'active')
      .executeTakeFirstOrThrow();
    return t.desk.cardSigner.payload({ kind: 'C', number: c.number, holderId: c.id_number, date: c.expires_at });
  };
  const nextNumbers = async (n: number) => {
    const before = await t.desk.db
      .selectFrom('cards')
      .select('number')
      .where('number', 'like', 'C-2026-%')
      .orderBy('number', 'desc')
      .executeTakeFirst();
    const next = Number(before?.number.slice(7) ?? 0) + 1;
    return Array.from({ length: n }, (_, k) => `C-2026-${String(next + k).padStart(6, '0')}`);
  };
  return { ...t, clerk, clerk2, call, ready, written, verify, payloadOf, nextNumbers };
}

describe('the print centre', () => {
  it('the preview issues nothing: no number, no print, no audit entry, no QR code; marked as a preview', async () => {
    const t = await setup();
    const [a, b] = t.ready;
    const before = await t.written();
    const shown = await t.call<{ url: string; cards: string[] }>('print.cards', { requestIds: [a!.id, b!.id], layout: 'cr80' });
    expect(shown.url).toMatch(/^\/files\//);
    expect(shown.cards).toEqual(['C-2026-······', 'C-2026-······']);
    expect(await t.written()).toEqual(before);
    const rows = await t.call<PrintQueueRow[]>('print.queue', { stage: 'ready' });
    expect(rows.find((r) => r.id === a!.id)).toMatchObject({ cardNumber: null, prints: 0, status: 'ready_to_print', version: a!.version });

    const { pdf } = await previewCards(t.desk.db, t.clock, { requestIds: [a!.id], layout: 'cr80' });
    expect(qpdfCheck(pdf).ok).toBe(true);
    const front = pdfText(pdf, { page: 1 });
    expect(front).toContain('PREVIEW — NOT A CARD');
    // A long name wraps on the card (never cut): whole once its line breaks read as spaces.
    expect(front.replace(/\s+/g, ' ')).toContain(a!.nameEn);
    expect(front).not.toContain('...');
    expect(front).not.toContain('…');
    expect(front).not.toMatch(/C-2026-\d{6}/);
    expect(pdfText(pdf, { page: 2 })).toContain('PREVIEW — NOT A CARD');
    expect(await t.written()).toEqual(before);
  });

  it('confirm printed issues the numbers once, records each print and answers the cards to print (CR80, front and back)', async () => {
    const t = await setup();
    const [a, b] = t.ready;
    const numbers = await t.nextNumbers(2);
    const done = await t.call<Confirmed>('print.markPrinted', {
      items: [
        { id: a!.id, version: a!.version },
        { id: b!.id, version: b!.version },
      ],
      layout: 'cr80',
    });
    expect(done).toMatchObject({ done: [a!.id, b!.id], refused: [], cards: numbers });
    expect(done.url).toMatch(/^\/files\//);
    const printed = await t.call<PrintQueueRow[]>('print.queue', { stage: 'printed' });
    expect(printed.find((r) => r.id === a!.id)).toMatchObject({ cardNumber: numbers[0], prints: 1 });

    // The PDF the clerk prints: the same cards, numbered, with their signed QR codes.
    const c = await t.desk.db
      .selectFrom('requests')
      .select(['id', 'version'])
      .where('status', '=', 'ready_to_print')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const [third] = await t.nextNumbers(1);
    const r = await confirmPrints(t.desk.db, { actorId: t.clerk.user.id, clock: t.clock }, t.desk.cardSigner, { items: [c], layout: 'cr80' });
    expect(r.cards).toEqual([third]);
    const sizes = pageSizes(r.pdf!);
    expect(sizes).toHaveLength(2);
    for (const s of sizes) {
      expect(s.width).toBeCloseTo(CARD_WIDTH, 1);
      expect(s.height).toBeCloseTo(CARD_HEIGHT, 1);
    }
    expect(pdfText(r.pdf!, { page: 1 })).toContain(third);
    expect(pdfText(r.pdf!, { page: 1 })).not.toContain('PREVIEW');
    expect(pdfText(r.pdf!, { page: 2 })).toMatch(/2026\/03\/10/);

    const audit = await t.desk.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', String(a!.id))
      .where('action', 'in', ['card.issue', 'card.print', 'card.reprint', 'request.print_card'])
      .orderBy('seq')
      .execute();
    expect(audit.map((e) => e.action)).toEqual(['request.print_card', 'card.issue', 'card.print']);
    expect((await verifyAuditChain(t.desk.db)).ok).toBe(true);
  });

  it('every reprint needs a reason: after printing, and while still ready to print once a number exists', async () => {
    const t = await setup();
    const [a, b] = t.ready;
    await t.call('print.markPrinted', { items: [{ id: a!.id, version: a!.version }] });
    const printedA = (await t.call<PrintQueueRow[]>('print.queue', { stage: 'printed' })).find((r) => r.id === a!.id)!;
    const noReason = await t.call<Confirmed>('print.markPrinted', { items: [{ id: a!.id, version: printedA.version }] });
    expect(noReason).toMatchObject({ done: [], url: null, cards: [] });
    expect(noReason.refused[0]!.message).toMatch(/reprintReason: .*give the reason for the reprint/);
    const again = await t.call<Confirmed>('print.markPrinted', {
      items: [{ id: a!.id, version: printedA.version }],
      reprintReason: 'ribbon ran out mid-card',
    });
    expect(again).toMatchObject({ done: [a!.id], cards: [printedA.cardNumber] });
    const prints = await t.desk.db
      .selectFrom('card_prints')
      .innerJoin('cards', 'cards.id', 'card_prints.card_id')
      .select(['card_prints.reason'])
      .where('cards.request_id', '=', a!.id)
      .orderBy('card_prints.id')
      .execute();
    expect(prints.map((p) => p.reason)).toEqual([null, 'ribbon ran out mid-card']);

    // A number issued by an older desk's preview (still ready to print): printing it is a reprint.
    await t.desk.db.transaction().execute((trx) => ensureCard(trx, b!.id, null, t.clock.now().toISOString()));
    const legacy = await t.payloadOf(b!.id);
    expect(await t.verify(legacy)).toMatchObject({ verdict: 'void', reason: 'not_on_record' });
    const refused = await t.call<Confirmed>('print.markPrinted', { items: [{ id: b!.id, version: b!.version }] });
    expect(refused.refused).toHaveLength(1);
    const confirmed = await t.call<Confirmed>('print.markPrinted', {
      items: [{ id: b!.id, version: b!.version }],
      reprintReason: 'printed before, never confirmed',
    });
    expect(confirmed.done).toEqual([b!.id]);
    expect(await t.verify(legacy)).toMatchObject({ verdict: 'valid' });
  });

  it('two clerks confirming the same cards at once: one number and one print per card, no number taken twice', async () => {
    const t = await setup();
    for (let round = 0; round < 4; round++) {
      const rows = (await t.call<PrintQueueRow[]>('print.queue', { stage: 'ready' })).slice(0, 2);
      expect(rows).toHaveLength(2);
      const items = rows.map((r) => ({ id: r.id, version: r.version }));
      const answers = await Promise.all([
        t.call<Confirmed>('print.markPrinted', { items }, t.clerk.token),
        t.call<Confirmed>('print.markPrinted', { items: [...items].reverse() }, t.clerk2.token),
        t.call<Confirmed>('print.markPrinted', { items: [items[0]!] }, t.clerk.token),
      ]);
      for (const r of rows) {
        expect(answers.filter((x) => x.done.includes(r.id))).toHaveLength(1);
        const cards = await t.desk.db.selectFrom('cards').select('id').where('request_id', '=', r.id).execute();
        expect(cards).toHaveLength(1);
        const prints = await t.desk.db.selectFrom('card_prints').select('id').where('card_id', '=', cards[0]!.id).execute();
        expect(prints).toHaveLength(1);
        const entries = await t.desk.db
          .selectFrom('audit_log')
          .select('action')
          .where('entity_id', '=', String(r.id))
          .where('action', 'like', 'card.%')
          .execute();
        expect(entries.map((e) => e.action).sort()).toEqual(['card.issue', 'card.print']);
      }
      const numbers = (await t.desk.db.selectFrom('cards').select('number').execute()).map((c) => c.number);
      expect(new Set(numbers).size).toBe(numbers.length);
    }
  });

  it('records delivery by mail or at a branch', async () => {
    const t = await setup();
    const [a, b] = t.ready;
    await t.call('print.markPrinted', {
      items: [
        { id: a!.id, version: a!.version },
        { id: b!.id, version: b!.version },
      ],
    });
    const printedRows = await t.call<PrintQueueRow[]>('print.queue', { stage: 'printed' });
    const rowA = printedRows.find((r) => r.id === a!.id)!;
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

  it('verifies a confirmed card, and says expired, void (replaced) or forged', async () => {
    const t = await setup();
    const [a, b] = t.ready;
    await t.call('print.markPrinted', { items: [{ id: a!.id, version: a!.version }] });
    const card = await t.desk.db.selectFrom('cards').selectAll().where('request_id', '=', a!.id).executeTakeFirstOrThrow();
    const practitioner = await t.desk.db
      .selectFrom('requests')
      .innerJoin('practitioners', 'practitioners.id', 'requests.practitioner_id')
      .select(['practitioners.id', 'practitioners.id_number'])
      .where('requests.id', '=', a!.id)
      .executeTakeFirstOrThrow();
    const payload = await t.payloadOf(a!.id);

    expect(await t.verify(payload)).toMatchObject({ verdict: 'valid', number: card.number, expiresAt: '2029-03-10' });
    const shown = (await t.verify(payload)) as { holder: { idMasked: string } };
    expect(shown.holder.idMasked).toBe(`******${practitioner.id_number.slice(-4)}`);

    // Altered: another expiry with the old signature; nonsense; a card signed by another installation.
    const parts = payload.split('|');
    expect(await t.verify([...parts.slice(0, 4), '20350101', parts[5]].join('|'))).toEqual({ verdict: 'forged' });
    expect(await t.verify('hello')).toEqual({ verdict: 'forged' });
    const other = await testDesk();
    const foreign = other.desk.cardSigner.payload({ kind: 'C', number: card.number, holderId: practitioner.id_number, date: card.expires_at });
    await other.desk.close();
    expect(await t.verify(foreign)).toEqual({ verdict: 'forged' });

    // Three years and a day later, the same card has expired.
    t.clock.set('2029-03-11T08:00:00.000Z');
    expect(await t.verify(payload)).toMatchObject({ verdict: 'expired' });
    t.clock.set('2026-03-10T08:00:00.000Z');

    // A second card for the same practitioner (a replacement) voids the first; a preview of it does not.
    await t.desk.db.updateTable('requests').set({ practitioner_id: practitioner.id }).where('id', '=', b!.id).execute();
    await t.call('print.cards', { requestIds: [b!.id], layout: 'cr80' });
    expect(await t.verify(payload)).toMatchObject({ verdict: 'valid' });
    const replacement = await t.call<Confirmed>('print.markPrinted', { items: [{ id: b!.id, version: b!.version }] });
    expect(await t.verify(payload)).toMatchObject({ verdict: 'void', reason: 'replaced', replacedBy: replacement.cards[0] });
    // The replaced card is not printed again (that would void its replacement).
    const rowA = await t.desk.db.selectFrom('requests').select(['id', 'version']).where('id', '=', a!.id).executeTakeFirstOrThrow();
    const reprint = await t.call<Confirmed>('print.markPrinted', { items: [rowA], reprintReason: 'holder asked again' });
    expect(reprint.refused[0]!.message).toMatch(/replaced or withdrawn/);
    expect(await t.dispatch('print.cards', { requestIds: [a!.id], layout: 'cr80' }, t.clerk.token)).toMatchObject({
      ok: false,
      error: { code: 'invalid_transition' },
    });
  });
});
