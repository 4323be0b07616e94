/**
 * The finance desk: a refund is requested, computed by one officer, approved by
 * another (maker-checker), and paid with its payout reference; each step audited.
 */
import type { DeskDb } from '../db/connection';
import type { CaseFinance, FeeKind, RefundGroundInput, RefundResult, RefundStatus, RefundView, UserInfo } from '../../../shared/domain';
import type { Clock } from '../clock';
import { DeskFault } from '../errors';
import { appendAudit } from '../audit/chain';
import { currentPolicy } from '../policy';
import { computeRefund } from '../rules/refund';
import { refundFactsFromCase } from './refund-facts';
import type { Trx } from '../cases/apply-transition';

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
  const invoices = await db.selectFrom('invoices').selectAll().where('request_id', '=', requestId).orderBy('id').execute();
  const views = await Promise.all(
    invoices.map(async (inv) => ({
      id: inv.id,
      number: inv.number,
      issuedAt: inv.issued_at,
      lines: (await db.selectFrom('invoice_lines').select(['kind', 'amount_halalas']).where('invoice_id', '=', inv.id).orderBy('id').execute()).map(
        (l) => ({ kind: l.kind as FeeKind, amount: l.amount_halalas / 100 }),
      ),
      payments: (await db.selectFrom('payments').selectAll().where('invoice_id', '=', inv.id).orderBy('paid_at').orderBy('id').execute()).map(
        (p) => ({
          id: p.id,
          amount: p.amount_halalas / 100,
          paidAt: p.paid_at,
          channel: p.channel,
          reference: p.reference,
        }),
      ),
    })),
  );
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
    status: r.status as RefundStatus,
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

/** A refund asked for and not yet computed: it waits in the Refunds queue. */
export async function insertRequestedRefund(
  trx: Trx,
  r: { requestId: number; invoiceId: number; grounds: RefundGroundInput[]; by: number; at: string },
): Promise<number> {
  const { id } = await trx
    .insertInto('refunds')
    .values({
      request_id: r.requestId,
      invoice_id: r.invoiceId,
      status: 'requested',
      facts: JSON.stringify({ groundsInput: r.grounds }),
      result: null,
      total_halalas: null,
      computed_by: null,
      approved_by: null,
      payout_reference: null,
      policy_version: null,
      created_at: r.at,
      requested_by: r.by,
      requested_at: r.at,
      computed_at: null,
      approved_at: null,
      paid_by: null,
      paid_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Anyone who reviews or pays may ask for a refund; it then waits in the Refunds queue. */
export async function requestRefund(db: DeskDb, a: FinanceActor, requestId: number, grounds: RefundGroundInput[]): Promise<void> {
  const at = a.clock.now().toISOString();
  const { invoiceId } = await refundFactsFromCase(db, requestId, at, grounds);
  await db.transaction().execute(async (trx) => {
    await refuseIfSettled(trx, invoiceId);
    const open = await trx.selectFrom('refunds').select('id').where('invoice_id', '=', invoiceId).where('status', 'in', OPEN).executeTakeFirst();
    if (open) throw new DeskFault('conflict', 'a refund for this invoice is already open', 'يوجد طلب استرداد مفتوح لهذه الفاتورة');
    const id = await insertRequestedRefund(trx, { requestId, invoiceId, grounds, by: a.user.id, at });
    await appendAudit(trx, { at, actorId: a.user.id, action: 'refund.request', entity: 'refund', entityId: id, data: { requestId, grounds } });
  });
}

/** Computes (or recomputes) the open refund of the case's invoice from its records. */
export async function computeCaseRefund(
  db: DeskDb,
  a: FinanceActor,
  requestId: number,
  requestedAt: string,
  grounds: RefundGroundInput[],
): Promise<void> {
  const at = a.clock.now().toISOString();
  const pv = await currentPolicy(db, at);
  const { facts, invoiceId } = await refundFactsFromCase(db, requestId, requestedAt, grounds);
  const result = computeRefund(facts, pv.policy);
  await db.transaction().execute(async (trx) => {
    await refuseIfSettled(trx, invoiceId);
    const open = await trx
      .selectFrom('refunds')
      .select(['id', 'requested_by', 'requested_at'])
      .where('invoice_id', '=', invoiceId)
      .where('status', 'in', OPEN)
      .executeTakeFirst();
    const values = {
      status: 'computed',
      // The facts as computed, and the grounds as the officer ticked them (with their proof attachments).
      facts: JSON.stringify({ ...facts, groundsInput: grounds }),
      result: JSON.stringify(result),
      total_halalas: Math.round(result.total * 100),
      computed_by: a.user.id,
      computed_at: at,
      policy_version: pv.version,
    };
    let id: number;
    if (open) {
      id = open.id;
      await trx.updateTable('refunds').set(values).where('id', '=', open.id).execute();
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

async function loadRefund(db: DeskDb, refundId: number) {
  const r = await db.selectFrom('refunds').selectAll().where('id', '=', refundId).executeTakeFirst();
  if (!r) throw new DeskFault('not_found', `refund ${refundId} was not found`, `طلب الاسترداد ${refundId} غير موجود`);
  return r;
}

/** The checker: another officer than the one who computed it. */
export async function approveRefund(db: DeskDb, a: FinanceActor, refundId: number): Promise<number> {
  const at = a.clock.now().toISOString();
  const r = await loadRefund(db, refundId);
  if (r.status !== 'computed')
    throw new DeskFault(
      'invalid_transition',
      `refund ${refundId} is ${r.status}; only a computed refund can be approved`,
      `لا يعتمد إلا استرداد محسوب`,
    );
  if (r.computed_by === a.user.id)
    throw new DeskFault('forbidden', 'the officer who computed a refund cannot also approve it', 'لا يعتمد الاسترداد من حسبه');
  await db.transaction().execute(async (trx) => {
    const done = await trx
      .updateTable('refunds')
      .set({ status: 'approved', approved_by: a.user.id, approved_at: at })
      .where('id', '=', refundId)
      .where('status', '=', 'computed')
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw new DeskFault('conflict', 'the refund changed meanwhile; reload it', 'تغير الاسترداد؛ أعد تحميله');
    await appendAudit(trx, {
      at,
      actorId: a.user.id,
      action: 'refund.approve',
      entity: 'refund',
      entityId: refundId,
      data: { total: (r.total_halalas ?? 0) / 100 },
    });
  });
  return r.request_id;
}

export async function recordPayout(db: DeskDb, a: FinanceActor, refundId: number, reference: string): Promise<number> {
  const at = a.clock.now().toISOString();
  const r = await loadRefund(db, refundId);
  if (r.status !== 'approved')
    throw new DeskFault('invalid_transition', `refund ${refundId} is ${r.status}; only an approved refund can be paid`, 'لا يصرف إلا استرداد معتمد');
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('refunds')
      .set({ status: 'paid', payout_reference: reference, paid_by: a.user.id, paid_at: at })
      .where('id', '=', refundId)
      .execute();
    await appendAudit(trx, {
      at,
      actorId: a.user.id,
      action: 'refund.payout',
      entity: 'refund',
      entityId: refundId,
      data: { reference, total: (r.total_halalas ?? 0) / 100 },
    });
  });
  return r.request_id;
}
