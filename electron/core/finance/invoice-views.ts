/**
 * A case's invoices as its payments tab shows them: bill number, due day, status, total, what the
 * confirmed payments paid and what is left; each payment with where it came from and its state.
 */
import type { DeskDb } from '../db/connection';
import type { Trx } from '../cases/apply-transition';
import type { InvoiceView } from '../../../shared/domain';

export async function invoiceViews(db: DeskDb | Trx, requestId: number): Promise<InvoiceView[]> {
  const invoices = await db.selectFrom('invoices').selectAll().where('request_id', '=', requestId).orderBy('id').execute();
  return Promise.all(
    invoices.map(async (inv) => {
      const [lines, payments] = await Promise.all([
        db.selectFrom('invoice_lines').select(['kind', 'amount_halalas']).where('invoice_id', '=', inv.id).orderBy('id').execute(),
        db
          .selectFrom('payments as p')
          .leftJoin('users as u', 'u.id', 'p.recorded_by')
          .leftJoin('users as c', 'c.id', 'p.confirmed_by')
          .selectAll('p')
          .select(['u.display_name as recorded_name', 'c.display_name as confirmed_name'])
          .where('p.invoice_id', '=', inv.id)
          .orderBy('p.paid_at')
          .orderBy('p.id')
          .execute(),
      ]);
      const totalH = inv.total_halalas ?? lines.reduce((a, l) => a + l.amount_halalas, 0);
      const paidH = payments.filter((p) => p.status === 'confirmed').reduce((a, p) => a + p.amount_halalas, 0);
      return {
        id: inv.id,
        number: inv.number,
        issuedAt: inv.issued_at,
        sadadBillNumber: inv.sadad_bill_number,
        dueOn: inv.due_on,
        status: inv.status,
        total: totalH / 100,
        paid: paidH / 100,
        remaining: Math.max(0, totalH - paidH) / 100,
        lines: lines.map((l) => ({ kind: l.kind, amount: l.amount_halalas / 100 })),
        payments: payments.map((p) => ({
          id: p.id,
          amount: p.amount_halalas / 100,
          paidAt: p.paid_at,
          channel: p.channel,
          reference: p.reference,
          transactionId: p.transaction_id,
          source: p.source,
          status: p.status,
          recordedBy: p.recorded_by !== null ? { id: p.recorded_by, name: p.recorded_name ?? '' } : null,
          refusalReason: p.refusal_reason,
          confirmedBy: p.confirmed_by !== null ? (p.confirmed_name ?? '') : null,
          proofAttachmentId: p.proof_attachment_id,
        })),
        policyVersion: inv.policy_version,
      };
    }),
  );
}
