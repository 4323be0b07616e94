import type { Trx } from '../cases/apply-transition';
import type { DeskDb } from '../db/connection';
import type { RefundGroundInput } from '../../../shared/domain';
import { DeskFault, notFound } from '../errors';
import type { RefundFacts, RefundGround } from '../rules/types';
import { calendarDate } from '../time/riyadh-day';
import { groupPayments, type PaymentRow } from './payment-groups';

/** Actions by which the commission has studied a request (rules.md: approve, reject, return) or delivered it. */
const STUDIED = ['approve', 'countersign', 'reject', 'return_to_applicant', 'issue_document', 'print_card', 'record_delivery'];

/** RefundFacts of rules.md from the case's own records, as of the day the refund was requested. */
export async function refundFactsFromCase(
  db: DeskDb | Trx,
  requestId: number,
  requestedAt: string,
  grounds: RefundGroundInput[],
): Promise<{ facts: RefundFacts; invoiceId: number }> {
  const req = await db.selectFrom('requests').select(['id', 'service', 'submitted_at']).where('id', '=', requestId).executeTakeFirst();
  if (!req) throw notFound(`request ${requestId}`, `الطلب ${requestId}`);
  const invoice = await db.selectFrom('invoices').selectAll().where('request_id', '=', requestId).orderBy('id', 'desc').limit(1).executeTakeFirst();
  if (!invoice)
    throw new DeskFault(
      'bad_input',
      'this request has no invoice, so nothing was paid to refund',
      'لا توجد فاتورة لهذا الطلب، فلا مبلغ مدفوع لاسترداده',
    );
  const day = calendarDate(requestedAt);
  const [lines, payments, history, held, attachments] = await Promise.all([
    db.selectFrom('invoice_lines').select(['kind', 'amount_halalas']).where('invoice_id', '=', invoice.id).orderBy('id').execute(),
    // Only money the desk has confirmed: a manual payment waiting for its checker, or refused, is no payment yet.
    db
      .selectFrom('payments')
      .select(['id', 'amount_halalas', 'paid_at', 'reference'])
      .where('invoice_id', '=', invoice.id)
      .where('status', '=', 'confirmed')
      .orderBy('id')
      .execute(),
    db.selectFrom('status_history').select(['action', 'at']).where('request_id', '=', requestId).execute(),
    db.selectFrom('assessments').select('id').where('request_id', '=', requestId).where('held_at', '<=', day).executeTakeFirst(),
    db.selectFrom('attachments').select('id').where('request_id', '=', requestId).execute(),
  ]);
  const own = new Set(attachments.map((a) => a.id));
  const proof = (id: number | undefined) => {
    if (id === undefined) return false;
    if (!own.has(id))
      throw new DeskFault('bad_input', `grounds: attachment ${id} is not one of this request's attachments`, `المرفق ${id} ليس من مرفقات هذا الطلب`);
    return true;
  };
  const mapped: RefundGround[] = grounds.map((g) =>
    g.kind === 'directed_in_writing' || g.kind === 'late_fee_prior_attempts' ? { kind: g.kind, proof: proof(g.proofAttachmentId) } : g,
  );
  return {
    invoiceId: invoice.id,
    facts: {
      service: req.service,
      submittedAt: calendarDate(req.submitted_at),
      requestedAt: day,
      studied: history.some((h) => STUDIED.includes(h.action) && calendarDate(h.at) <= day),
      evaluationSessionHeld: held !== undefined,
      rejectedForNoResponse: history.some((h) => h.action === 'expire_return'),
      invoice: { id: invoice.number, lines: lines.map((l) => ({ kind: l.kind, amount: l.amount_halalas / 100 })) },
      payments: asRulesSeeThem(invoiceTotal(invoice.total_halalas, lines), payments),
      grounds: mapped,
    },
  };
}

const invoiceTotal = (stored: number | null, lines: Array<{ amount_halalas: number }>) => stored ?? lines.reduce((s, l) => s + l.amount_halalas, 0);

/**
 * The payments as rules.md reads them: the parts that together paid the invoice as one payment (their
 * references joined, dated when the total was reached), then each later payment on its own (a duplicate).
 */
function asRulesSeeThem(totalHalalas: number, payments: PaymentRow[]): RefundFacts['payments'] {
  const g = groupPayments(totalHalalas, payments);
  const whole =
    g.paying.length === 0
      ? []
      : [
          {
            id: g.paying.map((p) => p.reference).join('+'),
            amount: g.payingHalalas / 100,
            paidAt: calendarDate(g.completedAt ?? g.paying[g.paying.length - 1]!.paid_at),
          },
        ];
  return [...whole, ...g.later.map((p) => ({ id: p.reference, amount: p.amount_halalas / 100, paidAt: calendarDate(p.paid_at) }))];
}
