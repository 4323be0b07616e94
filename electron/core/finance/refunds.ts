/**
 * The finance desk: a refund is requested, computed by one officer, approved by
 * another (maker-checker), and paid with its payout reference; each step audited.
 */
import type { DeskDb } from '../db/connection';
import type { CaseFinance, RefundGroundInput, RefundResult, RefundStatus, RefundView, UserInfo } from '../../../shared/domain';
import type { Clock } from '../time/clock';
import { DeskFault, notFound } from '../errors';
import { appendAudit } from '../audit/chain';
import { currentPolicy } from '../policy/current-policy';
import { computeRefund } from '../rules/refund';
import { refundFactsFromCase } from './refund-facts';
import { invoiceViews } from './invoice-views';
import type { Trx } from '../cases/apply-transition';
import { serialise } from '../db/dialect';
import { refundLockKey, type RefundSurplus, insertRequestedRefund } from './refund-rows';

export interface FinanceActor {
  user: UserInfo;
  clock: Clock;
}

const OPEN: RefundStatus[] = ['requested', 'computed'];

/** One refund per invoice: once approved or paid, it is never computed again (no double payout). */
async function refuseIfSettled(db: DeskDb | Trx, invoiceId: number): Promise<void> {
  const settled = await db
    .selectFrom('refunds')
    .select(['id', 'status'])
    .where('invoice_id', '=', invoiceId)
    .where('status', 'in', ['approved', 'paid'])
    .executeTakeFirst();
  if (settled)
    throw new DeskFault(
      'conflict',
      `this invoice's refund is ${settled.status} already`,
      settled.status === 'paid' ? 'صرف استرداد هذه الفاتورة من قبل' : 'اعتمد استرداد هذه الفاتورة من قبل',
    );
}

export async function caseFinance(db: DeskDb, requestId: number): Promise<CaseFinance> {
  const views = await invoiceViews(db, requestId);
  const rows = await db
    .selectFrom('refunds as r')
    .innerJoin('invoices as i', 'i.id', 'r.invoice_id')
    .leftJoin('users as rq', 'rq.id', 'r.requested_by')
    .leftJoin('users as cb', 'cb.id', 'r.computed_by')
    .leftJoin('users as ab', 'ab.id', 'r.approved_by')
    .select([
      'r.id',
      'i.number',
      'r.status',
      'r.facts',
      'r.result',
      'r.requested_at',
      'rq.display_name as requested_name',
      'r.computed_by',
      'cb.display_name as computed_name',
      'r.computed_at',
      'ab.display_name as approved_name',
      'r.approved_at',
      'r.payout_reference',
      'r.paid_at',
      'r.policy_version',
    ])
    .where('r.request_id', '=', requestId)
    .orderBy('r.id', 'desc')
    .execute();
  const refunds: RefundView[] = rows.map((r) => ({
    id: r.id,
    invoiceNumber: r.number,
    status: r.status,
    requestedAt: r.requested_at,
    requestedBy: r.requested_name ?? null,
    grounds: (JSON.parse(r.facts) as { groundsInput?: RefundGroundInput[] }).groundsInput ?? [],
    result: r.result ? (JSON.parse(r.result) as RefundResult) : null,
    computedBy: r.computed_by !== null ? { id: r.computed_by, name: r.computed_name ?? '' } : null,
    computedAt: r.computed_at,
    approvedBy: r.approved_name ?? null,
    approvedAt: r.approved_at,
    payoutReference: r.payout_reference,
    paidAt: r.paid_at,
    policyVersion: r.policy_version,
  }));
  return { invoices: views, refunds };
}

/** Anyone who reviews or pays may ask for a refund; it then waits in the Refunds queue. */
export async function requestRefund(db: DeskDb, a: FinanceActor, requestId: number, grounds: RefundGroundInput[]): Promise<void> {
  const at = a.clock.now().toISOString();
  await db.transaction().execute(async (trx) => {
    const { invoiceId, facts } = await refundFactsFromCase(trx, requestId, at, grounds);
    // Nothing paid (confirmed), nothing to give back: a refund request on an unpaid invoice is a mistake.
    if (facts.payments.length === 0)
      throw new DeskFault(
        'bad_input',
        `invoice ${facts.invoice.id} has no confirmed payment: there is nothing to refund`,
        `لا يوجد سداد مؤكد على الفاتورة ${facts.invoice.id}: لا يوجد ما يسترد`,
      );
    // Two officers asking at once must not open two refunds of one invoice (PostgreSQL; SQLite has one writer).
    await serialise(trx, refundLockKey(invoiceId));
    await refuseIfSettled(trx, invoiceId);
    const open = await trx.selectFrom('refunds').select('id').where('invoice_id', '=', invoiceId).where('status', 'in', OPEN).executeTakeFirst();
    if (open) throw new DeskFault('conflict', 'a refund for this invoice is already open', 'يوجد طلب استرداد مفتوح لهذه الفاتورة');
    const id = await insertRequestedRefund(trx, { requestId, invoiceId, grounds, by: a.user.id, at });
    await appendAudit(trx, { at, actorId: a.user.id, action: 'refund.request', entity: 'refund', entityId: id, data: { requestId, grounds } });
  });
}

/**
 * Computes (or recomputes) the open refund of the case's invoice from its records. A recompute makes
 * this officer its maker, so they can no longer approve it: approval checks the maker in its own UPDATE.
 */
export async function computeCaseRefund(
  db: DeskDb,
  a: FinanceActor,
  requestId: number,
  requestedAt: string,
  grounds: RefundGroundInput[],
): Promise<void> {
  const at = a.clock.now().toISOString();
  const pv = await currentPolicy(db, at);
  await db.transaction().execute(async (trx) => {
    // The facts are read inside the transaction that records them: a payment landing meanwhile is either in both or in neither.
    const { facts, invoiceId } = await refundFactsFromCase(trx, requestId, requestedAt, grounds);
    const result = computeRefund(facts, pv.policy);
    await serialise(trx, refundLockKey(invoiceId));
    await refuseIfSettled(trx, invoiceId);
    const open = await trx
      .selectFrom('refunds')
      .select(['id', 'requested_by', 'requested_at', 'facts'])
      .where('invoice_id', '=', invoiceId)
      .where('status', 'in', OPEN)
      .executeTakeFirst();
    // A surplus the desk found stays on record as where this refund came from.
    const surplus = open ? (JSON.parse(open.facts) as { surplus?: RefundSurplus }).surplus : undefined;
    const values = {
      status: 'computed' as const,
      // The facts as computed, and the grounds as the officer ticked them (with their proof attachments).
      facts: JSON.stringify({ ...facts, groundsInput: grounds, ...(surplus ? { surplus } : {}) }),
      result: JSON.stringify(result),
      total_halalas: Math.round(result.total * 100),
      computed_by: a.user.id,
      computed_at: at,
      policy_version: pv.version,
    };
    let id: number;
    if (open) {
      id = open.id;
      // Only while still open: an approval that committed since the read above wins, and this recompute is refused.
      const done = await trx.updateTable('refunds').set(values).where('id', '=', open.id).where('status', 'in', OPEN).executeTakeFirst();
      if (Number(done.numUpdatedRows) !== 1) throw changedMeanwhile();
    } else {
      id = (
        await trx
          .insertInto('refunds')
          .values({
            ...values,
            request_id: requestId,
            invoice_id: invoiceId,
            approved_by: null,
            payout_reference: null,
            created_at: at,
            requested_by: a.user.id,
            requested_at: facts.requestedAt,
            approved_at: null,
            paid_by: null,
            paid_at: null,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    }
    await appendAudit(trx, {
      at,
      actorId: a.user.id,
      action: 'refund.compute',
      entity: 'refund',
      entityId: id,
      data: { requestId, facts, total: result.total, policyVersion: pv.version },
    });
  });
}

const changedMeanwhile = () => new DeskFault('conflict', 'the refund changed meanwhile; reload it', 'تغير الاسترداد أثناء ذلك؛ أعد تحميله');

async function loadRefund(db: DeskDb | Trx, refundId: number) {
  const r = await db.selectFrom('refunds').selectAll().where('id', '=', refundId).executeTakeFirst();
  if (!r) throw notFound(`refund ${refundId}`, `طلب الاسترداد ${refundId}`);
  return r;
}

/**
 * The checker: another officer than the one who computed it. Both conditions are part of the one
 * UPDATE (status still computed, maker not me), so a recompute by this officer committing at the same
 * moment cannot slip between a check and the write: whichever commits second finds nothing to change.
 */
export async function approveRefund(db: DeskDb, a: FinanceActor, refundId: number): Promise<number> {
  const at = a.clock.now().toISOString();
  return db.transaction().execute(async (trx) => {
    const done = await trx
      .updateTable('refunds')
      .set({ status: 'approved', approved_by: a.user.id, approved_at: at })
      .where('id', '=', refundId)
      .where('status', '=', 'computed')
      .where('computed_by', '<>', a.user.id)
      .returning(['request_id', 'total_halalas', 'computed_by', 'computed_at', 'policy_version'])
      .executeTakeFirst();
    if (!done) {
      // Nothing changed: say why, from the row as it is now.
      const r = await loadRefund(trx, refundId);
      if (r.status !== 'computed')
        throw new DeskFault(
          'invalid_transition',
          `refund ${refundId} is ${r.status}; only a computed refund can be approved`,
          `لا يعتمد إلا استرداد محسوب`,
        );
      if (r.computed_by === a.user.id)
        throw new DeskFault('forbidden', 'the officer who computed a refund cannot also approve it', 'لا يعتمد الاسترداد من حسبه');
      throw changedMeanwhile();
    }
    await appendAudit(trx, {
      at,
      actorId: a.user.id,
      action: 'refund.approve',
      entity: 'refund',
      entityId: refundId,
      // The computation approved, as it stood in the row this UPDATE changed.
      data: {
        total: (done.total_halalas ?? 0) / 100,
        computedBy: done.computed_by,
        computedAt: done.computed_at,
        policyVersion: done.policy_version,
      },
    });
    return done.request_id;
  });
}

/** Records the payout of an approved refund, once: the UPDATE itself requires `approved`, so a second payout finds nothing. */
export async function recordPayout(db: DeskDb, a: FinanceActor, refundId: number, reference: string): Promise<number> {
  const at = a.clock.now().toISOString();
  return db.transaction().execute(async (trx) => {
    const done = await trx
      .updateTable('refunds')
      .set({ status: 'paid', payout_reference: reference, paid_by: a.user.id, paid_at: at })
      .where('id', '=', refundId)
      .where('status', '=', 'approved')
      .returning(['request_id', 'total_halalas'])
      .executeTakeFirst();
    if (!done) {
      const r = await loadRefund(trx, refundId);
      throw new DeskFault(
        'invalid_transition',
        `refund ${refundId} is ${r.status}; only an approved refund can be paid`,
        r.status === 'paid' ? 'صرف هذا الاسترداد من قبل' : 'لا يصرف إلا استرداد معتمد',
      );
    }
    await appendAudit(trx, {
      at,
      actorId: a.user.id,
      action: 'refund.payout',
      entity: 'refund',
      entityId: refundId,
      data: { reference, total: (done.total_halalas ?? 0) / 100 },
    });
    return done.request_id;
  });
}
