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
  lines: Array<{ kind: FeeKind; amount: number }>;
  payments: Array<{ id: number; amount: number; paidAt: string; channel: string; reference: string }>;
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
