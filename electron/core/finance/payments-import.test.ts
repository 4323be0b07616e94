/**
 * The reconciliation file through the dispatcher, on SQLite and PostgreSQL: matched lines settle their
 * invoices, unmatched ones wait, a file imported twice adds nothing, a bad file writes nothing, and
 * finance assigns an unmatched line once however many officers try at the same moment.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { testDesk } from '../testing/test-desk';
import { verifyAuditChain } from '../audit/chain';
import type { PaymentImportResult, UnmatchedPaymentView } from '../../../shared/domain';
import { approvedRenewals, reconciliationCsv } from './testing/awaiting-payment';

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

const FIXTURE = readFileSync(join(__dirname, 'fixtures', 'gateway-2026-03-20.csv'), 'utf8');

/** Today in Riyadh is 2026-03-20; four renewals approved and awaiting payment (INV-2026-000001 … 4, 350 SAR each). */
async function moneyDesk() {
  const t = await testDesk(':memory:', '2026-03-20T08:00:00.000Z');
  close = () => t.desk.close();
  const reviewer = await t.as('rev', ['reviewer']);
  const invoices = await approvedRenewals(t.desk, reviewer.user, 4);
  const fin1 = await t.as('fin1', ['finance']);
  const fin2 = await t.as('fin2', ['finance']);
  const call = (token: string, name: string, args: unknown) => t.dispatch(name, args, token);
  /** What the money path has written: a bad file or a second import must leave all of it as it was. */
  const snapshot = async () => {
    const db = t.desk.db;
    return {
      payments: await db.selectFrom('payments').select(['transaction_id', 'invoice_id', 'amount_halalas', 'status']).orderBy('id').execute(),
      unmatched: await db.selectFrom('unmatched_payments').select(['transaction_id', 'status']).orderBy('id').execute(),
      imports: await db.selectFrom('payment_imports').select('id').execute(),
      invoices: await db.selectFrom('invoices').select(['number', 'status']).orderBy('id').execute(),
      requests: await db.selectFrom('requests').select(['reference', 'status', 'version']).orderBy('id').execute(),
      refunds: await db.selectFrom('refunds').select(['request_id', 'status', 'facts']).orderBy('id').execute(),
      audit: await db.selectFrom('audit_log').select('seq').execute(),
      outbox: await db.selectFrom('outbox').select('id').execute(),
    };
  };
  return { ...t, invoices, fin1, fin2, call, snapshot };
}

const value = <T>(r: unknown): T => {
  expect(r).toMatchObject({ ok: true });
  return (r as { ok: true; value: T }).value;
};

describe('importing a reconciliation file', () => {
  it("an outside party's file (BOM, CR LF, quoted header, other column order): matched by bill or invoice number, unmatched kept, surplus found", async () => {
    const t = await moneyDesk();
    expect(t.invoices.map((i) => `${i.number} ${i.bill} ${i.total}`)).toEqual([
      'INV-2026-000001 1260000011 35000',
      'INV-2026-000002 1260000029 35000',
      'INV-2026-000003 1260000037 35000',
      'INV-2026-000004 1260000045 35000',
    ]);
    const r = value<PaymentImportResult>(await t.call(t.fin1.token, 'payments.import', { name: 'gateway-2026-03-20.csv', content: FIXTURE }));
    expect(r).toMatchObject({ fileName: 'gateway-2026-03-20.csv', lines: 7, matched: 5, unmatched: 2, duplicates: 0 });
    expect(r.importId).toEqual(expect.any(Number));
    expect(new Set(r.settled.map((s) => `${s.reference}:${s.status}`))).toEqual(
      new Set(['REQ-2026-000701:ready_to_print', 'REQ-2026-000703:ready_to_print', 'REQ-2026-000704:ready_to_print']),
    );
    expect(r.partial).toEqual([{ reference: 'REQ-2026-000702', remainingHalalas: 15000 }]);
    expect(new Set(r.refundCandidates.map((c) => `${c.reference}:${c.rule}:${c.surplusHalalas}`))).toEqual(
      new Set(['REQ-2026-000701:RF-DUPLICATE:35000', 'REQ-2026-000703:RF-OVERPAYMENT:5000']),
    );

    const payments = await t.desk.db
      .selectFrom('payments as p')
      .innerJoin('invoices as i', 'i.id', 'p.invoice_id')
      .select(['p.transaction_id', 'i.number', 'p.amount_halalas', 'p.paid_at', 'p.channel', 'p.source', 'p.status', 'p.import_id', 'p.recorded_by'])
      .orderBy('p.transaction_id')
      .execute();
    expect(payments.map((p) => `${p.transaction_id}→${p.number}`)).toEqual([
      'TXN-20260320-0001→INV-2026-000001',
      'TXN-20260320-0002→INV-2026-000002',
      'TXN-20260320-0005→INV-2026-000003',
      'TXN-20260320-0006→INV-2026-000004',
      'TXN-20260321-0007→INV-2026-000001',
    ]);
    expect(payments.every((p) => p.source === 'reconciliation' && p.status === 'confirmed' && p.import_id === r.importId)).toBe(true);
    expect(payments.every((p) => p.recorded_by === t.fin1.user.id)).toBe(true);
    // The file's offsets applied: kept as UTC instants.
    expect(payments[0]).toMatchObject({ paid_at: '2026-03-20T11:05:00.000Z', channel: 'sadad' });
    expect(payments[2]).toMatchObject({ paid_at: '2026-03-20T12:45:00.000Z', channel: 'apple_pay' });

    const unmatched = value<UnmatchedPaymentView[]>(await t.call(t.fin1.token, 'payments.unmatched', {}));
    expect(unmatched.map((u) => [u.transactionId, u.sadadBillNumber, u.invoiceNumber, u.amountHalalas, u.status])).toEqual([
      ['TXN-20260320-0003', '1269999992', null, 35000, 'unmatched'],
      // Its bill is INV-2026-000003's, its invoice number INV-2026-000004: two invoices, so never guessed.
      ['TXN-20260320-0004', '1260000037', 'INV-2026-000004', 35000, 'unmatched'],
    ]);

    const statuses = await t.desk.db.selectFrom('requests').select(['reference', 'status']).orderBy('reference').execute();
    expect(statuses.map((s) => `${s.reference}:${s.status}`)).toEqual([
      'REQ-2026-000701:ready_to_print',
      'REQ-2026-000702:awaiting_payment',
      'REQ-2026-000703:ready_to_print',
      'REQ-2026-000704:ready_to_print',
    ]);
    const audit = await t.desk.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id', 'data', 'actor_id'])
      .where('action', '=', 'payment.import')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor_id).toBe(t.fin1.user.id);
    expect(JSON.parse(audit[0]!.data)).toMatchObject({ fileName: 'gateway-2026-03-20.csv', lines: 7, matched: 5, unmatched: 2, duplicates: 0 });
    const imports = await t.desk.db.selectFrom('payment_imports').selectAll().execute();
    expect(imports).toEqual([
      expect.objectContaining({
        file_name: 'gateway-2026-03-20.csv',
        imported_by: t.fin1.user.id,
        lines: 7,
        matched: 5,
        unmatched: 2,
        duplicates: 0,
      }),
    ]);
    expect(imports[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await verifyAuditChain(t.desk.db)).ok).toBe(true);
  });

  it('imported again, by another officer, changes nothing: every line is a duplicate', async () => {
    const t = await moneyDesk();
    value(await t.call(t.fin1.token, 'payments.import', { name: 'gateway.csv', content: FIXTURE }));
    const before = await t.snapshot();
    const again = value<PaymentImportResult>(await t.call(t.fin2.token, 'payments.import', { name: 'gateway-copy.csv', content: FIXTURE }));
    expect(again).toEqual({
      importId: null,
      fileName: 'gateway-copy.csv',
      lines: 7,
      matched: 0,
      unmatched: 0,
      duplicates: 7,
      settled: [],
      partial: [],
      refundCandidates: [],
    });
    expect(await t.snapshot()).toEqual(before);
  });

  it('a file sharing some lines with one imported before: only the new lines are taken', async () => {
    const t = await moneyDesk();
    const [a, b] = t.invoices;
    const first = reconciliationCsv([['TX-1', a!.bill, '', 35000, '2026-03-20T14:00:00+03:00', 'sadad']]);
    value(await t.call(t.fin1.token, 'payments.import', { name: 'day1.csv', content: first }));
    const second = reconciliationCsv([
      ['TX-1', a!.bill, '', 35000, '2026-03-20T14:00:00+03:00', 'sadad'],
      ['TX-2', '', b!.number, 35000, '2026-03-20T15:00:00+03:00', 'card'],
      ['TX-3', '', 'INV-2025-000009', 100, '2026-03-20T15:00:00+03:00', 'card'],
    ]);
    const r = value<PaymentImportResult>(await t.call(t.fin1.token, 'payments.import', { name: 'day1-full.csv', content: second }));
    expect(r).toMatchObject({ lines: 3, matched: 1, unmatched: 1, duplicates: 1, settled: [{ reference: b!.reference, status: 'ready_to_print' }] });
    // A transaction waiting as unmatched is a duplicate too.
    const third = value<PaymentImportResult>(await t.call(t.fin1.token, 'payments.import', { name: 'day1-again.csv', content: second }));
    expect(third).toMatchObject({ matched: 0, unmatched: 0, duplicates: 3, importId: null });
    expect(await t.desk.db.selectFrom('payments').select('id').execute()).toHaveLength(2);
  });

  it('a malformed line refuses the whole file, naming line and column in both languages; nothing is written', async () => {
    const t = await moneyDesk();
    const before = await t.snapshot();
    // The fixture with TXN-…-0005's amount written as riyals: its record is on line 7 (line 3's note spans two lines).
    const bad = FIXTURE.replace('TXN-20260320-0005,40000', 'TXN-20260320-0005,400.00');
    expect(bad).not.toBe(FIXTURE);
    const r = await t.call(t.fin1.token, 'payments.import', { name: 'bad.csv', content: bad });
    expect(r).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    const error = (r as { error: { message: string; messageAr: string } }).error;
    expect(error.message).toContain('line 7, column amount_halalas: "400.00" is not a whole number');
    expect(error.messageAr).toContain('السطر 7، العمود amount_halalas');
    expect(await t.snapshot()).toEqual(before);
    // A good file after it goes through as if the bad one had never been sent.
    expect(value<PaymentImportResult>(await t.call(t.fin1.token, 'payments.import', { name: 'good.csv', content: FIXTURE })).matched).toBe(5);
  });

  it('two imports of the same file at the same moment record each transaction once', async () => {
    const t = await moneyDesk();
    const results = await Promise.all(
      [t.fin1, t.fin2, t.fin1].map(async (who, i) =>
        value<PaymentImportResult>(await t.call(who.token, 'payments.import', { name: `copy-${i}.csv`, content: FIXTURE })),
      ),
    );
    expect(results.map((r) => r.matched).sort()).toEqual([0, 0, 5]);
    expect(results.map((r) => r.unmatched).sort()).toEqual([0, 0, 2]);
    expect(results.map((r) => r.duplicates).sort()).toEqual([0, 7, 7]);
    expect(await t.desk.db.selectFrom('payments').select('id').execute()).toHaveLength(5);
    expect(await t.desk.db.selectFrom('unmatched_payments').select('id').execute()).toHaveLength(2);
    expect(await t.desk.db.selectFrom('refunds').select('id').execute()).toHaveLength(2);
    expect((await verifyAuditChain(t.desk.db)).ok).toBe(true);
  });

  it('only finance imports', async () => {
    const t = await moneyDesk();
    const clerk = await t.as('clerk', ['card_clerk']);
    const admin = await t.as('adm', ['admin']);
    for (const who of [clerk, admin])
      expect(await t.call(who.token, 'payments.import', { name: 'x.csv', content: FIXTURE })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
  });
});

describe('assigning an unmatched payment', () => {
  async function withUnmatched() {
    const t = await moneyDesk();
    const [, b] = t.invoices;
    const csv = reconciliationCsv([['TX-LOST', '1269999992', '', 35000, '2026-03-20T14:00:00+03:00', 'sadad']]);
    value(await t.call(t.fin1.token, 'payments.import', { name: 'day.csv', content: csv }));
    const [line] = value<UnmatchedPaymentView[]>(await t.call(t.fin1.token, 'payments.unmatched', {}));
    return { ...t, line: line!, target: b! };
  }

  it('finance assigns it to an invoice with a note: the payment is made, the invoice settled, the step audited', async () => {
    const t = await withUnmatched();
    const view = value<UnmatchedPaymentView>(
      await t.call(t.fin2.token, 'payments.assign', {
        unmatchedId: t.line.id,
        invoiceNumber: t.target.number,
        note: 'bank confirmed the bill was mistyped',
      }),
    );
    expect(view).toMatchObject({
      status: 'assigned',
      assignedTo: { invoiceNumber: t.target.number, reference: t.target.reference },
      assignedBy: 'fin2',
      assignedAt: '2026-03-20T08:00:00.000Z',
      note: 'bank confirmed the bill was mistyped',
    });
    const p = await t.desk.db.selectFrom('payments').selectAll().where('transaction_id', '=', 'TX-LOST').executeTakeFirstOrThrow();
    expect(p).toMatchObject({
      invoice_id: t.target.invoiceId,
      amount_halalas: 35000,
      source: 'assigned',
      status: 'confirmed',
      confirmed_by: t.fin2.user.id,
    });
    const req = await t.desk.db.selectFrom('requests').select('status').where('id', '=', t.target.requestId).executeTakeFirstOrThrow();
    expect(req.status).toBe('ready_to_print');
    const audit = await t.desk.db.selectFrom('audit_log').select(['actor_id', 'data']).where('action', '=', 'payment.assign').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.data)).toMatchObject({
      transactionId: 'TX-LOST',
      invoice: t.target.number,
      note: 'bank confirmed the bill was mistyped',
    });
    expect(value<UnmatchedPaymentView[]>(await t.call(t.fin1.token, 'payments.unmatched', {}))).toEqual([]);
    // The same line assigned again: refused, nothing more paid.
    expect(await t.call(t.fin1.token, 'payments.assign', { unmatchedId: t.line.id, invoiceNumber: t.target.number, note: 'again' })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(await t.desk.db.selectFrom('payments').select('id').where('transaction_id', '=', 'TX-LOST').execute()).toHaveLength(1);
  });

  it('an invoice number that does not exist is refused and the line stays unmatched', async () => {
    const t = await withUnmatched();
    const r = await t.call(t.fin1.token, 'payments.assign', { unmatchedId: t.line.id, invoiceNumber: 'INV-2026-000999', note: 'guess' });
    expect(r).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect((r as { error: { message: string } }).error.message).toContain('INV-2026-000999');
    const line = await t.desk.db.selectFrom('unmatched_payments').selectAll().executeTakeFirstOrThrow();
    expect(line).toMatchObject({ status: 'unmatched', assigned_by: null, payment_id: null, note: null });
    expect(await t.desk.db.selectFrom('payments').select('id').execute()).toHaveLength(0);
  });

  it('two officers assigning the same line at the same moment: one wins, the other is told, the money counts once', async () => {
    const t = await withUnmatched();
    const [, , c] = t.invoices;
    const results = await Promise.all([
      t.call(t.fin1.token, 'payments.assign', { unmatchedId: t.line.id, invoiceNumber: t.target.number, note: 'mine' }),
      t.call(t.fin2.token, 'payments.assign', { unmatchedId: t.line.id, invoiceNumber: c!.number, note: 'no, mine' }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'conflict' }) })]);
    const payments = await t.desk.db.selectFrom('payments').select(['invoice_id']).execute();
    expect(payments).toHaveLength(1);
    const line = await t.desk.db.selectFrom('unmatched_payments').selectAll().executeTakeFirstOrThrow();
    const winner = results.findIndex((r) => r.ok);
    expect(line.assigned_by).toBe([t.fin1, t.fin2][winner]!.user.id);
    expect(payments[0]!.invoice_id).toBe([t.target, c!][winner]!.invoiceId);
    expect(await t.desk.db.selectFrom('audit_log').select('seq').where('action', '=', 'payment.assign').execute()).toHaveLength(1);
  });
});
