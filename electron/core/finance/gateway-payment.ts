import type { Insertable } from 'kysely';
import type { PaymentsTable } from '../db/schema';
import type { PaymentChannel } from '../../../shared/domain';

/** A line of the gateway's reconciliation file, as the payment it makes on an invoice. */
export interface GatewayLine {
  invoiceId: number;
  amountHalalas: number;
  paidAt: string;
  channel: PaymentChannel;
  transactionId: string;
  importId: number | null;
}

/**
 * The payment row for a gateway line, whether the import matched it or an officer assigned it: the
 * gateway's file vouches for the money, so it is confirmed at once by whoever brought it in (no proof,
 * no second officer), and the gateway's transaction id is its reference.
 */
export function gatewayPayment(
  line: GatewayLine,
  source: 'reconciliation' | 'assigned',
  actorId: number | null,
  at: string,
): Insertable<PaymentsTable> {
  return {
    invoice_id: line.invoiceId,
    amount_halalas: line.amountHalalas,
    paid_at: line.paidAt,
    channel: line.channel,
    reference: line.transactionId,
    transaction_id: line.transactionId,
    source,
    status: 'confirmed',
    recorded_by: actorId,
    recorded_at: at,
    confirmed_by: actorId,
    confirmed_at: at,
    proof_attachment_id: null,
    import_id: line.importId,
    refusal_reason: null,
  };
}
