import { afterEach, describe, expect, it } from 'vitest';
import { moneyDesk } from './testing/money-desk';
import { settleInvoice } from './settle';
import { refundOrigin } from './refund-rows';
import type { CaseFinance } from '../../../shared/domain';
import { verifyAuditChain } from '../audit/chain';

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

/** A renewal approved on 2026-03-10: INV-2026-000001, SAR 350 (30000 + 5000 halalas), due 2026-03-24. */
async function invoiced(over: Record<string, unknown> = {}) {
  const t = await moneyDesk();
  close = () => t.desk.close();
  const id = await t.importRequest(over);
  const approved = await t.approve(id);
  if (!approved.ok) throw new Error(JSON.stringify(approved));
  const inv = await t.invoiceOf(id);
  const refunds = () => t.desk.db.selectFrom('refunds').selectAll().where('invoice_id', '=', inv.id).execute();
  const compute = async () => {
    const r = await t.call(t.finance.token, 'refunds.compute', { requestId: id, requestedAt: '2026-03-12', grounds: [] });
    if (!r.ok) throw new Error(JSON.stringify(r));
    return (r as { value: CaseFinance }).value.refunds[0]!;
  };
  return { ...t, id, inv, refunds, compute };
}

describe('settling an invoice', () => {
  it('paid in full: the invoice is paid, the card goes to printing, the applicant is told', async () => {
    const t = await invoiced();
    t.clock.set('2026-03-12T09:00:00.000Z');
    const out = await t.pay(t.inv.id, 35000, '2026-03-11T10:00:00.000Z');
    expect(out).toEqual({
      reference: 'REQ-2026-000701',
      invoiceStatus: 'paid',
      remainingHalalas: 0,
      movedTo: 'ready_to_print',
      refundCandidate: null,
      paidAfterExpiryHalalas: 0,
    });
    expect(await t.invoiceOf(t.id)).toMatchObject({ status: 'paid', paid_at: '2026-03-11T10:00:00.000Z' });
    expect(await t.statusOf(t.id)).toBe('ready_to_print');
    const mail = await t.mailOf(t.id);
    expect(mail.map((m) => m.kind)).toEqual(['approved_invoice', 'paid']);
    expect(mail[1]!.body_en).toContain('INV-2026-000001');
    expect(mail[1]!.body_ar).toContain('الطباعة');
    const h = await t.desk.db
      .selectFrom('status_history')
      .selectAll()
      .where('request_id', '=', t.id)
      .where('action', '=', 'record_payment')
      .execute();
    expect(h).toHaveLength(1);
    expect(h[0]).toMatchObject({ actor_id: t.finance.user.id, to_status: 'ready_to_print' });
    // Settling again changes nothing.
    const again = await t.desk.db
      .transaction()
      .execute((trx) => settleInvoice(trx, { actorId: null, at: t.clock.now().toISOString(), signer: t.desk.cardSigner }, t.inv.id));
    expect(again).toMatchObject({ invoiceStatus: 'paid', movedTo: null, refundCandidate: null });
    expect(await t.refunds()).toEqual([]);
    expect((await t.mailOf(t.id)).length).toBe(2);
  });

  it('a document service paid in full: document_issued with its letter kept', async () => {
    const t = await invoiced({ service: 'TRAINING_LETTER', employer: { type: 'private', facility: 'Dallah Hospital' } });
    expect(t.inv.total_halalas).toBe(10000);
    expect(await t.pay(t.inv.id, 10000)).toMatchObject({ invoiceStatus: 'paid', movedTo: 'document_issued' });
    const kept = await t.desk.db.selectFrom('issued_documents').selectAll().where('request_id', '=', t.id).executeTakeFirstOrThrow();
    expect(Buffer.from(kept.pdf).subarray(0, 5).toString()).toBe('%PDF-');
    expect((await t.mailOf(t.id)).at(-1)!.body_en).toContain('Your document has been issued');
    expect(await t.call(t.decider.token, 'documents.issued', { requestId: t.id })).toMatchObject({ ok: true });
  });

  it('partly paid: it keeps waiting and says what is left; the rest completes it', async () => {
    const t = await invoiced();
    expect(await t.pay(t.inv.id, 20000)).toMatchObject({ invoiceStatus: 'partially_paid', remainingHalalas: 15000, movedTo: null });
    expect(await t.statusOf(t.id)).toBe('awaiting_payment');
    const fin = (await t.call(t.finance.token, 'refunds.forCase', { requestId: t.id })) as { value: CaseFinance };
    expect(fin.value.invoices[0]).toMatchObject({ status: 'partially_paid', total: 350, paid: 200, remaining: 150 });
    expect(await t.pay(t.inv.id, 15000)).toMatchObject({
      invoiceStatus: 'paid',
      remainingHalalas: 0,
      movedTo: 'ready_to_print',
      refundCandidate: null,
    });
    expect(await t.refunds()).toEqual([]);
  });

  it('a manual payment not yet confirmed does not count', async () => {
    const t = await invoiced();
    expect(await t.pay(t.inv.id, 35000, undefined, 'pending')).toMatchObject({ invoiceStatus: 'unpaid', remainingHalalas: 35000, movedTo: null });
    expect(await t.statusOf(t.id)).toBe('awaiting_payment');
  });

  it('paid too much: it moves on, and the excess waits in the Refunds queue as RF-OVERPAYMENT', async () => {
    const t = await invoiced();
    expect(await t.pay(t.inv.id, 40000)).toMatchObject({
      invoiceStatus: 'paid',
      movedTo: 'ready_to_print',
      refundCandidate: { rule: 'RF-OVERPAYMENT', surplusHalalas: 5000 },
    });
    const [r] = await t.refunds();
    expect(r).toMatchObject({ status: 'requested', request_id: t.id, requested_by: t.finance.user.id });
    expect(refundOrigin(r!.facts)).toBe('overpayment');
    const computed = await t.compute();
    expect(computed.result!.lines.filter((l) => l.feeKind === 'payment').map((l) => `${l.rule}:${l.amount}`)).toEqual(['RF-OVERPAYMENT:50']);
    expect(refundOrigin((await t.refunds())[0]!.facts)).toBe('overpayment');
  });

  it('two partial payments that together pay too much: the excess is an overpayment, not a duplicate', async () => {
    const t = await invoiced();
    await t.pay(t.inv.id, 20000, '2026-03-10T10:00:00.000Z');
    expect(await t.pay(t.inv.id, 20000, '2026-03-11T10:00:00.000Z')).toMatchObject({
      invoiceStatus: 'paid',
      refundCandidate: { rule: 'RF-OVERPAYMENT', surplusHalalas: 5000 },
    });
    const computed = await t.compute();
    expect(computed.result!.lines.filter((l) => l.feeKind === 'payment').map((l) => `${l.rule}:${l.amount}`)).toEqual(['RF-OVERPAYMENT:50']);
  });

  it('paid twice: RF-DUPLICATE, one open refund candidate however often it is settled or paid again', async () => {
    const t = await invoiced();
    await t.pay(t.inv.id, 35000, '2026-03-10T10:00:00.000Z');
    expect(await t.pay(t.inv.id, 35000, '2026-03-11T10:00:00.000Z')).toMatchObject({
      invoiceStatus: 'paid',
      movedTo: null,
      refundCandidate: { rule: 'RF-DUPLICATE', surplusHalalas: 35000 },
    });
    expect(await t.statusOf(t.id)).toBe('ready_to_print');
    const settle = () =>
      t.desk.db
        .transaction()
        .execute((trx) => settleInvoice(trx, { actorId: null, at: t.clock.now().toISOString(), signer: t.desk.cardSigner }, t.inv.id));
    expect(await settle()).toMatchObject({ refundCandidate: null });
    expect(await t.refunds()).toHaveLength(1);
    expect(refundOrigin((await t.refunds())[0]!.facts)).toBe('duplicate');

    const computed = await t.compute();
    expect(computed.result!.lines.filter((l) => l.feeKind === 'payment').map((l) => `${l.rule}:${l.amount}`)).toEqual(['RF-DUPLICATE:350']);
    // A third payment while the refund is computed: the same candidate grows and must be computed again.
    expect(await t.pay(t.inv.id, 35000, '2026-03-12T10:00:00.000Z')).toMatchObject({
      refundCandidate: { rule: 'RF-DUPLICATE', surplusHalalas: 70000 },
    });
    const rows = await t.refunds();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'requested', result: null, computed_by: null });
    const recomputed = await t.compute();
    expect(recomputed.result!.lines.filter((l) => l.feeKind === 'payment').map((l) => `${l.rule}:${l.amount}`)).toEqual([
      'RF-DUPLICATE:350',
      'RF-DUPLICATE:350',
    ]);
    expect((await verifyAuditChain(t.desk.db)).ok).toBe(true);
  });

  it('two partial payments settled at the same moment: both count, the request moves on once', async () => {
    const t = await invoiced();
    const ids = [t.id];
    for (let round = 0; round < 3; round++) {
      const id = await t.importRequest();
      await t.approve(id);
      ids.push(id);
    }
    for (const id of ids) {
      const inv = await t.invoiceOf(id);
      const [a, b] = await Promise.all([t.pay(inv.id, 17500), t.pay(inv.id, 17500)]);
      expect([a.movedTo, b.movedTo].filter(Boolean)).toEqual(['ready_to_print']);
      expect(await t.invoiceOf(id)).toMatchObject({ status: 'paid' });
      const moves = await t.desk.db
        .selectFrom('status_history')
        .select('id')
        .where('request_id', '=', id)
        .where('action', '=', 'record_payment')
        .execute();
      expect(moves).toHaveLength(1);
    }
  });

  it('two duplicate payments settled at once open one refund candidate', async () => {
    const t = await invoiced();
    await t.pay(t.inv.id, 35000);
    await Promise.all([t.pay(t.inv.id, 35000), t.pay(t.inv.id, 35000), t.pay(t.inv.id, 35000)]);
    const rows = await t.refunds();
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0]!.facts)).toMatchObject({ surplus: { rule: 'RF-DUPLICATE', halalas: 105000 } });
  });

  it('payments written before invoices were settled by the desk (legacy) count as confirmed', async () => {
    const t = await invoiced();
    await t.desk.db
      .insertInto('payments')
      .values({ invoice_id: t.inv.id, amount_halalas: 35000, paid_at: '2026-03-10T10:00:00Z', channel: 'sadad', reference: 'OLD-1' })
      .execute();
    const row = await t.desk.db.selectFrom('payments').select(['source', 'status']).where('reference', '=', 'OLD-1').executeTakeFirstOrThrow();
    expect(row).toEqual({ source: 'legacy', status: 'confirmed' });
    const out = await t.desk.db
      .transaction()
      .execute((trx) => settleInvoice(trx, { actorId: null, at: t.clock.now().toISOString(), signer: t.desk.cardSigner }, t.inv.id));
    expect(out).toMatchObject({ invoiceStatus: 'paid', movedTo: 'ready_to_print' });
  });
});
