import { afterEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { testDesk } from '../testing/test-desk';
import { importBundles } from '../intake/import-batch';
import { samplePolicy } from '../policy/sample-policy';
import { goodRequestJson, writeFolder } from '../intake/testing/request-bundles';
import type { PaymentChannel, ReconciliationRow } from '../../../shared/domain';
import { settlingParts } from './reconciliation-summary';
import { fileForLink } from '../files/attachment-file';

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

const ok = <T>(r: unknown) => {
  expect(r).toMatchObject({ ok: true });
  return (r as { ok: true; value: T }).value;
};

/**
 * Two invoices of 450 SAR. A: 300 on 1 March (before the range) then 200 on 2 March (150 settles,
 * 50 surplus). B: 450 by mada on 2 March, then 450 again on 3 March (all surplus). Unmatched 123.45
 * on 2 March. Not money in: a manual payment waiting for its checker, a refused one, an unmatched line
 * already assigned (its payment counts instead). Days are Riyadh days: 21:30 UTC is the next day there.
 */
async function booked() {
  const t = await testDesk(':memory:', '2026-03-20T08:00:00.000Z');
  close = () => t.desk.close();
  await importBundles(t.desk.db, t.clock, samplePolicy(), [
    writeFolder(goodRequestJson({ reference: 'REQ-2026-000701' })),
    writeFolder(goodRequestJson({ reference: 'REQ-2026-000702' })),
  ]);
  const invoice = async (request: number, number: string) =>
    (
      await t.desk.db
        .insertInto('invoices')
        .values({
          request_id: request,
          number,
          issued_at: '2026-02-25T10:00:00.000Z',
          sadad_bill_number: `9${number.slice(-6)}`,
          due_on: '2026-03-11',
          total_halalas: 45000,
          policy_version: 1,
          status: 'paid',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const a = await invoice(1, 'INV-2026-000701');
  const b = await invoice(2, 'INV-2026-000702');
  const pay = async (
    invoice_id: number,
    amount_halalas: number,
    paid_at: string,
    channel: PaymentChannel,
    status: 'confirmed' | 'pending' | 'refused' = 'confirmed',
  ) =>
    (
      await t.desk.db
        .insertInto('payments')
        .values({ invoice_id, amount_halalas, paid_at, channel, reference: `R-${paid_at}-${amount_halalas}-${status}`, status })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  await pay(a, 30000, '2026-03-01T09:00:00.000Z', 'sadad');
  await pay(a, 20000, '2026-03-01T21:30:00.000Z', 'sadad'); // 2 March in Riyadh
  await pay(b, 45000, '2026-03-02T12:00:00+03:00', 'mada'); // as a gateway writes it, with its offset
  const assigned = await pay(b, 45000, '2026-03-03T08:00:00.000Z', 'sadad');
  await pay(a, 99900, '2026-03-02T08:00:00.000Z', 'bank_transfer', 'pending');
  await pay(b, 88800, '2026-03-02T08:00:00.000Z', 'bank_transfer', 'refused');
  const line = { sadad_bill_number: null, invoice_number: null, channel: 'sadad' as const, import_id: null, received_at: '2026-03-04T08:00:00.000Z' };
  await t.desk.db
    .insertInto('unmatched_payments')
    .values({ ...line, transaction_id: 'TX-U1', amount_halalas: 12345, paid_at: '2026-03-02T10:00:00.000Z' })
    .execute();
  await t.desk.db
    .insertInto('unmatched_payments')
    .values({
      ...line,
      transaction_id: 'TX-U2',
      amount_halalas: 45000,
      paid_at: '2026-03-03T08:00:00.000Z',
      status: 'assigned',
      payment_id: assigned,
    })
    .execute();
  const finance = await t.as('fin', ['finance']);
  const reviewer = await t.as('rev', ['reviewer']);
  return { ...t, finance, reviewer };
}

describe('the daily reconciliation summary', () => {
  it('per Riyadh day and channel: received = expected + surplus + unmatched; earlier payments fill the invoice first', async () => {
    const t = await booked();
    const rows = ok<ReconciliationRow[]>(await t.dispatch('finance.reconciliation', { from: '2026-03-02', to: '2026-03-03' }, t.finance.token));
    expect(rows).toEqual([
      { day: '2026-03-02', channel: 'mada', payments: 1, receivedHalalas: 45000, expectedHalalas: 45000, surplusHalalas: 0, unmatchedHalalas: 0 },
      {
        day: '2026-03-02',
        channel: 'sadad',
        payments: 2,
        receivedHalalas: 32345,
        expectedHalalas: 15000,
        surplusHalalas: 5000,
        unmatchedHalalas: 12345,
      },
      { day: '2026-03-03', channel: 'sadad', payments: 1, receivedHalalas: 45000, expectedHalalas: 0, surplusHalalas: 45000, unmatchedHalalas: 0 },
    ]);
    for (const r of rows) expect(r.receivedHalalas).toBe(r.expectedHalalas + r.surplusHalalas + r.unmatchedHalalas);

    const first = ok<ReconciliationRow[]>(await t.dispatch('finance.reconciliation', { from: '2026-03-01', to: '2026-03-01' }, t.finance.token));
    expect(first).toEqual([
      { day: '2026-03-01', channel: 'sadad', payments: 1, receivedHalalas: 30000, expectedHalalas: 30000, surplusHalalas: 0, unmatchedHalalas: 0 },
    ]);
    expect(ok<ReconciliationRow[]>(await t.dispatch('finance.reconciliation', { from: '2026-03-10', to: '2026-03-12' }, t.finance.token))).toEqual(
      [],
    );
    expect(await t.dispatch('finance.reconciliation', { from: '2026-03-03', to: '2026-03-02' }, t.finance.token)).toMatchObject({
      ok: false,
      error: { code: 'bad_input' },
    });
    expect(await t.dispatch('finance.reconciliation', { from: '2026-03-01', to: '2026-03-03' }, t.reviewer.token)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('settles in the order paid, the same whatever order the rows come in', () => {
    const p = [
      { id: 3, invoice_id: 1, amount_halalas: 100, paid_at: '2026-03-03T00:00:00Z' },
      { id: 1, invoice_id: 1, amount_halalas: 80, paid_at: '2026-03-01T00:00:00+03:00' },
      { id: 2, invoice_id: 1, amount_halalas: 80, paid_at: '2026-03-01T00:00:00+03:00' },
    ];
    const parts = settlingParts(p, new Map([[1, 120]]));
    expect([parts.get(1), parts.get(2), parts.get(3)]).toEqual([80, 40, 0]);
  });

  it('exports the summary to Excel: Arabic right to left, frozen header, typed SAR amounts, a totals row', async () => {
    const t = await booked();
    const link = ok<{ url: string; fileName: string }>(
      await t.dispatch('finance.reconciliationExport', { from: '2026-03-01', to: '2026-03-03', lang: 'ar' }, t.finance.token),
    );
    expect(link.fileName).toBe('reconciliation-2026-03-01-to-2026-03-03.xlsx');
    const file = await fileForLink(t.desk, link.url, t.finance.token);
    expect(file?.mime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file!.bytes!) as never);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('التسوية اليومية');
    expect(sheet.views[0]).toMatchObject({ rightToLeft: true, state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).getCell(1).value).toBe('اليوم');
    expect(sheet.getRow(2).getCell(2).value).toBe('سداد');
    expect(sheet.getRow(2).getCell(4).value).toBe(300);
    expect(sheet.getRow(2).getCell(1).value).toBeInstanceOf(Date);
    const last = sheet.getRow(sheet.rowCount);
    expect(last.getCell(1).value).toBe('الإجمالي');
    // 300 + 323.45 + 450 + 450 received; 450 + 450 expected (300 + 150 of A, 450 of B); 50 + 450 surplus; 123.45 unmatched.
    expect([3, 4, 5, 6, 7].map((c) => last.getCell(c).value)).toEqual([5, 1523.45, 900, 500, 123.45]);
    expect(sheet.getColumn(4).numFmt).toBe('#,##0.00');

    const en = ok<{ url: string }>(
      await t.dispatch('finance.reconciliationExport', { from: '2026-03-01', to: '2026-03-03', lang: 'en' }, t.finance.token),
    );
    const enBook = new ExcelJS.Workbook();
    await enBook.xlsx.load(Buffer.from((await fileForLink(t.desk, en.url, t.finance.token))!.bytes) as never);
    expect(enBook.worksheets[0]!.views[0]).toMatchObject({ rightToLeft: false });
    expect(enBook.worksheets[0]!.getRow(1).getCell(4).value).toBe('Received (SAR)');
  });
});
