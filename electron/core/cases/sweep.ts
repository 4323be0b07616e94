import type { DeskDb } from '../db/connection';
import type { Clock } from '../time/clock';
import { applyTransition, type Trx } from './apply-transition';
import { DeskFault } from '../errors';
import { serialise } from '../db/dialect';
import { retryLostRaces } from '../db/lost-races';
import { refundLockKey } from '../finance/refund-rows';
import { openRefundCandidate } from '../finance/settle';
import { queueApplicantNotice, recipient } from './notify';
import { eachAlone } from './each-alone';
import { addDays } from '../time/day-arithmetic';
import { riyadhDate } from '../time/riyadh-day';

/**
 * The return window: a returned request with no resubmission by its due day is
 * rejected for no response (domain.md), and the applicant told. Each request in its own transaction.
 */
export async function sweepReturnWindows(db: DeskDb, clock: Clock): Promise<{ rejected: string[] }> {
  const at = clock.now().toISOString();
  const today = riyadhDate(at);
  const due = await db
    .selectFrom('requests')
    .select(['id', 'version', 'reference'])
    .where('status', '=', 'returned')
    .where('return_due_at', '<', today)
    .orderBy('id')
    .execute();
  // Each request alone: desks sharing a database all sweep, and the request another desk expired first is its, not an error.
  const r = await eachAlone(due, (id, version) =>
    retryLostRaces(() =>
      db.transaction().execute(async (trx) => {
        await applyTransition(trx, {
          requestId: id,
          expectedVersion: version,
          action: 'expire_return',
          actorId: null,
          at,
          reasonCode: 'no_response',
          reason: 'no resubmission within the response window',
          set: { decided_at: at, assignee_id: null },
        });
        await queueApplicantNotice(trx, await recipient(trx, id), { kind: 'rejected', reason: 'no_response', text: '' }, at);
      }),
    ),
  );
  const references = new Map(due.map((d) => [d.id, d.reference]));
  return { rejected: r.done.map((id) => references.get(id)!) };
}

export interface InvoiceSweepResult {
  /** References of the requests rejected as unpaid. */
  rejected: string[];
  /** Of those, the ones partly paid: their money waits in the Refunds queue. */
  partlyPaid: string[];
}

/**
 * The payment window: an invoice still unpaid (or partly paid) after its due day expires, and its request
 * is rejected for `unpaid`, the applicant told. Each request in its own transaction, re-checked inside it
 * under the invoice's settlement lock: a payment confirmed meanwhile wins, and a desk sweeping at the same
 * moment finds the invoice expired already and leaves it.
 */
/** Days after the due day before an unpaid invoice expires: payments of the due day reach the desk in the next day's file. */
export const PAYMENT_FILE_GRACE_DAYS = 1;

export async function sweepUnpaidInvoices(db: DeskDb, clock: Clock): Promise<InvoiceSweepResult> {
  const at = clock.now().toISOString();
  const today = riyadhDate(at);
  const due = await db
    .selectFrom('invoices')
    .innerJoin('requests', 'requests.id', 'invoices.request_id')
    .select(['invoices.id', 'requests.id as request_id'])
    .where('invoices.status', 'in', ['unpaid', 'partially_paid'])
    // One day's grace: the gateway's file of the due day arrives the day after it.
    .where('invoices.due_on', '<', addDays(today, -PAYMENT_FILE_GRACE_DAYS))
    .where('requests.status', '=', 'awaiting_payment')
    .orderBy('invoices.due_on')
    .orderBy('invoices.id')
    .execute();
  const result: InvoiceSweepResult = { rejected: [], partlyPaid: [] };
  for (const d of due) {
    try {
      const r = await retryLostRaces(() => db.transaction().execute((trx) => expireInvoice(trx, d.id, at)));
      if (r) {
        result.rejected.push(r.reference);
        if (r.partlyPaid) result.partlyPaid.push(r.reference);
      }
    } catch (e) {
      // The request moved on another way meanwhile (another desk, a reviewer): its, not this sweep's.
      if (!(e instanceof DeskFault)) throw e;
    }
  }
  return result;
}

/** One invoice, inside `trx`: expired and its request rejected, unless it was paid or expired meanwhile (then null). */
export async function expireInvoice(trx: Trx, invoiceId: number, at: string): Promise<{ reference: string; partlyPaid: boolean } | null> {
  await serialise(trx, refundLockKey(invoiceId));
  const inv = await trx
    .selectFrom('invoices')
    .select(['id', 'number', 'sadad_bill_number', 'due_on', 'status', 'request_id'])
    .where('id', '=', invoiceId)
    .executeTakeFirstOrThrow();
  if (inv.status !== 'unpaid' && inv.status !== 'partially_paid') return null;
  // A bank transfer recorded from its proof and waiting for the second officer holds the invoice open:
  // the applicant paid; the desk is still checking.
  const pendingTransfer = await trx
    .selectFrom('payments')
    .select('id')
    .where('invoice_id', '=', invoiceId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  if (pendingTransfer) return null;
  const expired = await trx
    .updateTable('invoices')
    .set({ status: 'expired' })
    .where('id', '=', invoiceId)
    .where('status', 'in', ['unpaid', 'partially_paid'])
    .executeTakeFirst();
  if (Number(expired.numUpdatedRows) !== 1) return null;
  const { request } = await applyTransition(trx, {
    requestId: inv.request_id,
    expectedVersion: null,
    action: 'expire_invoice',
    actorId: null,
    at,
    reasonCode: 'unpaid',
    reason: `invoice ${inv.number} not paid by ${inv.due_on}`,
    set: { decided_at: at, assignee_id: null },
  });
  const paid = await trx
    .selectFrom('payments')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_halalas'), eb.val(0)).as('h'))
    .where('invoice_id', '=', invoiceId)
    .where('status', '=', 'confirmed')
    .executeTakeFirstOrThrow();
  const paidHalalas = Number(paid.h);
  // A part paid before the request was rejected is the applicant's money: it waits in the Refunds queue.
  if (paidHalalas > 0)
    await openRefundCandidate(
      trx,
      { actorId: null, at },
      { requestId: inv.request_id, invoiceId, reference: request.reference },
      {
        rule: 'RF-OVERPAYMENT',
        halalas: paidHalalas,
        afterExpiry: true,
      },
    );
  // The invoice's numbers and due day, labelled in each language by the notice (cases/notify.ts).
  const invoice = { number: inv.number, sadadBillNumber: inv.sadad_bill_number, dueOn: inv.due_on };
  await queueApplicantNotice(trx, await recipient(trx, inv.request_id), { kind: 'rejected', reason: 'unpaid', text: '', invoice }, at);
  return { reference: request.reference, partlyPaid: paidHalalas > 0 };
}
