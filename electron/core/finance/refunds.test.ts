import { afterEach, describe, expect, it } from 'vitest';
import { testDesk } from '../testing';
import { importBundles } from '../intake/import-batch';
import { samplePolicy } from '../policy';
import { goodRequestJson, writeFolder } from '../intake/test-bundles';
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

  it('no invoice, nothing to refund: a clear refusal', async () => {
    const t = await paidCase();
    await t.desk.db.deleteFrom('payments').execute();
    await t.desk.db.deleteFrom('invoice_lines').execute();
    await t.desk.db.deleteFrom('invoices').execute();
    const r = await t.call(t.maker.token, 'refunds.compute', { requestId: 1, requestedAt: '2026-03-20', grounds: [] });
    expect(r).toMatchObject({ ok: false, error: { code: 'bad_input' } });
  });
});
