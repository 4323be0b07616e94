/** Invoices, payments and refunds. Money is integer halalas. */
import type { Generated } from 'kysely';
import type {
  FeeKind,
  InvoiceStatus,
  PaymentChannel,
  PaymentSource,
  PaymentState,
  RefundStatus,
  UnmatchedPaymentStatus,
} from '../../../../shared/domain';

export interface InvoicesTable {
  id: Generated<number>;
  request_id: number;
  number: string;
  issued_at: string;
  /** Null only on invoices written before 0090. */
  sadad_bill_number: string | null;
  /** The Riyadh day by which it must be paid (issue + the policy's payment window). */
  due_on: string | null;
  total_halalas: number | null;
  policy_version: number | null;
  status: Generated<InvoiceStatus>;
  paid_at: string | null;
}
export interface InvoiceLinesTable {
  id: Generated<number>;
  invoice_id: number;
  kind: FeeKind;
  amount_halalas: number;
}
export interface PaymentsTable {
  id: Generated<number>;
  invoice_id: number;
  amount_halalas: number;
  paid_at: string;
  channel: PaymentChannel;
  reference: string;
  /** The gateway's id: a reconciliation line imported again is recognised by it. */
  transaction_id: string | null;
  source: Generated<PaymentSource>;
  /** Only confirmed payments count toward an invoice; a manual one waits for its checker. */
  status: Generated<PaymentState>;
  recorded_by: number | null;
  recorded_at: string | null;
  confirmed_by: number | null;
  confirmed_at: string | null;
  proof_attachment_id: number | null;
  import_id: number | null;
  refusal_reason: string | null;
}
export interface PaymentImportsTable {
  id: Generated<number>;
  file_name: string;
  sha256: string;
  imported_by: number | null;
  imported_at: string;
  lines: number;
  matched: number;
  unmatched: number;
  duplicates: number;
}
export interface UnmatchedPaymentsTable {
  id: Generated<number>;
  transaction_id: string;
  sadad_bill_number: string | null;
  invoice_number: string | null;
  amount_halalas: number;
  paid_at: string;
  channel: PaymentChannel;
  import_id: number | null;
  received_at: string;
  status: Generated<UnmatchedPaymentStatus>;
  payment_id: number | null;
  assigned_by: number | null;
  assigned_at: string | null;
  note: string | null;
}
export interface RefundsTable {
  id: Generated<number>;
  request_id: number;
  invoice_id: number;
  status: RefundStatus;
  facts: string;
  result: string | null;
  total_halalas: number | null;
  computed_by: number | null;
  approved_by: number | null;
  payout_reference: string | null;
  policy_version: number | null;
  created_at: string;
  requested_by: number | null;
  requested_at: string | null;
  computed_at: string | null;
  approved_at: string | null;
  paid_by: number | null;
  paid_at: string | null;
}
