import { afterEach, describe, expect, it } from 'vitest';
import { moneyDesk } from '../finance/testing/money-desk';
import { expireInvoice, sweepUnpaidInvoices } from './sweep';
import { testingOnPostgres } from '../testing/test-postgres';
import { verifyAuditChain } from '../audit/chain';

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

/** Renewals approved on 2026-03-10 (Riyadh): each invoice is due 2026-03-24. */
async function invoicedRequests(n: number) {
  const t = await moneyDesk();
  close = () => t.desk.close();
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    const id = await t.importRequest();
    const r = await t.approve(id);
    if (!r.ok) throw new Error(JSON.stringify(r));
    ids.push(id);
  }
  return { ...t, ids };
}

describe('the payment window sweep', () => {
  it('leaves an invoice on its due day and the day after (the gateway file of the due day comes then); the next day, rejects the request as unpaid and tells the applicant', async () => {
    const t = await invoicedRequests(1);
    const [id] = t.ids as [number];
    // 20:59 UTC on the 25th is 23:59 in Riyadh on the 25th: the day after the due day, still waiting for its file.
    t.clock.set('2026-03-24T20:59:00.000Z');
    expect(await sweepUnpaidInvoices(t.desk.db, t.clock)).toEqual({ rejected: [], partlyPaid: [] });
    t.clock.set('2026-03-25T20:59:00.000Z');
    expect(await sweepUnpaidInvoices(t.desk.db, t.clock)).toEqual({ rejected: [], partlyPaid: [] });
    t.clock.set('2026-03-25T21:00:00.000Z');
    expect(await sweepUnpaidInvoices(t.desk.db, t.clock)).toEqual({ rejected: ['REQ-2026-000701'], partlyPaid: [] });
    expect(await t.statusOf(id)).toBe('rejected');
    expect(await t.invoiceOf(id)).toMatchObject({ status: 'expired' });
    const h = await t.desk.db.selectFrom('status_history').selectAll().where('request_id', '=', id).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(h).toMatchObject({
      action: 'expire_invoice',
      from_status: 'awaiting_payment',
      to_status: 'rejected',
      reason_code: 'unpaid',
      actor_id: null,
    });
    const mail = (await t.mailOf(id)).at(-1)!;
    expect(mail.kind).toBe('rejected');
    expect(mail.body_ar).toContain('عدم سداد الرسوم خلال المهلة');
    expect(mail.body_en).toContain('Fees not paid by the due date');
    expect(mail.body_en).toContain('INV-2026-000001');
    // The invoice as labelled lines, the due day in both calendars (as the invoice mail and the letters write it).
    const bill = (await t.invoiceOf(id)).sadad_bill_number!;
    expect(mail.body_ar.split('\n').slice(-3)).toEqual([
      'رقم الفاتورة: INV-2026-000001',
      `رقم فاتورة سداد: ${bill}`,
      'تاريخ الاستحقاق: 5 شوال 1447 هـ الموافق 24 مارس 2026 م',
    ]);
    expect(mail.body_en.split('\n').slice(-3)).toEqual([
      'Invoice number: INV-2026-000001',
      `SADAD bill number: ${bill}`,
      'Due date: 24 March 2026 (Shawwal 5, 1447 AH)',
    ]);
    expect(mail.body_ar).not.toMatch(/SADAD|—|2026-03-24/);
    // Nothing more to do the next time.
    expect(await sweepUnpaidInvoices(t.desk.db, t.clock)).toEqual({ rejected: [], partlyPaid: [] });
    expect((await verifyAuditChain(t.desk.db)).ok).toBe(true);
  });

  it('a bank transfer waiting for its second officer holds the invoice open past its due day', async () => {
    const t = await invoicedRequests(1);
    const [id] = t.ids as [number];
    const invoice = await t.invoiceOf(id);
    await t.pay(invoice.id, 35000, '2026-03-23T10:00:00.000Z', 'pending');
    t.clock.set('2026-03-28T08:00:00.000Z');
    expect(await sweepUnpaidInvoices(t.desk.db, t.clock)).toEqual({ rejected: [], partlyPaid: [] });
    expect(await t.statusOf(id)).toBe('awaiting_payment');
  });

  it('a payment confirmed before the sweep wins: paid invoices are left alone, also when re-checked inside its transaction', async () => {
    const t = await invoicedRequests(2);
    const [paid, unpaid] = t.ids as [number, number];
    const invoice = await t.invoiceOf(paid);
    await t.pay(invoice.id, 35000, '2026-03-24T10:00:00.000Z');
    t.clock.set('2026-03-26T08:00:00.000Z');
    // The sweep's own re-check: an invoice paid since it was listed is not expired.
    expect(await t.desk.db.transaction().execute((trx) => expireInvoice(trx, invoice.id, t.clock.now().toISOString()))).toBeNull();
    expect(await sweepUnpaidInvoices(t.desk.db, t.clock)).toEqual({ rejected: ['REQ-2026-000702'], partlyPaid: [] });
    expect(await t.statusOf(paid)).toBe('ready_to_print');
    expect(await t.invoiceOf(paid)).toMatchObject({ status: 'paid' });
    expect(await t.statusOf(unpaid)).toBe('rejected');
  });

  it('a partly paid invoice expires too; what was paid waits in the Refunds queue', async () => {
    const t = await invoicedRequests(1);
    const [id] = t.ids as [number];
    const invoice = await t.invoiceOf(id);
    await t.pay(invoice.id, 10000, '2026-03-20T10:00:00.000Z');
    t.clock.set('2026-03-26T08:00:00.000Z');
    expect(await sweepUnpaidInvoices(t.desk.db, t.clock)).toEqual({ rejected: ['REQ-2026-000701'], partlyPaid: ['REQ-2026-000701'] });
    const refunds = await t.desk.db.selectFrom('refunds').selectAll().where('invoice_id', '=', invoice.id).execute();
    expect(refunds).toHaveLength(1);
    expect(JSON.parse(refunds[0]!.facts)).toMatchObject({ surplus: { halalas: 10000, afterExpiry: true } });
    // Money arriving after the invoice expired moves nothing, and joins the same refund.
    const late = await t.pay(invoice.id, 25000, '2026-03-26T09:00:00.000Z');
    expect(late).toMatchObject({ invoiceStatus: 'expired', movedTo: null, paidAfterExpiryHalalas: 35000 });
    expect(await t.statusOf(id)).toBe('rejected');
    expect(await t.desk.db.selectFrom('refunds').select('id').where('invoice_id', '=', invoice.id).execute()).toHaveLength(1);
  });

  it('several desks sweeping at once reject each request once, with one e-mail each', async () => {
    const t = await invoicedRequests(testingOnPostgres() ? 8 : 5);
    t.clock.set('2026-03-26T08:00:00.000Z');
    // Three sweeps at once: on PostgreSQL each runs on its own connection of the pool, as separate desks would.
    const results = await Promise.all([1, 2, 3].map(() => sweepUnpaidInvoices(t.desk.db, t.clock)));
    const all = results.flatMap((r) => r.rejected).sort();
    expect(all).toEqual(t.ids.map((_, i) => `REQ-2026-${String(701 + i).padStart(6, '0')}`));
    for (const id of t.ids) {
      expect(
        await t.desk.db.selectFrom('status_history').select('id').where('request_id', '=', id).where('action', '=', 'expire_invoice').execute(),
      ).toHaveLength(1);
      expect((await t.mailOf(id)).filter((m) => m.kind === 'rejected')).toHaveLength(1);
    }
    expect((await verifyAuditChain(t.desk.db)).ok).toBe(true);
  });

  it('a payment and the sweep racing: the request ends either paid and moved on, or rejected with the money to refund; never both', async () => {
    const t = await invoicedRequests(6);
    t.clock.set('2026-03-25T08:00:00.000Z');
    // One overdue invoice per round: the others fall due later.
    await t.desk.db.updateTable('invoices').set({ due_on: '2026-12-31' }).execute();
    for (const [i, id] of t.ids.entries()) {
      const invoice = await t.invoiceOf(id);
      await t.desk.db.updateTable('invoices').set({ due_on: '2026-03-24' }).where('id', '=', invoice.id).execute();
      const reference = `REQ-2026-${String(701 + i).padStart(6, '0')}`;
      // The payment starts a little later each round, to land before, during and after the sweep's transaction.
      const [swept, paid] = await Promise.all([
        sweepUnpaidInvoices(t.desk.db, t.clock),
        (async () => {
          for (let k = 0; k < i * 4; k++) await Promise.resolve();
          return t.pay(invoice.id, 35000, '2026-03-24T20:00:00.000Z');
        })(),
      ]);
      const status = await t.statusOf(id);
      const inv = await t.invoiceOf(id);
      const refunds = await t.desk.db.selectFrom('refunds').select('id').where('invoice_id', '=', invoice.id).execute();
      if (status === 'rejected') {
        expect(swept.rejected).toContain(reference);
        expect(inv.status).toBe('expired');
        expect(paid.paidAfterExpiryHalalas).toBe(35000);
        expect(refunds).toHaveLength(1);
      } else {
        expect(status).toBe('ready_to_print');
        expect(swept.rejected).not.toContain(reference);
        expect(inv.status).toBe('paid');
        expect(refunds).toHaveLength(0);
      }
    }
  });
});
