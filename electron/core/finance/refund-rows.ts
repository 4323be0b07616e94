/**
 * A refund's row: the lock every write of an invoice's refund takes, opening one to wait in the Refunds queue
 * (asked for by staff, or a surplus the desk found), and reading back where it came from.
 */
import type { RefundGroundInput } from '../../../shared/domain';
import type { Trx } from '../cases/apply-transition';

/**
 * The lock every write that opens, computes or settles a refund of one invoice takes first (PostgreSQL;
 * SQLite has one writer at a time already), so "is one open or settled?" and the write that follows agree.
 */
export const refundLockKey = (invoiceId: number) => `refund-invoice:${invoiceId}`;

/** Money paid above an invoice (RF-OVERPAYMENT) or a second payment of it (RF-DUPLICATE), found by the desk. */
export interface RefundSurplus {
  rule: 'RF-OVERPAYMENT' | 'RF-DUPLICATE';
  halalas: number;
  /** Paid to an invoice that had expired (its request rejected as unpaid): all of it is to be returned. */
  afterExpiry?: true;
}

/** Where a refund came from, read from its stored facts: a surplus the desk found, or a request by staff. */
export function refundOrigin(facts: string): 'overpayment' | 'duplicate' | 'requested' {
  const surplus = (JSON.parse(facts) as { surplus?: RefundSurplus }).surplus;
  return !surplus ? 'requested' : surplus.rule === 'RF-DUPLICATE' ? 'duplicate' : 'overpayment';
}

/** A refund asked for and not yet computed: it waits in the Refunds queue. */
export async function insertRequestedRefund(
  trx: Trx,
  r: {
    requestId: number;
    invoiceId: number;
    grounds: RefundGroundInput[];
    /** Null when the desk itself found the surplus (a reconciliation file). */
    by: number | null;
    at: string;
    /** A surplus the desk found on the invoice, rather than a refund asked for by staff. */
    surplus?: RefundSurplus;
  },
): Promise<number> {
  const { id } = await trx
    .insertInto('refunds')
    .values({
      request_id: r.requestId,
      invoice_id: r.invoiceId,
      status: 'requested',
      facts: JSON.stringify({ groundsInput: r.grounds, ...(r.surplus ? { surplus: r.surplus } : {}) }),
      result: null,
      total_halalas: null,
      computed_by: null,
      approved_by: null,
      payout_reference: null,
      policy_version: null,
      created_at: r.at,
      requested_by: r.by,
      requested_at: r.at,
      computed_at: null,
      approved_at: null,
      paid_by: null,
      paid_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}
