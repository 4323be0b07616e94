/**
 * The daily reconciliation summary: per Riyadh day and channel, what came in and where it went.
 * received = expected (the part that settles invoices) + surplus (above the invoice or paid twice:
 * refund candidates) + unmatched (matching no invoice yet). Money in is what the desk holds as
 * received: confirmed payments and unmatched lines; a manual payment waiting for its checker, or
 * refused, is not.
 */
import type { DeskDb } from '../db/connection';
import type { ReconciliationRow } from '../../../shared/domain';
import { addDays } from '../time/day-arithmetic';
import { riyadhDate } from '../time/riyadh-day';
import { invoiceTotals } from './finance-lists';

interface Paid {
  id: number;
  invoice_id: number;
  amount_halalas: number;
  paid_at: string;
}

/**
 * The part of each payment that settles its invoice: the invoice's payments in the order they were
 * paid fill it up to its total (as rules.md's refund does: the first payment pays the invoice); the
 * rest of a payment is surplus.
 */
export function settlingParts(payments: Paid[], totals: Map<number, number>): Map<number, number> {
  const byInvoice = new Map<number, Paid[]>();
  for (const p of payments) byInvoice.set(p.invoice_id, [...(byInvoice.get(p.invoice_id) ?? []), p]);
  const part = new Map<number, number>();
  for (const [invoiceId, list] of byInvoice) {
    list.sort((a, b) => Date.parse(a.paid_at) - Date.parse(b.paid_at) || a.id - b.id);
    let left = totals.get(invoiceId) ?? 0;
    for (const p of list) {
      const settles = Math.min(p.amount_halalas, Math.max(0, left));
      part.set(p.id, settles);
      left -= settles;
    }
  }
  return part;
}

/** Days are Riyadh days; `from` and `to` are both included. */
export async function reconciliationSummary(db: DeskDb, from: string, to: string): Promise<ReconciliationRow[]> {
  // paid_at is ISO text with any offset: read a day more on each side, then keep the Riyadh days asked for.
  const lo = addDays(from, -1);
  const hi = addDays(to, 2);
  const inRange = (at: string) => {
    const day = riyadhDate(at);
    return day >= from && day <= to;
  };
  const payments = (
    await db
      .selectFrom('payments')
      .select(['id', 'invoice_id', 'amount_halalas', 'paid_at', 'channel'])
      .where('status', '=', 'confirmed')
      .where('paid_at', '>=', lo)
      .where('paid_at', '<', hi)
      .execute()
  ).filter((p) => inRange(p.paid_at));
  const unmatched = (
    await db
      .selectFrom('unmatched_payments')
      .select(['amount_halalas', 'paid_at', 'channel'])
      .where('status', '=', 'unmatched')
      .where('paid_at', '>=', lo)
      .where('paid_at', '<', hi)
      .execute()
  ).filter((u) => inRange(u.paid_at));

  // What settles an invoice depends on its earlier payments too, in or out of the range.
  const invoiceIds = [...new Set(payments.map((p) => p.invoice_id))];
  const parts = new Map<number, number>();
  for (let i = 0; i < invoiceIds.length; i += 500) {
    const chunk = invoiceIds.slice(i, i + 500);
    const [all, invoices] = await Promise.all([
      db
        .selectFrom('payments')
        .select(['id', 'invoice_id', 'amount_halalas', 'paid_at'])
        .where('status', '=', 'confirmed')
        .where('invoice_id', 'in', chunk)
        .execute(),
      db.selectFrom('invoices').select(['id', 'total_halalas']).where('id', 'in', chunk).execute(),
    ]);
    const totals = new Map(invoices.filter((v) => v.total_halalas !== null).map((v) => [v.id, v.total_halalas!]));
    for (const [id, total] of await invoiceTotals(
      db,
      invoices.filter((v) => v.total_halalas === null).map((v) => v.id),
    ))
      totals.set(id, total);
    for (const [id, part] of settlingParts(all, totals)) parts.set(id, part);
  }

  const rows = new Map<string, ReconciliationRow>();
  const row = (at: string, channel: string) => {
    const day = riyadhDate(at);
    const key = `${day}\u0000${channel}`;
    let r = rows.get(key);
    if (!r) {
      r = { day, channel, payments: 0, receivedHalalas: 0, expectedHalalas: 0, surplusHalalas: 0, unmatchedHalalas: 0 };
      rows.set(key, r);
    }
    return r;
  };
  for (const p of payments) {
    const r = row(p.paid_at, p.channel);
    const settles = parts.get(p.id) ?? 0;
    r.payments += 1;
    r.receivedHalalas += p.amount_halalas;
    r.expectedHalalas += settles;
    r.surplusHalalas += p.amount_halalas - settles;
  }
  for (const u of unmatched) {
    const r = row(u.paid_at, u.channel);
    r.payments += 1;
    r.receivedHalalas += u.amount_halalas;
    r.unmatchedHalalas += u.amount_halalas;
  }
  return [...rows.values()].sort((a, b) => (a.day === b.day ? (a.channel < b.channel ? -1 : 1) : a.day < b.day ? -1 : 1));
}
