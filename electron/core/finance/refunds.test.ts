import { afterEach, describe, expect, it } from 'vitest';
import { testDesk } from '../testing/test-desk';
import { testingOnPostgres } from '../testing/test-postgres';
import { importBundles } from '../intake/import-batch';
import { samplePolicy } from '../policy/sample-policy';
import { goodRequestJson, writeFolder } from '../intake/testing/request-bundles';
import { verifyAuditChain } from '../audit/chain';
import type { CaseFinance } from '../../../shared/domain';

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

/** A renewal submitted 2026-03-01, invoiced 300 + 50 + 100 late, paid 450 on 2026-03-02 (and again, when `duplicate`). */
async function paidCase(opts: { duplicate?: boolean } = {}) {
  const t = await testDesk(':memory:', '2026-03-20T08:00:00.000Z');
  close = () => t.desk.close();
  await importBundles(t.desk.db, t.clock, samplePolicy(), [writeFolder(goodRequestJson({ reference: 'REQ-2026-000500' }))]);
  const { id: invoiceId } = await t.desk.db
    .insertInto('invoices')
    .values({ request_id: 1, number: 'INV-1', issued_at: '2026-03-01T10:00:00Z' })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [kind, amount] of [
    ['service', 30000],
    ['administrative', 5000],
    ['late', 10000],
  ] as const) {
    await t.desk.db.insertInto('invoice_lines').values({ invoice_id: invoiceId, kind, amount_halalas: amount }).execute();
  }
  await t.desk.db
    .insertInto('payments')
    .values({ invoice_id: invoiceId, amount_halalas: 45000, paid_at: '2026-03-02T07:00:00Z', channel: 'sadad', reference: 'P1' })
    .execute();
  if (opts.duplicate)
    await t.desk.db
      .insertInto('payments')
      .values({ invoice_id: invoiceId, amount_halalas: 45000, paid_at: '2026-03-04T07:00:00Z', channel: 'sadad', reference: 'P2' })
      .execute();
  const maker = await t.as('maker', ['finance']);
  const checker = await t.as('checker', ['finance']);
  const reviewer = await t.as('rev', ['reviewer']);
  const call = async (token: string, name: string, args: unknown) => t.dispatch(name, args, token);
  return { ...t, maker, checker, reviewer, call };
}

const finance = (r: unknown) => (r as { ok: true; value: CaseFinance }).value;

describe('the finance desk', () => {
  it('request, compute, approve by another officer, pay: each line shown and each step audited', async () => {
    const t = await paidCase();
    expect(await t.call(t.reviewer.token, 'refunds.request', { requestId: 1, grounds: [] })).toMatchObject({ ok: true });
    const counts = await t.call(t.maker.token, 'queues.counts', {});
    expect(counts).toMatchObject({ ok: true, value: { refunds: 1 } });

    const computed = finance(await t.call(t.maker.token, 'refunds.compute', { requestId: 1, requestedAt: '2026-03-20', grounds: [] }));
    expect(computed.refunds).toHaveLength(1);
    const r = computed.refunds[0]!;
    expect(r).toMatchObject({ status: 'computed', computedBy: { id: t.maker.user.id }, policyVersion: 1 });
    expect(r.result!.total).toBe(200);
    expect(r.result!.lines.map((l) => `${l.rule}:${l.feeKind}:${l.amount}`)).toEqual(['RF-GENERAL-50:service:150', 'RF-GENERAL-50:late:50']);
    expect(r.result!.denials.map((d) => d.rule)).toEqual(['RF-ADMIN']);

    expect(await t.call(t.maker.token, 'refunds.approve', { refundId: r.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await t.call(t.maker.token, 'refunds.recordPayout', { refundId: r.id, reference: 'TRF-1' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_transition' },
    });
    expect(finance(await t.call(t.checker.token, 'refunds.approve', { refundId: r.id })).refunds[0]).toMatchObject({
      status: 'approved',
      approvedBy: 'checker',
    });
    expect(finance(await t.call(t.maker.token, 'refunds.recordPayout', { refundId: r.id, reference: 'TRF-1' })).refunds[0]).toMatchObject({
      status: 'paid',
      payoutReference: 'TRF-1',
    });

    expect(await t.call(t.maker.token, 'refunds.compute', { requestId: 1, requestedAt: '2026-03-20', grounds: [] })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    const audit = await t.desk.db.selectFrom('audit_log').select('action').where('entity', '=', 'refund').orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['refund.request', 'refund.compute', 'refund.approve', 'refund.payout']);
    expect((await verifyAuditChain(t.desk.db)).ok).toBe(true);
    expect(await t.call(t.maker.token, 'queues.counts', {})).toMatchObject({ ok: true, value: { refunds: 0 } });
  });

  it('derives the facts from the case: a duplicate payment comes back in full; studied once decided', async () => {
    const t = await paidCase({ duplicate: true });
    const r = finance(await t.call(t.maker.token, 'refunds.compute', { requestId: 1, requestedAt: '2026-03-20', grounds: [] })).refunds[0]!;
    expect(r.result!.lines.map((l) => `${l.rule}:${l.paymentId}:${l.amount}`)).toContain('RF-DUPLICATE:P2:450');
    // Once the commission decided (a return counts), the general rule no longer applies.
    await t.desk.db
      .insertInto('status_history')
      .values({
        request_id: 1,
        action: 'return_to_applicant',
        from_status: 'in_review',
        to_status: 'returned',
        actor_id: null,
        at: '2026-03-05T08:00:00Z',
        reason_code: null,
        reason: null,
        policy_version: 1,
      })
      .execute();
    const again = finance(await t.call(t.maker.token, 'refunds.compute', { requestId: 1, requestedAt: '2026-03-20', grounds: [] })).refunds;
    expect(again).toHaveLength(1); // recomputed in place
    expect(again[0]!.result!.denials.map((d) => d.rule)).toContain('RF-STUDIED');
  });

  it('a ground with proof uses an attachment of this case; another case’s attachment is refused', async () => {
    const t = await paidCase();
    const photo = await t.desk.db.selectFrom('attachments').select('id').where('kind', '=', 'photo').executeTakeFirstOrThrow();
    const ok = finance(
      await t.call(t.maker.token, 'refunds.compute', {
        requestId: 1,
        requestedAt: '2026-03-20',
        grounds: [{ kind: 'directed_in_writing', proofAttachmentId: photo.id }],
      }),
    );
    expect(ok.refunds[0]!.result!.total).toBe(450);
    expect(ok.refunds[0]!.grounds).toEqual([{ kind: 'directed_in_writing', proofAttachmentId: photo.id }]);
    const bad = await t.call(t.maker.token, 'refunds.compute', {
      requestId: 1,
      requestedAt: '2026-03-20',
      grounds: [{ kind: 'directed_in_writing', proofAttachmentId: 9999 }],
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad_input' } });
  });

  it('an invoice with no confirmed payment: asking for its refund is refused and nothing is opened', async () => {
    const t = await paidCase();
    // The only payment is a transfer still waiting for its second officer: nothing has been received.
    await t.desk.db.updateTable('payments').set({ status: 'pending' }).execute();
    const r = await t.call(t.reviewer.token, 'refunds.request', { requestId: 1, grounds: [] });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'bad_input', message: 'invoice INV-1 has no confirmed payment: there is nothing to refund' },
    });
    expect(await t.desk.db.selectFrom('refunds').selectAll().execute()).toEqual([]);
  });

  it('no invoice, nothing to refund: a clear refusal', async () => {
    const t = await paidCase();
    await t.desk.db.deleteFrom('payments').execute();
    await t.desk.db.deleteFrom('invoice_lines').execute();
    await t.desk.db.deleteFrom('invoices').execute();
    const r = await t.call(t.maker.token, 'refunds.compute', { requestId: 1, requestedAt: '2026-03-20', grounds: [] });
    expect(r).toMatchObject({ ok: false, error: { code: 'bad_input' } });
  });
});

/** A further invoice of request 1, paid: the next refund of the case is on it (one refund per invoice). */
async function anotherPaidInvoice(t: Awaited<ReturnType<typeof paidCase>>, n: number): Promise<number> {
  const { id } = await t.desk.db
    .insertInto('invoices')
    .values({ request_id: 1, number: `INV-R${n}`, issued_at: '2026-03-01T10:00:00Z' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.desk.db.insertInto('invoice_lines').values({ invoice_id: id, kind: 'service', amount_halalas: 30000 }).execute();
  await t.desk.db
    .insertInto('payments')
    .values({ invoice_id: id, amount_halalas: 30000, paid_at: '2026-03-02T07:00:00Z', channel: 'sadad', reference: `PR${n}` })
    .execute();
  return id;
}

/**
 * Runs `f` a little after the calls fired with it: `step` tenths of a millisecond on PostgreSQL (its
 * queries take real time), `step` × 8 microtask turns on SQLite (its queries answer within the same turn).
 */
async function later<T>(step: number, f: () => Promise<T>): Promise<T> {
  if (testingOnPostgres()) await new Promise((r) => setTimeout(r, step / 10));
  else for (let i = 0; i < step * 8; i++) await Promise.resolve();
  return f();
}

const compute = (t: Awaited<ReturnType<typeof paidCase>>, token: string) =>
  t.call(token, 'refunds.compute', { requestId: 1, requestedAt: '2026-03-20', grounds: [] });

describe('the finance desk under concurrent calls', () => {
  it('a recompute racing an approval never lets the officer approve their own computation', async () => {
    const t = await paidCase();
    for (let round = 0; round < 40; round++) {
      const invoiceId = await anotherPaidInvoice(t, round);
      expect(await compute(t, t.maker.token)).toMatchObject({ ok: true });
      const refund = await t.desk.db.selectFrom('refunds').select('id').where('invoice_id', '=', invoiceId).executeTakeFirstOrThrow();
      // The checker recomputes (becoming the maker) and approves at the same moment; the approval starts a
      // little later each round, so that in some rounds it reads between the recompute's reads and its write.
      await Promise.all([compute(t, t.checker.token), later(round, () => t.call(t.checker.token, 'refunds.approve', { refundId: refund.id }))]);
      const row = await t.desk.db.selectFrom('refunds').selectAll().where('id', '=', refund.id).executeTakeFirstOrThrow();
      if (row.status === 'approved') expect(row.approved_by).not.toBe(row.computed_by);
      // The audit agrees: the computation each approval approved was someone else's.
      const steps = await t.desk.db
        .selectFrom('audit_log')
        .select(['action', 'actor_id'])
        .where('entity', '=', 'refund')
        .where('entity_id', '=', String(refund.id))
        .orderBy('seq')
        .execute();
      steps.forEach((s, i) => {
        if (s.action !== 'refund.approve') return;
        const maker = steps
          .slice(0, i)
          .reverse()
          .find((p) => p.action === 'refund.compute');
        expect(maker?.actor_id).not.toBe(s.actor_id);
      });
      expect(steps.filter((s) => s.action === 'refund.approve').length).toBeLessThanOrEqual(1);
    }
    expect((await verifyAuditChain(t.desk.db)).ok).toBe(true);
  });

  it('two payouts of one refund sent at once: exactly one is accepted, with one audit entry', async () => {
    const t = await paidCase();
    for (let round = 0; round < 8; round++) {
      const invoiceId = await anotherPaidInvoice(t, round);
      expect(await compute(t, t.maker.token)).toMatchObject({ ok: true });
      const refund = await t.desk.db.selectFrom('refunds').select('id').where('invoice_id', '=', invoiceId).executeTakeFirstOrThrow();
      expect(await t.call(t.checker.token, 'refunds.approve', { refundId: refund.id })).toMatchObject({ ok: true });
      const answers = await Promise.all([
        t.call(t.maker.token, 'refunds.recordPayout', { refundId: refund.id, reference: `TRF-${round}-A` }),
        t.call(t.checker.token, 'refunds.recordPayout', { refundId: refund.id, reference: `TRF-${round}-B` }),
        t.call(t.maker.token, 'refunds.recordPayout', { refundId: refund.id, reference: `TRF-${round}-C` }),
      ]);
      expect(answers.filter((a) => (a as { ok: boolean }).ok)).toHaveLength(1);
      for (const a of answers.filter((x) => !(x as { ok: boolean }).ok)) expect(a).toMatchObject({ error: { code: 'invalid_transition' } });
      const payouts = await t.desk.db
        .selectFrom('audit_log')
        .select(['data'])
        .where('action', '=', 'refund.payout')
        .where('entity_id', '=', String(refund.id))
        .execute();
      expect(payouts).toHaveLength(1);
      const row = await t.desk.db.selectFrom('refunds').selectAll().where('id', '=', refund.id).executeTakeFirstOrThrow();
      expect(JSON.parse(payouts[0]!.data)).toMatchObject({ reference: row.payout_reference });
    }
  });

  it('two approvals at once by two checkers: one wins; computes at once open one refund per invoice', async () => {
    const t = await paidCase();
    const third = await t.as('third', ['finance']);
    for (let round = 0; round < 6; round++) {
      const invoiceId = await anotherPaidInvoice(t, round);
      await Promise.all([compute(t, t.maker.token), compute(t, t.maker.token), compute(t, t.checker.token)]);
      const refunds = await t.desk.db.selectFrom('refunds').selectAll().where('invoice_id', '=', invoiceId).execute();
      expect(refunds).toHaveLength(1);
      const [a, b] = await Promise.all([
        t.call(third.token, 'refunds.approve', { refundId: refunds[0]!.id }),
        t.call(refunds[0]!.computed_by === t.maker.user.id ? t.checker.token : t.maker.token, 'refunds.approve', { refundId: refunds[0]!.id }),
      ]);
      expect([a, b].filter((x) => (x as { ok: boolean }).ok)).toHaveLength(1);
      const approvals = await t.desk.db
        .selectFrom('audit_log')
        .select('seq')
        .where('action', '=', 'refund.approve')
        .where('entity_id', '=', String(refunds[0]!.id))
        .execute();
      expect(approvals).toHaveLength(1);
    }
  });
});
