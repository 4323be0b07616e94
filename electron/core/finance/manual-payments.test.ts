/**
 * A bank transfer recorded from its proof by one finance officer and confirmed by another (maker-checker),
 * through the dispatcher on SQLite and PostgreSQL: the recorder can never confirm, two confirmations at
 * once settle the invoice once, a refused one never counts, an expired invoice takes nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { testDesk } from '../testing/test-desk';
import { verifyAuditChain } from '../audit/chain';
import { approvedRenewals } from './testing/awaiting-payment';

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

const PDF = Buffer.from('%PDF-1.4\n% bank transfer receipt TRF-88231\n%%EOF\n').toString('base64');

async function manualDesk() {
  const t = await testDesk(':memory:', '2026-03-20T08:00:00.000Z');
  close = () => t.desk.close();
  const reviewer = await t.as('rev', ['reviewer']);
  const invoices = await approvedRenewals(t.desk, reviewer.user, 2);
  const fin1 = await t.as('fin1', ['finance']);
  const fin2 = await t.as('fin2', ['finance']);
  const fin3 = await t.as('fin3', ['finance']);
  const call = (token: string, name: string, args: unknown) => t.dispatch(name, args, token);
  const [inv] = invoices;
  const record = (over: Record<string, unknown> = {}, token = fin1.token) =>
    call(token, 'payments.recordManual', {
      invoiceId: inv!.invoiceId,
      amountHalalas: inv!.total,
      paidOn: '2026-03-19',
      transferReference: 'TRF-88231',
      proof: { fileName: 'C:\\Users\\fin\\receipt.pdf', data: PDF },
      ...over,
    });
  const payments = () => t.desk.db.selectFrom('payments').selectAll().orderBy('id').execute();
  const requestStatus = async () =>
    (await t.desk.db.selectFrom('requests').select('status').where('id', '=', inv!.requestId).executeTakeFirstOrThrow()).status;
  return { ...t, invoices, inv: inv!, fin1, fin2, fin3, call, record, payments, requestStatus };
}

describe('a manual payment (bank transfer)', () => {
  it('recorded with an uploaded proof it waits, pending; the recorder cannot confirm; another officer confirms and the request moves on', async () => {
    const t = await manualDesk();
    expect(await t.record()).toMatchObject({ ok: true });
    const [p] = await t.payments();
    expect(p).toMatchObject({
      invoice_id: t.inv.invoiceId,
      amount_halalas: 35000,
      paid_at: '2026-03-19T09:00:00.000Z',
      channel: 'bank_transfer',
      reference: 'TRF-88231',
      source: 'manual',
      status: 'pending',
      recorded_by: t.fin1.user.id,
      confirmed_by: null,
    });
    const proof = await t.desk.db
      .selectFrom('attachments as a')
      .innerJoin('attachment_blobs as b', 'b.sha256', 'a.sha256')
      .select(['a.id', 'a.request_id', 'a.kind', 'a.file_name', 'b.mime'])
      .where('a.id', '=', p!.proof_attachment_id!)
      .executeTakeFirstOrThrow();
    expect(proof).toMatchObject({ request_id: t.inv.requestId, kind: 'payment_proof', file_name: 'receipt.pdf', mime: 'application/pdf' });
    // Pending money is no money: the invoice and the request wait.
    expect(await t.requestStatus()).toBe('awaiting_payment');
    expect((await t.desk.db.selectFrom('invoices').select('status').where('id', '=', t.inv.invoiceId).executeTakeFirstOrThrow()).status).toBe(
      'unpaid',
    );
    const pending = await t.call(t.fin2.token, 'payments.pendingManual', {});
    expect(pending).toMatchObject({ ok: true, value: [{ paymentId: p!.id, transferReference: 'TRF-88231', recordedBy: { id: t.fin1.user.id } }] });

    const own = await t.call(t.fin1.token, 'payments.confirmManual', { paymentId: p!.id });
    expect(own).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((own as { error: { messageAr?: string } }).error.messageAr).toBeTruthy();
    expect((await t.payments())[0]!.status).toBe('pending');

    expect(await t.call(t.fin2.token, 'payments.confirmManual', { paymentId: p!.id })).toMatchObject({ ok: true });
    expect((await t.payments())[0]).toMatchObject({ status: 'confirmed', confirmed_by: t.fin2.user.id, confirmed_at: '2026-03-20T08:00:00.000Z' });
    expect(await t.requestStatus()).toBe('ready_to_print');
    expect(await t.call(t.fin3.token, 'payments.confirmManual', { paymentId: p!.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });

    // On the request's own audit list, as the case page shows it.
    const audit = await t.desk.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id', 'entity', 'entity_id'])
      .where('action', 'like', 'payment.%')
      .orderBy('seq')
      .execute();
    const onCase = { entity: 'request', entity_id: String(t.inv.requestId) };
    expect(audit).toEqual([
      { action: 'payment.record_manual', actor_id: t.fin1.user.id, ...onCase },
      { action: 'payment.confirm_manual', actor_id: t.fin2.user.id, ...onCase },
    ]);
    expect((await verifyAuditChain(t.desk.db)).ok).toBe(true);
  });

  it('two officers confirming at the same moment: one confirms, the invoice is settled once', async () => {
    const t = await manualDesk();
    await t.record();
    const [p] = await t.payments();
    const results = await Promise.all([
      t.call(t.fin2.token, 'payments.confirmManual', { paymentId: p!.id }),
      t.call(t.fin3.token, 'payments.confirmManual', { paymentId: p!.id }),
      // The recorder trying through another window at the same moment.
      t.call(t.fin1.token, 'payments.confirmManual', { paymentId: p!.id }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results[2]).toMatchObject({ ok: false });
    const moved = await t.desk.db
      .selectFrom('status_history')
      .select('id')
      .where('request_id', '=', t.inv.requestId)
      .where('action', '=', 'record_payment')
      .execute();
    expect(moved).toHaveLength(1);
    expect(await t.desk.db.selectFrom('audit_log').select('seq').where('action', '=', 'payment.confirm_manual').execute()).toHaveLength(1);
    expect(await t.desk.db.selectFrom('refunds').select('id').execute()).toHaveLength(0);
    expect([t.fin2.user.id, t.fin3.user.id]).toContain((await t.payments())[0]!.confirmed_by);
  });

  it('refused with a reason it never counts, and can no longer be confirmed', async () => {
    const t = await manualDesk();
    await t.record();
    const [p] = await t.payments();
    expect(await t.call(t.fin2.token, 'payments.refuseManual', { paymentId: p!.id, reason: 'the receipt shows another account' })).toMatchObject({
      ok: true,
    });
    expect((await t.payments())[0]).toMatchObject({ status: 'refused', refusal_reason: 'the receipt shows another account', confirmed_by: null });
    expect(await t.call(t.fin3.token, 'payments.confirmManual', { paymentId: p!.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await t.call(t.fin3.token, 'payments.refuseManual', { paymentId: p!.id, reason: 'again' })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(await t.requestStatus()).toBe('awaiting_payment');
    const audit = await t.desk.db.selectFrom('audit_log').select('data').where('action', '=', 'payment.refuse_manual').execute();
    expect(JSON.parse(audit[0]!.data)).toMatchObject({ reason: 'the receipt shows another account' });
  });

  it('a confirmation and a refusal at the same moment: exactly one holds, and the money counts only if it was the confirmation', async () => {
    const t = await manualDesk();
    await t.record();
    const [p] = await t.payments();
    const [confirmed, refused] = await Promise.all([
      t.call(t.fin2.token, 'payments.confirmManual', { paymentId: p!.id }),
      t.call(t.fin3.token, 'payments.refuseManual', { paymentId: p!.id, reason: 'the receipt shows another account' }),
    ]);
    expect([confirmed.ok, refused.ok].filter(Boolean)).toHaveLength(1);
    const after = (await t.payments())[0]!;
    expect(after.status).toBe(confirmed.ok ? 'confirmed' : 'refused');
    expect(await t.requestStatus()).toBe(confirmed.ok ? 'ready_to_print' : 'awaiting_payment');
  });

  it('part of the invoice: confirmed, the request keeps waiting with what is left', async () => {
    const t = await manualDesk();
    await t.record({ amountHalalas: 20000 });
    const [p] = await t.payments();
    expect(await t.call(t.fin2.token, 'payments.confirmManual', { paymentId: p!.id })).toMatchObject({ ok: true });
    expect(await t.requestStatus()).toBe('awaiting_payment');
    expect((await t.desk.db.selectFrom('invoices').select('status').where('id', '=', t.inv.invoiceId).executeTakeFirstOrThrow()).status).toBe(
      'partially_paid',
    );
  });

  it("the proof: one of this request's attachments, or a PDF/JPEG/PNG by its content; anything else refused and nothing written", async () => {
    const t = await manualDesk();
    const [, other] = t.invoices;
    const ownAttachment = await t.desk.db.selectFrom('attachments').select('id').where('request_id', '=', t.inv.requestId).executeTakeFirstOrThrow();
    const foreign = await t.desk.db.selectFrom('attachments').select('id').where('request_id', '=', other!.requestId).executeTakeFirstOrThrow();
    const attachmentsBefore = (await t.desk.db.selectFrom('attachments').select('id').execute()).length;

    const notOurs = await t.record({ proof: { attachmentId: foreign.id } });
    expect(notOurs).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    expect((notOurs as { error: { message: string } }).error.message).toContain(`attachment ${foreign.id}`);
    const text = await t.record({ proof: { fileName: 'receipt.pdf', data: Buffer.from('just text, not a PDF').toString('base64') } });
    expect(text).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    expect((text as { error: { message: string } }).error.message).toContain('not a PDF, JPEG or PNG');
    expect(await t.payments()).toEqual([]);
    expect(await t.desk.db.selectFrom('attachments').select('id').execute()).toHaveLength(attachmentsBefore);

    expect(await t.record({ proof: { attachmentId: ownAttachment.id } })).toMatchObject({ ok: true });
    expect((await t.payments())[0]!.proof_attachment_id).toBe(ownAttachment.id);
  });

  it('an expired invoice takes no manual payment; a transfer dated in the future or on no real day is refused', async () => {
    const t = await manualDesk();
    await t.desk.db.updateTable('invoices').set({ status: 'expired' }).where('id', '=', t.inv.invoiceId).execute();
    const expired = await t.record();
    expect(expired).toMatchObject({ ok: false, error: { code: 'invalid_transition' } });
    expect((expired as { error: { message: string } }).error.message).toContain(`invoice ${t.inv.number} expired`);
    const [, open] = t.invoices;
    expect(await t.record({ invoiceId: open!.invoiceId, paidOn: '2026-03-21' })).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    expect(await t.record({ invoiceId: open!.invoiceId, paidOn: '2026-02-30' })).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    expect(await t.record({ invoiceId: 999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await t.payments()).toEqual([]);
  });

  it('the same transfer recorded twice on one invoice (also by two officers at once) is recorded once', async () => {
    const t = await manualDesk();
    const results = await Promise.all([t.record({}, t.fin1.token), t.record({}, t.fin2.token), t.record({}, t.fin3.token)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const refused = results.find((r) => !r.ok)!;
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(!refused.ok && refused.error.message).toMatch(/^transferReference: the transfer TRF-88231 is recorded/);
    expect(await t.payments()).toHaveLength(1);
    // Another transfer (another reference) for the rest is fine.
    expect(await t.record({ transferReference: 'TRF-88232' })).toMatchObject({ ok: true });
  });

  it('only finance records, confirms or refuses', async () => {
    const t = await manualDesk();
    const admin = await t.as('adm', ['admin']);
    expect(await t.record({}, admin.token)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
