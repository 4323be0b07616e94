/** Refunds, payments and reconciliation. */
import { z } from 'zod';
import { isoDay, id, text, STAFF, method } from './method';
import {
  type CaseFinance,
  type AwaitingPaymentRow,
  type PaymentImportResult,
  type PaymentImportView,
  type PendingManualPaymentRow,
  type ReconciliationRow,
  type RefundListRow,
  type UnmatchedPaymentView,
  REFUND_STAGES,
} from '../domain';

const proofAttachmentId = id.optional();
/** The refund grounds of rules.md, as the finance officer ticks them. */
const grounds = z
  .array(
    z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('directed_in_writing'), proofAttachmentId }),
      z.object({ kind: z.literal('wrong_path'), by: z.enum(['staff', 'system']) }),
      z.object({ kind: z.literal('late_fee_prior_attempts'), proofAttachmentId }),
      z.object({ kind: z.literal('exempt_category'), category: text(64) }),
    ]),
  )
  .max(4)
  .default([]);

export const moneyMethods = {
  'refunds.forCase': method(z.object({ requestId: id }), STAFF).returns<CaseFinance>(),
  'refunds.request': method(z.object({ requestId: id, grounds }), ['finance', 'reviewer', 'approver']).returns<CaseFinance>(),
  'refunds.compute': method(z.object({ requestId: id, requestedAt: isoDay, grounds }), ['finance']).returns<CaseFinance>(),
  'refunds.approve': method(z.object({ refundId: id }), ['finance']).returns<CaseFinance>(),
  'refunds.recordPayout': method(z.object({ refundId: id, reference: text(64) }), ['finance']).returns<CaseFinance>(),
  /** The refunds of one stage across every request (finance's Refunds page). */
  'refunds.list': method(z.object({ stage: z.enum(REFUND_STAGES) }), ['finance', 'admin']).returns<RefundListRow[]>(),

  /** A payment gateway's reconciliation file (formats.md), all or nothing when a line is malformed. */
  'payments.import': method(z.object({ name: z.string().trim().min(1).max(255), content: z.string().max(20 * 1024 * 1024) }), [
    'finance',
  ]).returns<PaymentImportResult>(),
  'payments.imports': method(z.object({ limit: z.number().int().min(1).max(200).default(20) }), ['finance', 'admin']).returns<PaymentImportView[]>(),
  'payments.awaiting': method(z.object({ search: z.string().trim().max(100).optional() }), ['finance', 'admin']).returns<AwaitingPaymentRow[]>(),
  'payments.unmatched': method(z.object({ status: z.enum(['unmatched', 'assigned']).default('unmatched') }), ['finance', 'admin']).returns<
    UnmatchedPaymentView[]
  >(),
  /** Finance decides which invoice an unmatched line pays (audited, with the reason). */
  'payments.assign': method(
    z.object({
      unmatchedId: id,
      invoiceNumber: z
        .string()
        .trim()
        .regex(/^INV-\d{4}-\d{6}$/, 'expected INV-YYYY-NNNNNN'),
      note: text(500),
    }),
    ['finance'],
  ).returns<UnmatchedPaymentView>(),
  /** A bank transfer recorded from its proof by one officer; it counts only once another confirms it. */
  'payments.recordManual': method(
    z.object({
      invoiceId: id,
      amountHalalas: z.number().int().positive().max(100_000_000),
      paidOn: isoDay,
      transferReference: text(64),
      proof: z.union([
        z.object({ attachmentId: id }),
        z.object({
          fileName: z.string().trim().min(1).max(255),
          data: z
            .string()
            .max(30 * 1024 * 1024)
            .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'expected base64'),
        }),
      ]),
    }),
    ['finance'],
  ).returns<CaseFinance>(),
  'payments.pendingManual': method(z.object({}), ['finance', 'admin']).returns<PendingManualPaymentRow[]>(),
  'payments.confirmManual': method(z.object({ paymentId: id }), ['finance']).returns<CaseFinance>(),
  'payments.refuseManual': method(z.object({ paymentId: id, reason: text(500) }), ['finance']).returns<CaseFinance>(),
  /** Expected against received, per Riyadh day and channel. */
  'finance.reconciliation': method(
    z.object({ from: isoDay, to: isoDay }).refine((v) => v.from <= v.to, { message: 'the start date is after the end date', path: ['from'] }),
    ['finance', 'admin'],
  ).returns<ReconciliationRow[]>(),
  'finance.reconciliationExport': method(
    z
      .object({ from: isoDay, to: isoDay, lang: z.enum(['ar', 'en']) })
      .refine((v) => v.from <= v.to, { message: 'the start date is after the end date', path: ['from'] }),
    ['finance', 'admin'],
  ).returns<{ url: string; fileName: string }>(),
} as const;
