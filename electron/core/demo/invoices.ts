/** Demo invoices and payments (SADAD, card, bank), with the odd duplicate or overpayment, and a few refund requests. */
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { Policy } from '../policy';
import type { Service } from '../../../shared/domain';
import type { SeededRandom } from './random';
import type { RefundGroundInput } from '../../../shared/domain';
import { insertRequestedRefund } from '../finance/refunds';

export interface InvoiceSeed {
  requestId: number;
  reference: string;
  service: Service;
  invoicedAt: string;
  paidAt: string | null;
  lateMonths: number;
  policy: Policy;
  users: { finance: number };
}

export async function seedInvoice(trx: Transaction<Database>, rng: SeededRandom, s: InvoiceSeed): Promise<void> {
  const fee = s.policy.fees[s.service] ?? { service: 10_000, administrative: 0 };
  const lines: Array<[string, number]> = [['service', fee.service]];
  if (fee.administrative > 0) lines.push(['administrative', fee.administrative]);
  if (s.lateMonths > 0 && fee.latePerMonth) lines.push(['late', fee.latePerMonth * s.lateMonths]);
  const due = lines.reduce((sum, [, a]) => sum + a, 0);
  const { id: invoiceId } = await trx
    .insertInto('invoices')
    .values({ request_id: s.requestId, number: `INV-${s.reference.slice(4)}`, issued_at: s.invoicedAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [kind, amount] of lines) await trx.insertInto('invoice_lines').values({ invoice_id: invoiceId, kind, amount_halalas: amount }).execute();
  if (!s.paidAt) return;
  const channel = rng.pick(['sadad', 'sadad', 'card', 'bank']);
  const over = rng.chance(0.02) ? 5_000 : 0;
  await trx
    .insertInto('payments')
    .values({ invoice_id: invoiceId, amount_halalas: due + over, paid_at: s.paidAt, channel, reference: `PAY-${s.reference.slice(4)}-1` })
    .execute();
  const duplicate = rng.chance(0.03);
  if (duplicate) {
    const later = new Date(new Date(s.paidAt).getTime() + rng.int(1, 5) * 86_400_000).toISOString();
    await trx
      .insertInto('payments')
      .values({ invoice_id: invoiceId, amount_halalas: due, paid_at: later, channel, reference: `PAY-${s.reference.slice(4)}-2` })
      .execute();
  }
  // Those who paid twice or too much mostly ask for their money back; a few others do too.
  if (duplicate || over > 0 || rng.chance(0.02)) {
    const grounds =
      duplicate || over > 0
        ? []
        : [rng.pick([{ kind: 'wrong_path', by: 'system' }, { kind: 'directed_in_writing' }, { kind: 'exempt_category', category: 'resident' }])];
    const at = new Date(new Date(s.paidAt).getTime() + rng.int(2, 20) * 86_400_000).toISOString();
    await insertRequestedRefund(trx, { requestId: s.requestId, invoiceId, grounds: grounds as RefundGroundInput[], by: s.users.finance, at });
  }
}
