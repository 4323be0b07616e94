/**
 * Settling an invoice after a payment to it was confirmed (a reconciliation line, an unmatched line
 * assigned, a manual payment confirmed by its checker), inside the caller's transaction:
 *  - the invoice's paid amount and status are recomputed from its CONFIRMED payments;
 *  - paid in full while the request is awaiting_payment → `record_payment`: card services to
 *    ready_to_print; document services to document_issued, the letter generated and kept; the applicant told;
 *  - partly paid → it keeps waiting, with what is left;
 *  - a surplus (more than the invoice, or a payment of an invoice already paid) → one refund candidate in
 *    the Refunds queue (status requested), whose facts computed from the case records give RF-OVERPAYMENT /
 *    RF-DUPLICATE lines (payment-groups.ts). Never two open candidates for one invoice.
 * Calling it again with nothing new changes nothing.
 */
import type { Trx } from '../cases/apply-transition';
import { applyTransition } from '../cases/apply-transition';
import type { CardSigner } from '../documents/card-signing';
import { isCardService, isDocumentService, type RefundStatus, type Status } from '../../../shared/domain';
import { notFound } from '../errors';
import { serialise } from '../db/dialect';
import { appendAudit } from '../audit/chain';
import { queueApplicantNotice, recipient } from '../cases/notify';
import { keepIssuedLetter } from '../documents/letters/issued-letters';
import { groupPayments, surplusOf } from './payment-groups';
import { insertRequestedRefund, refundLockKey, type RefundSurplus } from './refund-rows';

export interface SettleContext {
  actorId: number | null;
  at: string;
  signer: CardSigner;
}

export interface SettleOutcome {
  reference: string;
  invoiceStatus: 'unpaid' | 'partially_paid' | 'paid' | 'expired';
  remainingHalalas: number;
  /** The request's new status when it moved on. */
  movedTo: Status | null;
  /** A surplus this call found or saw grow (null when nothing new is to be refunded). */
  refundCandidate: { rule: 'RF-OVERPAYMENT' | 'RF-DUPLICATE'; surplusHalalas: number } | null;
  /**
   * Money confirmed to an invoice that had already expired (its request rejected as unpaid): nothing moves
   * on, and the whole of it waits in the Refunds queue to be computed (halalas; 0 when none).
   */
  paidAfterExpiryHalalas: number;
}

const OPEN: RefundStatus[] = ['requested', 'computed'];

export async function settleInvoice(trx: Trx, ctx: SettleContext, invoiceId: number): Promise<SettleOutcome> {
  // One settlement of an invoice at a time, and the same lock as every refund write of it: two imports
  // paying it at once both count, and "is a candidate open?" cannot race with opening one.
  await serialise(trx, refundLockKey(invoiceId));
  const inv = await trx
    .selectFrom('invoices')
    .innerJoin('requests', 'requests.id', 'invoices.request_id')
    .select([
      'invoices.id',
      'invoices.number',
      'invoices.status',
      'invoices.total_halalas',
      'invoices.paid_at',
      'requests.id as request_id',
      'requests.reference',
      'requests.service',
      'requests.status as request_status',
    ])
    .where('invoices.id', '=', invoiceId)
    .executeTakeFirst();
  if (!inv) throw notFound(`invoice ${invoiceId}`, `الفاتورة ${invoiceId}`, 'feminine');

  const lines = await trx.selectFrom('invoice_lines').select('amount_halalas').where('invoice_id', '=', invoiceId).execute();
  const total = inv.total_halalas ?? lines.reduce((s, l) => s + l.amount_halalas, 0);
  const payments = await trx
    .selectFrom('payments')
    .select(['id', 'amount_halalas', 'paid_at', 'reference'])
    .where('invoice_id', '=', invoiceId)
    .where('status', '=', 'confirmed')
    .execute();
  const groups = groupPayments(total, payments);
  const paid = payments.reduce((s, p) => s + p.amount_halalas, 0);

  const expired = inv.status === 'expired';
  const status = expired ? 'expired' : paid >= total ? 'paid' : paid > 0 ? 'partially_paid' : 'unpaid';
  const paidAt = status === 'paid' ? groups.completedAt : null;
  if (status !== inv.status || paidAt !== inv.paid_at) {
    await trx.updateTable('invoices').set({ status, paid_at: paidAt }).where('id', '=', invoiceId).execute();
  }

  let movedTo: Status | null = null;
  const service = inv.service;
  if (status === 'paid' && inv.request_status === 'awaiting_payment') {
    const { to } = await applyTransition(trx, {
      requestId: inv.request_id,
      expectedVersion: null,
      action: 'record_payment',
      actorId: ctx.actorId,
      at: ctx.at,
      reason: `invoice ${inv.number} paid in full`,
    });
    movedTo = to;
    if (to === 'document_issued' && isDocumentService(service)) await keepIssuedLetter(trx, ctx.signer, inv.request_id, ctx.actorId, ctx.at);
    await queueApplicantNotice(
      trx,
      await recipient(trx, inv.request_id),
      { kind: 'paid', next: isCardService(service) ? 'card' : 'document', invoiceNumber: inv.number },
      ctx.at,
    );
  }

  // An expired invoice's request is rejected: all its money is to be returned, none of it is a fee.
  const surplus: RefundSurplus | null = expired
    ? paid > 0
      ? { rule: 'RF-OVERPAYMENT', halalas: paid, afterExpiry: true }
      : null
    : (() => {
        const s = surplusOf(total, groups);
        return s ? { rule: s.rule, halalas: s.halalas } : null;
      })();
  const grown = surplus ? await openRefundCandidate(trx, ctx, { requestId: inv.request_id, invoiceId, reference: inv.reference }, surplus) : false;

  return {
    reference: inv.reference,
    invoiceStatus: status,
    remainingHalalas: expired ? 0 : Math.max(0, total - paid),
    movedTo,
    refundCandidate: grown && surplus && !expired ? { rule: surplus.rule, surplusHalalas: surplus.halalas } : null,
    paidAfterExpiryHalalas: grown && expired ? paid : 0,
  };
}

/**
 * Opens the invoice's refund candidate, or brings the open one up to a larger surplus (a computed one goes
 * back to be computed again: its figures no longer hold). True when something is new to refund.
 */
export async function openRefundCandidate(
  trx: Trx,
  ctx: Pick<SettleContext, 'actorId' | 'at'>,
  c: { requestId: number; invoiceId: number; reference: string },
  surplus: RefundSurplus,
): Promise<boolean> {
  const refunds = await trx.selectFrom('refunds').select(['id', 'status', 'facts']).where('invoice_id', '=', c.invoiceId).orderBy('id').execute();
  const recorded = (facts: string) => (JSON.parse(facts) as { surplus?: RefundSurplus }).surplus?.halalas ?? 0;
  const open = refunds.find((r) => OPEN.includes(r.status));
  const audit = (refundId: number, action: string) =>
    appendAudit(trx, {
      at: ctx.at,
      actorId: ctx.actorId,
      action,
      entity: 'refund',
      entityId: refundId,
      data: { reference: c.reference, invoiceId: c.invoiceId, rule: surplus.rule, surplus: surplus.halalas / 100 },
    });
  if (open) {
    if (recorded(open.facts) >= surplus.halalas) return false;
    const facts = { ...(JSON.parse(open.facts) as object), surplus };
    // Back to `requested` only from an open status: an approval committed meanwhile keeps its row.
    await trx
      .updateTable('refunds')
      .set({ facts: JSON.stringify(facts), status: 'requested', result: null, total_halalas: null, computed_by: null, computed_at: null })
      .where('id', '=', open.id)
      .where('status', 'in', OPEN)
      .execute();
    await audit(open.id, 'refund.surplus');
    return true;
  }
  // A refund of this invoice approved or paid already: one refund per invoice (refunds.ts), so money found
  // after it is audited for finance to see rather than opened as a second refund that could never be computed.
  const settled = refunds.filter((r) => r.status === 'approved' || r.status === 'paid');
  if (settled.length > 0) {
    const last = settled[settled.length - 1]!;
    const seen = await trx
      .selectFrom('audit_log')
      .select('data')
      .where('action', '=', 'refund.surplus_after_settled')
      .where('entity', '=', 'refund')
      .where('entity_id', '=', String(last.id))
      .execute();
    const known = Math.max(recorded(last.facts), ...seen.map((a) => Math.round(((JSON.parse(a.data) as { surplus: number }).surplus ?? 0) * 100)));
    if (known >= surplus.halalas) return false;
    await audit(last.id, 'refund.surplus_after_settled');
    return true;
  }
  const id = await insertRequestedRefund(trx, { requestId: c.requestId, invoiceId: c.invoiceId, grounds: [], by: ctx.actorId, at: ctx.at, surplus });
  await audit(id, 'refund.surplus');
  return true;
}
