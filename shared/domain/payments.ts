/** The money path as the finance desk sees it (domain.md "Fees, invoices and payments"). Amounts in halalas. */
import type { Service } from './services';
import type { Status } from './statuses';
import type { RefundStatus } from './refunds';

export const INVOICE_STATUSES = ['unpaid', 'partially_paid', 'paid', 'expired'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

/** formats.md: the channels a reconciliation line may name. */
export const PAYMENT_CHANNELS = ['sadad', 'mada', 'card', 'apple_pay', 'bank_transfer'] as const;
export type PaymentChannel = (typeof PAYMENT_CHANNELS)[number];
/** The channel a text names, or undefined when it names none. */
export const paymentChannelOf = (text: string): PaymentChannel | undefined => PAYMENT_CHANNELS.find((c) => c === text);

export type PaymentSource = 'reconciliation' | 'manual' | 'assigned' | 'legacy';
export type PaymentState = 'pending' | 'confirmed' | 'refused';
/** A reconciliation line that matched no invoice: `assigned` once finance gave it to one. */
export type UnmatchedPaymentStatus = 'unmatched' | 'assigned';

/** What one reconciliation file did. */
export interface PaymentImportResult {
  importId: number | null;
  fileName: string;
  /** Data lines read (the header not counted). */
  lines: number;
  matched: number;
  unmatched: number;
  /** Lines whose transaction id the desk had already: nothing done for them. */
  duplicates: number;
  /** Requests whose invoice is now paid in full and moved on (reference → new status). */
  settled: Array<{ reference: string; status: Status }>;
  /** Requests still waiting, with what is left to pay. */
  partial: Array<{ reference: string; remainingHalalas: number }>;
  /** Requests with a surplus (overpayment or a second payment) now waiting as a refund to compute. */
  refundCandidates: Array<{ reference: string; rule: 'RF-OVERPAYMENT' | 'RF-DUPLICATE'; surplusHalalas: number }>;
}

export interface PaymentImportView {
  id: number;
  fileName: string;
  importedAt: string;
  importedBy: string | null;
  lines: number;
  matched: number;
  unmatched: number;
  duplicates: number;
}

export interface UnmatchedPaymentView {
  id: number;
  transactionId: string;
  sadadBillNumber: string | null;
  invoiceNumber: string | null;
  amountHalalas: number;
  paidAt: string;
  channel: string;
  receivedAt: string;
  status: UnmatchedPaymentStatus;
  /** Once assigned: the invoice and request it went to, who did it and why. */
  assignedTo: { invoiceNumber: string; reference: string } | null;
  assignedBy: string | null;
  assignedAt: string | null;
  note: string | null;
}

/** No finance list is paged: past this many rows the officer narrows it with search or dates (the list says so). */
export const FINANCE_LIST_CAP = 1000;

/** A request waiting for its money, for the finance officer's list (overdue first). */
export interface AwaitingPaymentRow {
  requestId: number;
  reference: string;
  service: Service;
  nameAr: string;
  nameEn: string;
  invoiceId: number;
  invoiceNumber: string;
  sadadBillNumber: string | null;
  totalHalalas: number;
  paidHalalas: number;
  remainingHalalas: number;
  dueOn: string;
  overdue: boolean;
  /** A manual payment recorded and waiting for a second officer. */
  pendingManual: boolean;
}

export interface PendingManualPaymentRow {
  paymentId: number;
  requestId: number;
  /** The request's reference (REQ-…). */
  reference: string;
  invoiceNumber: string;
  amountHalalas: number;
  paidAt: string;
  channel: string;
  /** The bank transfer's own reference, from the proof. */
  transferReference: string;
  recordedBy: { id: number; name: string };
  recordedAt: string;
  proofAttachmentId: number | null;
}

export const REFUND_STAGES = ['to_compute', 'to_approve', 'to_pay', 'paid'] as const;
export type RefundStage = (typeof REFUND_STAGES)[number];

export interface RefundListRow {
  refundId: number;
  requestId: number;
  reference: string;
  nameAr: string;
  nameEn: string;
  invoiceNumber: string;
  status: RefundStatus;
  /** Where it came from: a surplus found by the desk, or asked for by staff. */
  origin: 'overpayment' | 'duplicate' | 'requested';
  totalHalalas: number | null;
  requestedAt: string | null;
  computedBy: string | null;
  approvedBy: string | null;
  paidAt: string | null;
  payoutReference: string | null;
}

/** Per Riyadh day and channel: what came in, what it settled, and what is left to explain. */
export interface ReconciliationRow {
  day: string;
  channel: string;
  payments: number;
  /** Everything the gateway and finance recorded as received. */
  receivedHalalas: number;
  /** The part that settles invoices (expected money). */
  expectedHalalas: number;
  /** Paid above the invoice or twice: refund candidates. */
  surplusHalalas: number;
  /** Received but matching no invoice yet. */
  unmatchedHalalas: number;
}
