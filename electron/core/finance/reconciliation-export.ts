/**
 * The daily reconciliation summary as an Excel workbook, like the queue exports (export-sinks.ts):
 * a right-to-left sheet in Arabic, typed days and amounts in SAR, a frozen header, filters, and a
 * totals row that adds the same columns Excel would.
 */
import ExcelJS from 'exceljs';
import type { ReconciliationRow } from '../../../shared/domain';
import { TERMS } from '../../../shared/domain';

type Lang = 'ar' | 'en';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const TITLES: Record<string, { ar: string; en: string }> = {
  day: { ar: 'اليوم', en: 'Day' },
  channel: { ar: 'قناة الدفع', en: 'Channel' },
  payments: { ar: 'عدد المدفوعات', en: 'Payments' },
  received: { ar: 'المستلم (ريال)', en: 'Received (SAR)' },
  expected: { ar: 'المتوقع: سداد الفواتير (ريال)', en: 'Expected: settling invoices (SAR)' },
  surplus: { ar: 'الزيادة: مرشحة للاسترداد (ريال)', en: 'Surplus: refund candidates (SAR)' },
  unmatched: { ar: 'غير مطابق (ريال)', en: 'Unmatched (SAR)' },
};

const channelLabel = (channel: string, lang: Lang) =>
  (TERMS.payment_channels as Record<string, { ar: string; en: string }>)[channel]?.[lang] ?? channel;

export function reconciliationFileName(from: string, to: string): string {
  return `reconciliation-${from}-to-${to}.xlsx`;
}

export async function reconciliationWorkbook(rows: ReconciliationRow[], o: { from: string; to: string; lang: Lang }): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Mumaris Review Desk';
  book.title = o.lang === 'ar' ? `التسوية اليومية ${o.from} — ${o.to}` : `Daily reconciliation ${o.from} to ${o.to}`;
  const sheet = book.addWorksheet(o.lang === 'ar' ? 'التسوية اليومية' : 'Daily reconciliation', {
    views: [{ rightToLeft: o.lang === 'ar', state: 'frozen', ySplit: 1 }],
  });
  const money = { numFmt: '#,##0.00' };
  sheet.columns = [
    { header: TITLES.day![o.lang], key: 'day', width: 14, style: { numFmt: 'yyyy-mm-dd' } },
    { header: TITLES.channel![o.lang], key: 'channel', width: 18 },
    { header: TITLES.payments![o.lang], key: 'payments', width: 14, style: { numFmt: '0' } },
    { header: TITLES.received![o.lang], key: 'received', width: 18, style: money },
    { header: TITLES.expected![o.lang], key: 'expected', width: 30, style: money },
    { header: TITLES.surplus![o.lang], key: 'surplus', width: 30, style: money },
    { header: TITLES.unmatched![o.lang], key: 'unmatched', width: 18, style: money },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 7 } };
  // Amounts as numbers of riyals (halalas / 100): Excel adds and filters them; the format shows the halalas.
  for (const r of rows)
    sheet.addRow({
      day: new Date(`${r.day}T00:00:00Z`),
      channel: channelLabel(r.channel, o.lang),
      payments: r.payments,
      received: r.receivedHalalas / 100,
      expected: r.expectedHalalas / 100,
      surplus: r.surplusHalalas / 100,
      unmatched: r.unmatchedHalalas / 100,
    });
  const sum = (pick: (r: ReconciliationRow) => number) => rows.reduce((a, r) => a + pick(r), 0);
  const totals = sheet.addRow({
    day: o.lang === 'ar' ? 'الإجمالي' : 'Total',
    payments: sum((r) => r.payments),
    received: sum((r) => r.receivedHalalas) / 100,
    expected: sum((r) => r.expectedHalalas) / 100,
    surplus: sum((r) => r.surplusHalalas) / 100,
    unmatched: sum((r) => r.unmatchedHalalas) / 100,
  });
  totals.font = { bold: true };
  totals.border = { top: { style: 'thin' } };
  return new Uint8Array(await book.xlsx.writeBuffer());
}
