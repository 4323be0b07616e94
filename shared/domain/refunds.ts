/** Refunds as the finance desk sees them (rules.md "Refunds"). Amounts in SAR. */
import type { Bilingual } from './terms';

export type FeeKind = 'service' | 'late' | 'administrative';

export interface RefundLine {
  rule: string;
  paymentId: string;
  feeKind: FeeKind | 'payment';
  base: number;
  amount: number;
  explanation: Bilingual;
}

export interface RefundDenial {
  rule: string;
  paymentId: string | null;
  feeKind: FeeKind | 'payment' | null;
  base: number;
  explanation: Bilingual;
}

export interface RefundResult {
  currency: 'SAR';
  total: number;
  lines: RefundLine[];
  denials: RefundDenial[];
}

/** A ground as the officer ticks it: proofs are attachments of the case. */
export type RefundGroundInput =
  | { kind: 'directed_in_writing'; proofAttachmentId?: number }
  | { kind: 'wrong_path'; by: 'staff' | 'system' }
  | { kind: 'late_fee_prior_attempts'; proofAttachmentId?: number }
  | { kind: 'exempt_category'; category: string };

export const REFUND_STATUSES = ['requested', 'computed', 'approved', 'paid', 'superseded'] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];

export interface InvoiceView {
  id: number;
  number: string;
  issuedAt: string;
  /** Null only on invoices written before bills and due days were recorded. */
  sadadBillNumber: string | null;
  dueOn: string | null;
  status: 'unpaid' | 'partially_paid' | 'paid' | 'expired';
  /** SAR: the invoice, what its confirmed payments paid, and what is left to pay. */
  total: number;
  paid: number;
  remaining: number;
  lines: Array<{ kind: FeeKind; amount: number }>;
  payments: Array<{
    id: number;
    amount: number;
    paidAt: string;
    channel: string;
    reference: string;
    transactionId: string | null;
    source: 'reconciliation' | 'manual' | 'assigned' | 'legacy';
    /** Only confirmed payments count; a manual one waits for a second officer. */
    status: 'pending' | 'confirmed' | 'refused';
    recordedBy: { id: number; name: string } | null;
    refusalReason: string | null;
    /** The second officer who confirmed a manual payment. */
    confirmedBy: string | null;
    /** The bank transfer receipt (payment_proof attachment) of a manual payment. */
    proofAttachmentId: number | null;
  }>;
  /** The policy version whose fee schedule priced it (null before invoices were issued by the desk). */
  policyVersion: number | null;
}

export interface RefundView {
  id: number;
  invoiceNumber: string;
  status: RefundStatus;
  requestedAt: string | null;
  requestedBy: string | null;
  grounds: RefundGroundInput[];
  result: RefundResult | null;
  computedBy: { id: number; name: string } | null;
  computedAt: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  payoutReference: string | null;
  paidAt: string | null;
  policyVersion: number | null;
}

export interface CaseFinance {
  invoices: InvoiceView[];
  refunds: RefundView[];
}
