/**
 * The demo's money arrives the way real money does: as a payment gateway's reconciliation file
 * (formats.md), written here from the invoices the demo issued and imported through the same path
 * finance uses. Most lines pay their bill in full; a few pay part, pay too much, pay twice, or name a
 * bill the desk never issued (they wait in the Unmatched list).
 */
import { BOM, csvLine } from '../../../shared/csv';
import type { SeededRandom } from './random';

export interface DemoBill {
  invoiceNumber: string;
  sadadBillNumber: string;
  totalHalalas: number;
  /** When the applicant pays (ISO instant); null: this bill stays unpaid. */
  paidAt: string | null;
  /** Pay only part of it (the request keeps waiting, showing what is left). */
  partial: boolean;
}

const HEADER = ['transaction_id', 'sadad_bill_number', 'invoice_number', 'amount_halalas', 'paid_at', 'channel'];

/** `2026-11-29T14:05:00+03:00`: the gateway writes Riyadh time with its offset. */
function riyadhStamp(iso: string): string {
  const t = new Date(new Date(iso).getTime() + 3 * 3600_000).toISOString();
  return `${t.slice(0, 19)}+03:00`;
}

export function demoPaymentFile(rng: SeededRandom, bills: readonly DemoBill[], unmatched: number): string {
  let out = BOM + csvLine(HEADER);
  let tx = 0;
  const line = (bill: string, invoice: string, amount: number, at: string, channel: string) => {
    tx += 1;
    const id = `TX-${at.slice(0, 10).replaceAll('-', '')}-${String(tx).padStart(6, '0')}`;
    out += csvLine([id, bill, invoice, amount, riyadhStamp(at), channel]);
  };
  for (const b of bills) {
    if (!b.paidAt) continue;
    const channel = rng.pick(['sadad', 'sadad', 'sadad', 'mada', 'card', 'apple_pay']);
    // SADAD payments name the bill; card payments name the invoice (formats.md: either may be empty).
    const [bill, invoice] = channel === 'sadad' ? [b.sadadBillNumber, ''] : ['', b.invoiceNumber];
    const over = !b.partial && rng.chance(0.02) ? 5_000 : 0;
    line(bill, invoice, b.partial ? Math.round(b.totalHalalas / 2) : b.totalHalalas + over, b.paidAt, channel);
    // Paid the same bill again a day or two later.
    if (!b.partial && rng.chance(0.02))
      line(bill, invoice, b.totalHalalas, new Date(new Date(b.paidAt).getTime() + rng.int(1, 2) * 86_400_000).toISOString(), channel);
  }
  const last =
    bills
      .map((b) => b.paidAt)
      .filter((p): p is string => p !== null)
      .sort()
      .at(-1) ?? new Date().toISOString();
  for (let i = 0; i < unmatched; i++) {
    // A bill number the desk never issued: a typo at the bank, or another biller's bill.
    line(
      `9${rng.digits(9)}`,
      '',
      rng.pick([15_000, 30_000, 45_000, 65_000]),
      new Date(new Date(last).getTime() - rng.int(1, 72) * 3600_000).toISOString(),
      'sadad',
    );
  }
  return out;
}
