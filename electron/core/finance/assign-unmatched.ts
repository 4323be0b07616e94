/**
 * Finance decides which invoice an unmatched reconciliation line pays (a bill number mistyped at the
 * bank, two numbers naming two invoices, …), with the reason, audited. The line is taken by a
 * conditional UPDATE (still unmatched), so two officers assigning it at once: one wins, the other is
 * told it was assigned meanwhile, and the money is counted once.
 */
import type { DeskDb } from '../db/connection';
import type { UnmatchedPaymentView } from '../../../shared/domain';
import { DeskFault, notFound } from '../errors';
import { appendAudit } from '../audit/chain';
import { settleInvoice } from './settle';
import { gatewayPayment } from './gateway-payment';
import { unmatchedPayment } from './finance-lists';
import type { FinanceOfficer } from './manual-payments';

export async function assignUnmatchedPayment(
  db: DeskDb,
  w: FinanceOfficer,
  input: { unmatchedId: number; invoiceNumber: string; note: string },
): Promise<UnmatchedPaymentView> {
  const at = w.now().toISOString();
  await db.transaction().execute(async (trx) => {
    const line = await trx
      .updateTable('unmatched_payments')
      .set({ status: 'assigned', assigned_by: w.actorId, assigned_at: at, note: input.note })
      .where('id', '=', input.unmatchedId)
      .where('status', '=', 'unmatched')
      .returningAll()
      .executeTakeFirst();
    if (!line) {
      const now = await trx
        .selectFrom('unmatched_payments as u')
        .leftJoin('users as by', 'by.id', 'u.assigned_by')
        .select(['u.id', 'u.transaction_id', 'by.display_name'])
        .where('u.id', '=', input.unmatchedId)
        .executeTakeFirst();
      if (!now) throw notFound(`unmatched payment ${input.unmatchedId}`, `الدفعة غير المطابقة ${input.unmatchedId}`, 'feminine');
      throw new DeskFault(
        'conflict',
        `payment ${now.transaction_id} was assigned meanwhile${now.display_name ? ` by ${now.display_name}` : ''}; reload the list`,
        `أُسندت الدفعة ${now.transaction_id} أثناء ذلك${now.display_name ? ` من ${now.display_name}` : ''}؛ أعد تحميل القائمة`,
      );
    }
    const invoice = await trx
      .selectFrom('invoices')
      .select(['id', 'number', 'request_id'])
      .where('number', '=', input.invoiceNumber)
      .executeTakeFirst();
    // Named by the field the officer typed it in.
    if (!invoice) throw notFound(`invoiceNumber: invoice ${input.invoiceNumber}`, `invoiceNumber: الفاتورة ${input.invoiceNumber}`, 'feminine');
    const { id: paymentId } = await trx
      .insertInto('payments')
      .values(
        gatewayPayment(
          {
            invoiceId: invoice.id,
            amountHalalas: line.amount_halalas,
            paidAt: line.paid_at,
            channel: line.channel,
            transactionId: line.transaction_id,
            importId: line.import_id,
          },
          'assigned',
          w.actorId,
          at,
        ),
      )
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.updateTable('unmatched_payments').set({ payment_id: paymentId }).where('id', '=', line.id).execute();
    const outcome = await settleInvoice(trx, { actorId: w.actorId, at, signer: w.signer }, invoice.id);
    await appendAudit(trx, {
      at,
      actorId: w.actorId,
      action: 'payment.assign',
      // On the request it now pays, so the case's own audit list shows where its money came from.
      entity: 'request',
      entityId: invoice.request_id,
      data: {
        unmatchedId: line.id,
        transactionId: line.transaction_id,
        invoice: invoice.number,
        amount: line.amount_halalas / 100,
        note: input.note,
        paymentId,
        invoiceStatus: outcome.invoiceStatus,
        movedTo: outcome.movedTo,
      },
    });
  });
  return unmatchedPayment(db, input.unmatchedId);
}
