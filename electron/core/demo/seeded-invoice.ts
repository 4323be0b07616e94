/** A demo request's invoice, issued as its approval issues one, and when (if ever) the demo's reconciliation file pays it. */
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { PolicyVersion } from '../policy/current-policy';
import { issueInvoice } from '../finance/invoices';
import { quoteFee, type FeeFacts } from '../finance/fees';
import type { SeededRandom } from './random';
import type { DemoBill } from './payment-file';

export interface InvoiceSeed {
  requestId: number;
  invoicedAt: string;
  /** When the seeded history recorded the payment, for a request already past it. */
  paidBefore: string | undefined;
  /** The request waits for this payment to reach its status (request-mix.ts SETTLED_BY_PAYMENT). */
  settles: boolean;
  actor: number;
  now: Date;
  pv: PolicyVersion;
  fee: FeeFacts;
}

/** Number, SADAD bill, lines from the fee schedule and due day; the money comes later, from the file. */
export async function seedInvoice(trx: Transaction<Database>, rng: SeededRandom, s: InvoiceSeed): Promise<DemoBill> {
  const quote = quoteFee(s.fee, s.pv.policy);
  const invoice = await issueInvoice(trx, { requestId: s.requestId, at: s.invoicedAt, actorId: s.actor, pv: s.pv, quote });
  const paidAt = s.paidBefore
    ? new Date(new Date(s.paidBefore).getTime() - rng.int(10, 300) * 60_000).toISOString()
    : s.settles || rng.chance(0.15)
      ? new Date(Math.min(s.now.getTime() - 60_000, new Date(s.invoicedAt).getTime() + rng.int(1, 48) * 3600_000)).toISOString()
      : null;
  return {
    invoiceNumber: invoice.number,
    sadadBillNumber: invoice.sadadBillNumber,
    totalHalalas: invoice.totalHalalas,
    paidAt,
    // Paid part of it: the request keeps waiting, showing what is left.
    partial: paidAt !== null && !s.paidBefore && !s.settles,
  };
}
