import { afterEach, describe, expect, it } from 'vitest';
import { testDesk } from '../testing/test-desk';
import { importBundles } from '../intake/import-batch';
import { samplePolicy } from '../policy/sample-policy';
import { goodRequestJson, writeFolder } from '../intake/testing/request-bundles';
import type {
  AwaitingPaymentRow,
  CaseFinance,
  PaymentChannel,
  PaymentImportView,
  PendingManualPaymentRow,
  RefundListRow,
  RefundStatus,
  UnmatchedPaymentView,
} from '../../../shared/domain';

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

type Desk = Awaited<ReturnType<typeof testDesk>>;
const ok = <T>(r: unknown) => {
  expect(r).toMatchObject({ ok: true });
  return (r as { ok: true; value: T }).value;
};

/** Today in Riyadh is 2026-03-20. */
async function financeDesk() {
  const t = await testDesk(':memory:', '2026-03-20T08:00:00.000Z');
  close = () => t.desk.close();
  const refs = ['REQ-2026-000601', 'REQ-2026-000602', 'REQ-2026-000603', 'REQ-2026-000604'];
  const out = await importBundles(
    t.desk.db,
    t.clock,
    samplePolicy(),
    refs.map((reference) => writeFolder(goodRequestJson({ reference }))),
  );
  expect(out.every((o) => o.ok)).toBe(true);
  const finance = await t.as('fin', ['finance']);
  const admin = await t.as('adm', ['admin']);
  const reviewer = await t.as('rev', ['reviewer']);
  return { ...t, finance, admin, reviewer };
}

async function invoice(t: Desk, o: { request: number; number: string; bill: string; total: number; due: string; status: string }) {
  const { id } = await t.desk.db
    .insertInto('invoices')
    .values({
      request_id: o.request,
      number: o.number,
      issued_at: '2026-03-05T10:00:00.000Z',
      sadad_bill_number: o.bill,
      due_on: o.due,
      total_halalas: o.total,
      policy_version: 1,
      status: o.status as 'unpaid',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

async function pay(
  t: Desk,
  o: {
    invoice: number;
    amount: number;
    at: string;
    channel?: PaymentChannel;
    ref: string;
    status?: 'pending' | 'confirmed' | 'refused';
    by?: number;
  },
) {
  const { id } = await t.desk.db
    .insertInto('payments')
    .values({
      invoice_id: o.invoice,
      amount_halalas: o.amount,
      paid_at: o.at,
      channel: o.channel ?? 'sadad',
      reference: o.ref,
      transaction_id: o.status ? null : `TX-${o.ref}`,
      source: o.status ? 'manual' : 'reconciliation',
      status: o.status ?? 'confirmed',
      recorded_by: o.by ?? null,
      recorded_at: o.by ? '2026-03-19T09:00:00.000Z' : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

describe('the finance lists', () => {
  it('awaiting payment: overdue first then by due day, what is left from confirmed payments only, searchable; finance and admin only', async () => {
    const t = await financeDesk();
    await t.desk.db.updateTable('requests').set({ status: 'awaiting_payment' }).where('id', 'in', [1, 2, 3]).execute();
    await t.desk.db.updateTable('requests').set({ status: 'ready_to_print' }).where('id', '=', 4).execute();
    const later = await invoice(t, {
      request: 1,
      number: 'INV-2026-000001',
      bill: '1000000001',
      total: 35000,
      due: '2026-03-25',
      status: 'partially_paid',
    });
    const today = await invoice(t, { request: 2, number: 'INV-2026-000002', bill: '1000000002', total: 45000, due: '2026-03-20', status: 'unpaid' });
    await invoice(t, { request: 3, number: 'INV-2026-000003', bill: '1000000003', total: 15000, due: '2026-03-19', status: 'unpaid' });
    const paid = await invoice(t, { request: 4, number: 'INV-2026-000004', bill: '1000000004', total: 15000, due: '2026-03-10', status: 'paid' });
    await pay(t, { invoice: later, amount: 10000, at: '2026-03-06T10:00:00.000Z', ref: 'A1' });
    // Neither a payment waiting for its checker nor a refused one is money paid.
    await pay(t, { invoice: later, amount: 25000, at: '2026-03-18T10:00:00.000Z', ref: 'M1', status: 'pending', by: t.finance.user.id });
    await pay(t, { invoice: today, amount: 45000, at: '2026-03-18T10:00:00.000Z', ref: 'M2', status: 'refused', by: t.finance.user.id });
    await pay(t, { invoice: paid, amount: 15000, at: '2026-03-07T10:00:00.000Z', ref: 'A4' });

    const rows = ok<AwaitingPaymentRow[]>(await t.dispatch('payments.awaiting', {}, t.finance.token));
    expect(rows.map((r) => [r.reference, r.dueOn, r.overdue])).toEqual([
      ['REQ-2026-000603', '2026-03-19', true],
      ['REQ-2026-000602', '2026-03-20', false],
      ['REQ-2026-000601', '2026-03-25', false],
    ]);
    expect(rows[2]).toMatchObject({
      invoiceNumber: 'INV-2026-000001',
      sadadBillNumber: '1000000001',
      totalHalalas: 35000,
      paidHalalas: 10000,
      remainingHalalas: 25000,
      pendingManual: true,
      nameEn: 'Mohammed Abdullah Alshehri',
      service: 'RENEWAL',
    });
    expect(rows[1]).toMatchObject({ paidHalalas: 0, remainingHalalas: 45000, pendingManual: false });

    const search = async (s: string) =>
      ok<AwaitingPaymentRow[]>(await t.dispatch('payments.awaiting', { search: s }, t.admin.token)).map((r) => r.reference);
    expect(await search('1000000002')).toEqual(['REQ-2026-000602']);
    expect(await search('inv-2026-000003')).toEqual(['REQ-2026-000603']);
    expect(await search('REQ-2026-000601')).toEqual(['REQ-2026-000601']);
    expect(await search('الشهري')).toHaveLength(3);
    expect(await search('alshehri 1000000001')).toEqual(['REQ-2026-000601']);
    expect(await search('nobody')).toEqual([]);
    // Literal text: LIKE's wildcards match themselves, never "anything".
    expect(await search('%')).toEqual([]);
    expect(await search('inv_2026_000003')).toEqual([]);
    // A paid invoice's request is not waiting, whatever the search.
    expect(await search('1000000004')).toEqual([]);

    expect(await t.dispatch('payments.awaiting', {}, t.reviewer.token)).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    // The case's payments tab says the same: bill, due day, status, total, paid and left, each payment's state.
    const f = ok<CaseFinance>(await t.dispatch('refunds.forCase', { requestId: 1 }, t.finance.token));
    expect(f.invoices[0]).toMatchObject({
      number: 'INV-2026-000001',
      sadadBillNumber: '1000000001',
      dueOn: '2026-03-25',
      status: 'partially_paid',
      total: 350,
      paid: 100,
      remaining: 250,
    });
    expect(f.invoices[0]!.payments.map((p) => [p.reference, p.status, p.source, p.transactionId, p.recordedBy?.name ?? null])).toEqual([
      ['A1', 'confirmed', 'reconciliation', 'TX-A1', null],
      ['M1', 'pending', 'manual', null, 'fin'],
    ]);
  });

  it('unmatched lines oldest first; assigned ones with their invoice, who and why; imports newest first; manual payments waiting', async () => {
    const t = await financeDesk();
    const inv = await invoice(t, { request: 1, number: 'INV-2026-000011', bill: '2000000001', total: 35000, due: '2026-03-25', status: 'paid' });
    const { id: importId } = await t.desk.db
      .insertInto('payment_imports')
      .values({
        file_name: 'day-1.csv',
        sha256: 'a',
        imported_by: t.finance.user.id,
        imported_at: '2026-03-18T08:00:00.000Z',
        lines: 4,
        matched: 2,
        unmatched: 2,
        duplicates: 0,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [name, at] of [
      ['day-2.csv', '2026-03-19T08:00:00.000Z'],
      ['day-3.csv', '2026-03-20T08:00:00.000Z'],
    ] as const)
      await t.desk.db
        .insertInto('payment_imports')
        .values({ file_name: name, sha256: name, imported_by: null, imported_at: at, lines: 1, matched: 1, unmatched: 0, duplicates: 0 })
        .execute();
    const line = (transaction_id: string, paid_at: string, amount_halalas: number) => ({
      transaction_id,
      sadad_bill_number: null,
      invoice_number: 'INV-2026-999999',
      amount_halalas,
      paid_at,
      channel: 'card' as const,
      import_id: importId,
      received_at: '2026-03-18T08:00:00.000Z',
    });
    await t.desk.db
      .insertInto('unmatched_payments')
      .values(line('TX-B', '2026-03-17T10:00:00.000Z', 200))
      .execute();
    await t.desk.db
      .insertInto('unmatched_payments')
      .values(line('TX-A', '2026-03-16T10:00:00.000Z', 100))
      .execute();
    const paymentId = await pay(t, { invoice: inv, amount: 35000, at: '2026-03-15T10:00:00.000Z', ref: 'TX-C' });
    await t.desk.db
      .insertInto('unmatched_payments')
      .values({
        ...line('TX-C', '2026-03-15T10:00:00.000Z', 35000),
        status: 'assigned',
        payment_id: paymentId,
        assigned_by: t.finance.user.id,
        assigned_at: '2026-03-19T11:00:00.000Z',
        note: 'the applicant typed the wrong invoice number; receipt checked',
      })
      .execute();

    const waiting = ok<UnmatchedPaymentView[]>(await t.dispatch('payments.unmatched', {}, t.finance.token));
    expect(waiting.map((u) => [u.transactionId, u.amountHalalas, u.status, u.assignedTo])).toEqual([
      ['TX-A', 100, 'unmatched', null],
      ['TX-B', 200, 'unmatched', null],
    ]);
    const assigned = ok<UnmatchedPaymentView[]>(await t.dispatch('payments.unmatched', { status: 'assigned' }, t.admin.token));
    expect(assigned).toEqual([
      expect.objectContaining({
        transactionId: 'TX-C',
        assignedTo: { invoiceNumber: 'INV-2026-000011', reference: 'REQ-2026-000601' },
        assignedBy: 'fin',
        note: 'the applicant typed the wrong invoice number; receipt checked',
      }),
    ]);

    const imports = ok<PaymentImportView[]>(await t.dispatch('payments.imports', { limit: 2 }, t.finance.token));
    expect(imports.map((i) => i.fileName)).toEqual(['day-3.csv', 'day-2.csv']);
    const all = ok<PaymentImportView[]>(await t.dispatch('payments.imports', {}, t.finance.token));
    expect(all.at(-1)).toMatchObject({ fileName: 'day-1.csv', importedBy: 'fin', lines: 4, matched: 2, unmatched: 2, duplicates: 0 });

    const open = await invoice(t, { request: 2, number: 'INV-2026-000012', bill: '2000000002', total: 45000, due: '2026-03-25', status: 'unpaid' });
    const pending = await pay(t, {
      invoice: open,
      amount: 45000,
      at: '2026-03-18T00:00:00.000Z',
      channel: 'bank_transfer',
      ref: 'TRF-778',
      status: 'pending',
      by: t.finance.user.id,
    });
    await pay(t, {
      invoice: open,
      amount: 100,
      at: '2026-03-18T00:00:00.000Z',
      channel: 'bank_transfer',
      ref: 'TRF-779',
      status: 'refused',
      by: t.finance.user.id,
    });
    const manual = ok<PendingManualPaymentRow[]>(await t.dispatch('payments.pendingManual', {}, t.finance.token));
    expect(manual).toEqual([
      expect.objectContaining({
        paymentId: pending,
        requestId: 2,
        reference: 'REQ-2026-000602',
        invoiceNumber: 'INV-2026-000012',
        amountHalalas: 45000,
        transferReference: 'TRF-778',
        recordedBy: { id: t.finance.user.id, name: 'fin' },
      }),
    ]);
    for (const m of ['payments.unmatched', 'payments.imports', 'payments.pendingManual'])
      expect(await t.dispatch(m, {}, t.reviewer.token)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('refunds by stage: each status in its own stage, none superseded, the origin from the facts', async () => {
    const t = await financeDesk();
    const inv = (n: number) =>
      invoice(t, { request: n, number: `INV-2026-00002${n}`, bill: `300000000${n}`, total: 45000, due: '2026-03-25', status: 'paid' });
    const refund = async (request: number, status: RefundStatus, facts: unknown, at: string) =>
      t.desk.db
        .insertInto('refunds')
        .values({
          request_id: request,
          invoice_id: await inv(request),
          status,
          facts: JSON.stringify(facts),
          result: null,
          total_halalas: status === 'requested' ? null : 5000,
          computed_by: status === 'requested' ? null : t.finance.user.id,
          approved_by: ['approved', 'paid'].includes(status) ? t.admin.user.id : null,
          payout_reference: status === 'paid' ? 'TRF-PAID' : null,
          policy_version: 1,
          created_at: at,
          requested_by: null,
          requested_at: at,
          computed_at: status === 'requested' ? null : at,
          approved_at: ['approved', 'paid'].includes(status) ? at : null,
          paid_by: null,
          paid_at: status === 'paid' ? at : null,
        })
        .execute();
    await refund(1, 'requested', { groundsInput: [], surplus: { rule: 'RF-OVERPAYMENT', halalas: 5000 } }, '2026-03-18T08:00:00.000Z');
    await refund(2, 'computed', { groundsInput: [{ kind: 'wrong_path', by: 'staff' }] }, '2026-03-18T08:00:00.000Z');
    await refund(3, 'approved', { groundsInput: [], surplus: { rule: 'RF-DUPLICATE', halalas: 45000 } }, '2026-03-18T08:00:00.000Z');
    await refund(4, 'paid', { groundsInput: [] }, '2026-03-18T08:00:00.000Z');
    const stage = async (s: string) => ok<RefundListRow[]>(await t.dispatch('refunds.list', { stage: s }, t.finance.token));
    expect((await stage('to_compute')).map((r) => [r.reference, r.status, r.origin])).toEqual([['REQ-2026-000601', 'requested', 'overpayment']]);
    expect((await stage('to_approve')).map((r) => [r.reference, r.status, r.origin, r.computedBy])).toEqual([
      ['REQ-2026-000602', 'computed', 'requested', 'fin'],
    ]);
    expect((await stage('to_pay')).map((r) => [r.reference, r.origin, r.approvedBy])).toEqual([['REQ-2026-000603', 'duplicate', 'adm']]);
    expect(await stage('paid')).toEqual([
      expect.objectContaining({ reference: 'REQ-2026-000604', payoutReference: 'TRF-PAID', totalHalalas: 5000, invoiceNumber: 'INV-2026-000024' }),
    ]);
    await t.desk.db.updateTable('refunds').set({ status: 'superseded' }).where('request_id', '=', 2).execute();
    expect(await stage('to_approve')).toEqual([]);
    expect(await t.dispatch('refunds.list', { stage: 'paid' }, t.reviewer.token)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
