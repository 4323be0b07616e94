/**
 * The finance officer's lists (read only): requests waiting for their money, reconciliation lines
 * that matched nothing, the files imported, manual payments waiting for a second officer, and refunds
 * by stage. Amounts in halalas; only confirmed payments count as paid (a manual one waits for its checker).
 */
import { sql, type SqlBool } from 'kysely';
import type { DeskDb } from '../db/connection';
import type {
  AwaitingPaymentRow,
  PaymentImportView,
  PendingManualPaymentRow,
  RefundListRow,
  RefundStage,
  RefundStatus,
  UnmatchedPaymentView,
} from '../../../shared/domain';
import { FINANCE_LIST_CAP } from '../../../shared/domain';
import { riyadhDate } from '../time/riyadh-day';
import { searchTokens } from '../cases/search-text';
import { refundOrigin } from './refund-rows';
import { containsLiteral, escapeLike } from '../db/dialect';

/** An invoice's due day; invoices written before due days existed have none and fall back to the day they were issued. */
const dueKey = sql<string>`coalesce(i.due_on, substr(i.issued_at, 1, 10))`;

/** The page of waiting invoices in the list's order (ids only), its words all matched. Exported for its plan's test. */
export function awaitingPage(db: DeskDb, tokens: string[]) {
  const page = db
    .selectFrom('invoices as i')
    .select(['i.id', dueKey.as('due_key')])
    .where('i.status', 'in', ['unpaid', 'partially_paid'])
    // The status from its index: the request's row is read only to search it.
    .where('i.request_id', 'in', (eb) => eb.selectFrom('requests').select('id').where('status', '=', 'awaiting_payment'));
  if (tokens.length === 0) return page.orderBy('due_key').orderBy('i.request_id').limit(FINANCE_LIST_CAP);
  let searched = page.innerJoin('requests as r', 'r.id', 'i.request_id');
  for (const token of tokens) {
    // Literal text: % and _ match themselves (as in the queues' search).
    searched = searched.where((eb) =>
      eb.or([
        containsLiteral('r.search_text', token),
        sql<SqlBool>`lower(i.number) like ${`%${escapeLike(token)}%`} escape '\\'`,
        containsLiteral('i.sadad_bill_number', token),
      ]),
    );
  }
  return searched.orderBy('due_key').orderBy('i.request_id').limit(FINANCE_LIST_CAP);
}

/**
 * Requests in `awaiting_payment` with their open invoice: overdue first, then by due day (sorting by
 * due day does both, as every overdue day is before today). `search` matches, word by word, the
 * request's reference or the applicant's names, the invoice number or the SADAD bill number.
 *
 * Two reads: the page's invoices in order, then what is shown of those alone. Joined in one, the
 * requests' rows, the confirmed money of every invoice and the manual payments were read for all of
 * the thousands waiting before the first FINANCE_LIST_CAP were kept (120 ms at 7,000, a finance
 * officer's first page after sign-in).
 */
export async function awaitingPayments(db: DeskDb, today: string, search?: string): Promise<AwaitingPaymentRow[]> {
  const ids = (await awaitingPage(db, search ? searchTokens(search) : []).execute()).map((r) => r.id);
  if (ids.length === 0) return [];
  const shown = await db
    .selectFrom('invoices as i')
    .innerJoin('requests as r', 'r.id', 'i.request_id')
    .innerJoin('practitioners as p', 'p.id', 'r.practitioner_id')
    .select((eb) => [
      'r.id as request_id',
      'r.reference',
      'r.service',
      'p.name_ar',
      'p.name_en',
      'i.id as invoice_id',
      'i.number',
      'i.sadad_bill_number',
      'i.total_halalas',
      'i.due_on',
      'i.issued_at',
      // Only confirmed payments are money in (a manual one waits for its checker).
      eb
        .selectFrom('payments as pm')
        .select((s) => s.fn.sum<number | string>('pm.amount_halalas').as('paid'))
        .whereRef('pm.invoice_id', '=', 'i.id')
        .where('pm.status', '=', 'confirmed')
        .as('paid'),
      eb
        .exists(eb.selectFrom('payments as pm').select('pm.id').whereRef('pm.invoice_id', '=', 'i.id').where('pm.status', '=', 'pending'))
        .as('pending_manual'),
    ])
    .where('i.id', 'in', ids)
    .execute();
  const byId = new Map(shown.map((r) => [r.invoice_id, r]));
  // In the page's order; an invoice gone between the two reads (none are deleted today) is left out.
  const rows = ids.flatMap((id) => byId.get(id) ?? []);
  const totals = await invoiceTotals(
    db,
    rows.filter((r) => r.total_halalas === null).map((r) => r.invoice_id),
  );
  return rows.map((r) => {
    const total = r.total_halalas ?? totals.get(r.invoice_id) ?? 0;
    const paid = Number(r.paid ?? 0);
    const dueOn = r.due_on ?? riyadhDate(r.issued_at);
    return {
      requestId: r.request_id,
      reference: r.reference,
      service: r.service,
      nameAr: r.name_ar,
      nameEn: r.name_en,
      invoiceId: r.invoice_id,
      invoiceNumber: r.number,
      sadadBillNumber: r.sadad_bill_number,
      totalHalalas: total,
      paidHalalas: paid,
      remainingHalalas: Math.max(0, total - paid),
      dueOn,
      overdue: dueOn < today,
      pendingManual: Boolean(Number(r.pending_manual)),
    };
  });
}

/** The total of invoices that have none recorded (written before 0090), from their lines. */
export async function invoiceTotals(db: DeskDb, invoiceIds: number[]): Promise<Map<number, number>> {
  if (invoiceIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('invoice_lines')
    .select(['invoice_id', (eb) => eb.fn.sum<number | string>('amount_halalas').as('total')])
    .where('invoice_id', 'in', invoiceIds)
    .groupBy('invoice_id')
    .execute();
  return new Map(rows.map((r) => [r.invoice_id, Number(r.total)]));
}

/** Unmatched lines with what they were assigned to, if anything: the one shape of the Unmatched list. */
function unmatchedRows(db: DeskDb) {
  return db
    .selectFrom('unmatched_payments as u')
    .leftJoin('payments as pm', 'pm.id', 'u.payment_id')
    .leftJoin('invoices as i', 'i.id', 'pm.invoice_id')
    .leftJoin('requests as r', 'r.id', 'i.request_id')
    .leftJoin('users as ab', 'ab.id', 'u.assigned_by')
    .select([
      'u.id',
      'u.transaction_id',
      'u.sadad_bill_number',
      'u.invoice_number',
      'u.amount_halalas',
      'u.paid_at',
      'u.channel',
      'u.received_at',
      'u.status',
      'u.assigned_at',
      'u.note',
      'i.number as assigned_invoice',
      'r.reference as assigned_reference',
      'ab.display_name as assigned_by',
    ]);
}

type UnmatchedRow = Awaited<ReturnType<ReturnType<typeof unmatchedRows>['executeTakeFirstOrThrow']>>;

const unmatchedView = (u: UnmatchedRow): UnmatchedPaymentView => ({
  id: u.id,
  transactionId: u.transaction_id,
  sadadBillNumber: u.sadad_bill_number,
  invoiceNumber: u.invoice_number,
  amountHalalas: u.amount_halalas,
  paidAt: u.paid_at,
  channel: u.channel,
  receivedAt: u.received_at,
  status: u.status,
  assignedTo: u.assigned_invoice && u.assigned_reference ? { invoiceNumber: u.assigned_invoice, reference: u.assigned_reference } : null,
  assignedBy: u.assigned_by ?? null,
  assignedAt: u.assigned_at,
  note: u.note,
});

/** Lines no invoice matched, oldest payment first; or those already assigned, latest assignment first. */
export async function unmatchedPayments(db: DeskDb, status: 'unmatched' | 'assigned'): Promise<UnmatchedPaymentView[]> {
  let q = unmatchedRows(db).where('u.status', '=', status);
  q = status === 'unmatched' ? q.orderBy('u.paid_at').orderBy('u.id') : q.orderBy('u.assigned_at', 'desc').orderBy('u.id', 'desc');
  return (await q.limit(FINANCE_LIST_CAP).execute()).map(unmatchedView);
}

/** One line of the Unmatched list. */
export async function unmatchedPayment(db: DeskDb, id: number): Promise<UnmatchedPaymentView> {
  return unmatchedView(await unmatchedRows(db).where('u.id', '=', id).executeTakeFirstOrThrow());
}

/** The reconciliation files imported, newest first. */
export async function paymentImports(db: DeskDb, limit: number): Promise<PaymentImportView[]> {
  const rows = await db
    .selectFrom('payment_imports as pi')
    .leftJoin('users as u', 'u.id', 'pi.imported_by')
    .select(['pi.id', 'pi.file_name', 'pi.imported_at', 'u.display_name', 'pi.lines', 'pi.matched', 'pi.unmatched', 'pi.duplicates'])
    .orderBy('pi.imported_at', 'desc')
    .orderBy('pi.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    fileName: r.file_name,
    importedAt: r.imported_at,
    importedBy: r.display_name ?? null,
    lines: r.lines,
    matched: r.matched,
    unmatched: r.unmatched,
    duplicates: r.duplicates,
  }));
}

/** Manual payments recorded and not yet confirmed or refused by a second officer, oldest first. */
export async function pendingManualPayments(db: DeskDb): Promise<PendingManualPaymentRow[]> {
  const rows = await db
    .selectFrom('payments as pm')
    .innerJoin('invoices as i', 'i.id', 'pm.invoice_id')
    .innerJoin('requests as r', 'r.id', 'i.request_id')
    .leftJoin('users as u', 'u.id', 'pm.recorded_by')
    .select([
      'pm.id',
      'r.id as request_id',
      'r.reference',
      'i.number',
      'pm.amount_halalas',
      'pm.paid_at',
      'pm.channel',
      'pm.reference as transfer_reference',
      'pm.recorded_by',
      'u.display_name',
      'pm.recorded_at',
      'pm.proof_attachment_id',
    ])
    .where('pm.status', '=', 'pending')
    .orderBy('pm.recorded_at')
    .orderBy('pm.id')
    .limit(FINANCE_LIST_CAP)
    .execute();
  return rows.map((r) => ({
    paymentId: r.id,
    requestId: r.request_id,
    reference: r.reference,
    invoiceNumber: r.number,
    amountHalalas: r.amount_halalas,
    paidAt: r.paid_at,
    channel: r.channel,
    transferReference: r.transfer_reference,
    recordedBy: { id: r.recorded_by ?? 0, name: r.display_name ?? '' },
    recordedAt: r.recorded_at ?? r.paid_at,
    proofAttachmentId: r.proof_attachment_id,
  }));
}

/** Refunds page stages as refund statuses; a superseded computation is in none of them. */
export const STAGE_STATUS: Record<RefundStage, RefundStatus> = {
  to_compute: 'requested',
  to_approve: 'computed',
  to_pay: 'approved',
  paid: 'paid',
};

/** One stage of the Refunds page across every request: waiting ones oldest first, paid ones newest first. */
export async function refundsByStage(db: DeskDb, stage: RefundStage): Promise<RefundListRow[]> {
  const status = STAGE_STATUS[stage];
  const since = { requested: 'rf.created_at', computed: 'rf.computed_at', approved: 'rf.approved_at', paid: 'rf.paid_at' } as const;
  let q = db
    .selectFrom('refunds as rf')
    .innerJoin('requests as r', 'r.id', 'rf.request_id')
    .innerJoin('practitioners as p', 'p.id', 'r.practitioner_id')
    .innerJoin('invoices as i', 'i.id', 'rf.invoice_id')
    .leftJoin('users as cb', 'cb.id', 'rf.computed_by')
    .leftJoin('users as ab', 'ab.id', 'rf.approved_by')
    .select([
      'rf.id',
      'rf.request_id',
      'r.reference',
      'p.name_ar',
      'p.name_en',
      'i.number',
      'rf.status',
      'rf.facts',
      'rf.total_halalas',
      'rf.requested_at',
      'rf.created_at',
      'cb.display_name as computed_name',
      'ab.display_name as approved_name',
      'rf.paid_at',
      'rf.payout_reference',
    ])
    .where('rf.status', '=', status);
  const key = since[status as keyof typeof since];
  q = stage === 'paid' ? q.orderBy(key, 'desc').orderBy('rf.id', 'desc') : q.orderBy(key).orderBy('rf.id');
  const rows = await q.limit(FINANCE_LIST_CAP).execute();
  return rows.map((r) => ({
    refundId: r.id,
    requestId: r.request_id,
    reference: r.reference,
    nameAr: r.name_ar,
    nameEn: r.name_en,
    invoiceNumber: r.number,
    status: r.status,
    origin: refundOrigin(r.facts),
    totalHalalas: r.total_halalas,
    requestedAt: r.requested_at ?? r.created_at,
    computedBy: r.computed_name ?? null,
    approvedBy: r.approved_name ?? null,
    paidAt: r.paid_at,
    payoutReference: r.payout_reference,
  }));
}
