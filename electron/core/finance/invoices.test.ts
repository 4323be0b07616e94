import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { moneyDesk, cardExpiring } from './testing/money-desk';
import { isSadadBillNumber, sadadBillNumber } from './invoices';
import { quoteFee, startedMonthsLate } from './fees';
import { samplePolicy } from '../policy/sample-policy';
import { verifyAuditChain } from '../audit/chain';
import { testingOnPostgres } from '../testing/test-postgres';

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

async function desk(now?: string) {
  const t = await moneyDesk(now);
  close = () => t.desk.close();
  return t;
}

/** The history row of a request that had nothing to pay, moved on past payment. */
const noFeeStep = (t: Awaited<ReturnType<typeof desk>>, requestId: number) =>
  t.desk.db.selectFrom('status_history').selectAll().where('request_id', '=', requestId).where('action', '=', 'no_fee').executeTakeFirstOrThrow();

/** An invoice's lines (kind and amount), in the order they were written. */
const linesOf = (t: Awaited<ReturnType<typeof desk>>, invoiceId: number) =>
  t.desk.db.selectFrom('invoice_lines').select(['kind', 'amount_halalas']).where('invoice_id', '=', invoiceId).orderBy('id').execute();

describe('the fee of a request', () => {
  const renewal = {
    service: 'RENEWAL' as const,
    submittedAt: '2026-03-01',
    card: { expiresAt: '2026-04-01' },
    employerType: 'private',
    category: 'consultant',
  };

  it('on time: the service fee and its administrative part', () => {
    expect(quoteFee(renewal, samplePolicy())).toEqual({
      lines: [
        { kind: 'service', amountHalalas: 30000 },
        { kind: 'administrative', amountHalalas: 5000 },
      ],
      totalHalalas: 35000,
      exemption: null,
      monthsLate: 0,
    });
  });

  it('late: latePerMonth for every started month after the card expired', () => {
    expect(startedMonthsLate('2026-01-15', '2026-01-15')).toBe(0);
    expect(startedMonthsLate('2026-01-15', '2026-01-16')).toBe(1);
    expect(startedMonthsLate('2026-01-15', '2026-02-15')).toBe(1);
    expect(startedMonthsLate('2026-01-15', '2026-02-16')).toBe(2);
    expect(startedMonthsLate('2026-01-31', '2026-03-01')).toBe(2);
    const late = quoteFee({ ...renewal, card: { expiresAt: '2025-12-20' } }, samplePolicy());
    expect(late.monthsLate).toBe(3);
    expect(late.lines).toContainEqual({ kind: 'late', amountHalalas: 30000 });
    expect(late.totalHalalas).toBe(65000);
    // A service without a late fee never has one; the submission's Riyadh day is what counts.
    expect(quoteFee({ ...renewal, service: 'REGISTRATION', card: { expiresAt: '2025-12-20' } }, samplePolicy()).monthsLate).toBe(0);
    expect(quoteFee({ ...renewal, submittedAt: '2026-03-31T21:30:00Z', card: { expiresAt: '2026-04-01' } }, samplePolicy()).monthsLate).toBe(0);
    expect(quoteFee({ ...renewal, submittedAt: '2026-04-01T21:30:00Z', card: { expiresAt: '2026-04-01' } }, samplePolicy()).monthsLate).toBe(1);
  });

  it('an exemption that matches makes it zero; one that does not match changes nothing', () => {
    const letter = { ...renewal, service: 'TRAINING_LETTER' as const, card: null };
    expect(quoteFee({ ...letter, employerType: 'government' }, samplePolicy())).toMatchObject({
      lines: [],
      totalHalalas: 0,
      exemption: { id: 'government-employer' },
    });
    expect(quoteFee(letter, samplePolicy())).toMatchObject({ totalHalalas: 10000, exemption: null });
    const byCategory = {
      ...samplePolicy(),
      feeExemptions: [{ ...samplePolicy().feeExemptions[0]!, employerTypes: undefined, categories: ['resident'] }],
    };
    expect(quoteFee({ ...letter, category: 'resident' }, byCategory).totalHalalas).toBe(0);
    expect(quoteFee({ ...letter, category: 'consultant' }, byCategory).totalHalalas).toBe(10000);
  });

  it('a SADAD bill number is 10 digits with a Luhn check digit', () => {
    const bill = sadadBillNumber('INV-2026-000412');
    expect(bill).toMatch(/^126000412\d$/);
    expect(isSadadBillNumber(bill)).toBe(true);
    for (let i = 0; i < 10; i++) {
      const typo = bill.slice(0, i) + String((Number(bill[i]) + 1) % 10) + bill.slice(i + 1);
      expect(isSadadBillNumber(typo)).toBe(false);
    }
  });
});

describe('approval issues the invoice', () => {
  it('in the same step: INV number, SADAD bill, lines, due date, policy version; awaiting payment; one e-mail with bill, amount and due date', async () => {
    const t = await desk();
    const id = await t.importRequest();
    const r = await t.approve(id);
    expect(r).toMatchObject({ ok: true, value: { status: 'awaiting_payment' } });
    const inv = await t.invoiceOf(id);
    expect(inv).toMatchObject({
      number: 'INV-2026-000001',
      status: 'unpaid',
      total_halalas: 35000,
      due_on: '2026-03-24',
      policy_version: 1,
      paid_at: null,
    });
    expect(isSadadBillNumber(inv.sadad_bill_number!)).toBe(true);
    const lines = await linesOf(t, inv.id);
    expect(lines).toEqual([
      { kind: 'service', amount_halalas: 30000 },
      { kind: 'administrative', amount_halalas: 5000 },
    ]);
    const history = await t.desk.db.selectFrom('status_history').select(['action', 'to_status']).where('request_id', '=', id).orderBy('id').execute();
    expect(history.map((h) => `${h.action}>${h.to_status}`)).toEqual([
      'submit>submitted',
      'claim>in_review',
      'approve>approved',
      'request_payment>awaiting_payment',
    ]);

    const mail = await t.mailOf(id);
    expect(mail).toHaveLength(1);
    const m = mail[0]!;
    expect(m.kind).toBe('approved_invoice');
    for (const body of [m.body_ar, m.body_en]) {
      expect(body).toContain(inv.sadad_bill_number!);
      expect(body).toContain('350.00');
      expect(body).toContain('INV-2026-000001');
    }
    expect(m.body_ar).toContain('ريال');
    expect(m.body_ar).toContain('رقم فاتورة سداد');
    // The due day (2026-03-24) in both calendars, month by name: a hyphenated date reads back to front in Arabic.
    expect(m.body_ar).toContain('آخر موعد للسداد: 5 شوال 1447 هـ الموافق 24 مارس 2026 م');
    expect(m.body_en).toContain('SAR 350.00');
    expect(m.body_en).toContain('Due date: 24 March 2026 (Shawwal 5, 1447 AH)');

    // The finance view shows it to pay.
    const fin = await t.call(t.finance.token, 'refunds.forCase', { requestId: id });
    expect(fin).toMatchObject({
      ok: true,
      value: {
        invoices: [{ number: 'INV-2026-000001', sadadBillNumber: inv.sadad_bill_number, dueOn: '2026-03-24', status: 'unpaid', policyVersion: 1 }],
      },
    });
    expect((await verifyAuditChain(t.desk.db)).ok).toBe(true);
  });

  it('the invoice is priced by the policy version in force and records it', async () => {
    const t = await desk();
    const admin = await t.as('admin', ['admin']);
    const p = samplePolicy();
    const saved = await t.call(admin.token, 'policy.update', {
      basedOnVersion: 1,
      policy: { ...p, paymentWindowDays: 21, fees: { ...p.fees, RENEWAL: { service: 40000, administrative: 5000 } } },
      note: 'New renewal fee',
    });
    expect(saved).toMatchObject({ ok: true, value: { version: 2 } });
    // A proposal takes effect once a second admin activates it.
    const admin2 = await t.as('admin2', ['admin']);
    expect(await t.call(admin2.token, 'policy.activate', { version: 2 })).toMatchObject({ ok: true });
    const id = await t.importRequest();
    await t.approve(id);
    expect(await t.invoiceOf(id)).toMatchObject({ policy_version: 2, total_halalas: 45000, due_on: '2026-03-31' });
    const h = await t.desk.db
      .selectFrom('status_history')
      .select('policy_version')
      .where('request_id', '=', id)
      .where('action', '=', 'request_payment')
      .executeTakeFirstOrThrow();
    expect(h.policy_version).toBe(2);
  });

  it('the due date is the Riyadh day of approval plus the payment window', async () => {
    // 22:30 UTC on the 10th is already the 11th in Riyadh.
    const t = await desk('2026-03-10T22:30:00.000Z');
    const id = await t.importRequest();
    await t.approve(id);
    expect((await t.invoiceOf(id)).due_on).toBe('2026-03-25');
    expect((await t.invoiceOf(id)).number).toBe('INV-2026-000001');
  });

  it('a late renewal carries the late fee for each started month', async () => {
    const t = await desk();
    const id = await t.importRequest(cardExpiring('2026-01-20'));
    expect(await t.approve(id)).toMatchObject({ ok: true, value: { status: 'awaiting_payment' } });
    const inv = await t.invoiceOf(id);
    const lines = await linesOf(t, inv.id);
    // Expired 2026-01-20, filed 2026-03-01: February's and March's months started.
    expect(lines).toContainEqual({ kind: 'late', amount_halalas: 20000 });
    expect(inv.total_halalas).toBe(55000);
  });

  it('nothing to pay for a card: straight to ready_to_print, no invoice, the applicant told', async () => {
    const t = await desk();
    const id = await t.importRequest({ service: 'RECLASSIFICATION' });
    expect(await t.approve(id)).toMatchObject({ ok: true, value: { status: 'ready_to_print' } });
    expect(await t.desk.db.selectFrom('invoices').select('id').where('request_id', '=', id).execute()).toEqual([]);
    const h = await noFeeStep(t, id);
    expect(h).toMatchObject({ from_status: 'approved', to_status: 'ready_to_print', reason_code: 'no_fee', policy_version: 1 });
    const [m] = await t.mailOf(id);
    expect(m).toMatchObject({ kind: 'approved_no_fee' });
    expect(m!.body_en).toContain('This service has no fee');
    expect(m!.body_en).not.toContain('SADAD');
    // It is in the print centre's queue.
    const queue = await t.call((await t.as('clerk', ['card_clerk'])).token, 'print.queue', { stage: 'ready' });
    expect(JSON.stringify(queue)).toContain(`"id":${id}`);
  });

  it('exempt from a document fee: the letter is issued at once and kept, printable again byte for byte', async () => {
    const t = await desk();
    const id = await t.importRequest({ service: 'TRAINING_LETTER', employer: { type: 'government', facility: 'King Fahad Medical City' } });
    expect(await t.approve(id)).toMatchObject({ ok: true, value: { status: 'document_issued' } });
    expect(await t.desk.db.selectFrom('invoices').select('id').where('request_id', '=', id).execute()).toEqual([]);
    const kept = await t.desk.db.selectFrom('issued_documents').selectAll().where('request_id', '=', id).executeTakeFirstOrThrow();
    expect(Buffer.from(kept.pdf).subarray(0, 5).toString()).toBe('%PDF-');
    expect(kept.issued_by).toBe(t.decider.user.id);
    const h = await noFeeStep(t, id);
    expect(h.reason_code).toBe('exempt:government-employer');
    const [m] = await t.mailOf(id);
    expect(m!.body_ar).toContain('إعفاء موظفي الجهات الحكومية');
    expect(m!.body_en).toContain('Government employees');

    // documents.issued serves the kept letter: the same bytes each time, even days later.
    const first = await t.call(t.decider.token, 'documents.issued', { requestId: id });
    expect(first).toMatchObject({ ok: true, value: { fileName: expect.stringMatching(/\.pdf$/) } });
    t.clock.set('2026-05-01T08:00:00.000Z');
    const { storedLetterPdf } = await import('../documents/letters/issued-letters');
    const again = await storedLetterPdf(t.desk.db, t.desk.cardSigner, id, t.clock.now());
    expect(Buffer.from(again.pdf).equals(Buffer.from(kept.pdf))).toBe(true);
  });

  it('all or nothing: a failing e-mail or a failing number leaves the request as it was', async () => {
    const t = await desk();
    const id = await t.importRequest();
    const claimed = await t.call(t.decider.token, 'cases.claim', { id, version: await t.version(id) });
    expect(claimed.ok).toBe(true);
    const snapshot = async () => ({
      version: await t.version(id),
      history: (await t.desk.db.selectFrom('status_history').select('id').execute()).length,
      audit: (await t.desk.db.selectFrom('audit_log').select('seq').execute()).length,
      mail: (await t.desk.db.selectFrom('outbox').select('id').execute()).length,
    });
    let before = await snapshot();
    const approve = () =>
      t.call(t.decider.token, 'cases.approve', { id, version: before.version, override: { justification: 'Checked on paper at the branch.' } });
    const unchanged = async () => {
      expect(await t.statusOf(id)).toBe('in_review');
      expect(await t.desk.db.selectFrom('invoices').select('id').where('request_id', '=', id).execute()).toEqual([]);
      expect(await snapshot()).toEqual(before);
    };

    // The outbox cannot be written: the approval and its invoice are undone with it.
    await sql`ALTER TABLE outbox RENAME TO outbox_away`.execute(t.desk.db);
    const noMail = await approve();
    expect(noMail.ok).toBe(false);
    await sql`ALTER TABLE outbox_away RENAME TO outbox`.execute(t.desk.db);
    await unchanged();

    // The year's invoice numbers are used up: refused, nothing written.
    const other = await t.importRequest({ service: 'REGISTRATION' });
    await t.desk.db.insertInto('invoices').values({ request_id: other, number: 'INV-2026-999999', issued_at: '2026-01-01T00:00:00Z' }).execute();
    before = await snapshot();
    expect(await approve()).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await unchanged();

    await t.desk.db.deleteFrom('invoices').where('number', '=', 'INV-2026-999999').execute();
    expect(await approve()).toMatchObject({ ok: true, value: { status: 'awaiting_payment' } });
    expect((await verifyAuditChain(t.desk.db)).ok).toBe(true);
  });

  it('the checks are judged inside the approval: a failing check still refuses it', async () => {
    const t = await desk();
    const id = await t.importRequest();
    await t.desk.db.deleteFrom('attachments').where('request_id', '=', id).where('kind', '=', 'photo').execute();
    const reviewer = await t.as('plain-reviewer', ['reviewer']);
    await t.call(reviewer.token, 'cases.claim', { id, version: await t.version(id) });
    const r = await t.call(reviewer.token, 'cases.approve', { id, version: await t.version(id) });
    expect(r).toMatchObject({ ok: false, error: { code: 'checks_failed' } });
    expect(await t.desk.db.selectFrom('invoices').select('id').where('request_id', '=', id).execute()).toEqual([]);
  });

  it('many approvals at once get distinct, consecutive invoice numbers and distinct bill numbers', async () => {
    const t = await desk();
    const count = testingOnPostgres() ? 16 : 10;
    const deciders = await Promise.all(Array.from({ length: 4 }, (_, i) => t.as(`d${i}`, ['reviewer', 'approver'])));
    const ids: number[] = [];
    for (let i = 0; i < count; i++) ids.push(await t.importRequest({ service: i % 2 ? 'REGISTRATION' : 'RENEWAL' }));
    // Each decider claims its share first, then all approve at the same moment.
    for (const [i, id] of ids.entries()) await t.call(deciders[i % 4]!.token, 'cases.claim', { id, version: await t.version(id) });
    const versions = await Promise.all(ids.map((id) => t.version(id)));
    const answers = await Promise.all(
      ids.map((id, i) =>
        t.call(deciders[i % 4]!.token, 'cases.approve', { id, version: versions[i], override: { justification: 'Checked on paper at the branch.' } }),
      ),
    );
    expect(answers.filter((a) => !a.ok)).toEqual([]);
    const invoices = await t.desk.db.selectFrom('invoices').select(['number', 'sadad_bill_number']).execute();
    expect(invoices).toHaveLength(count);
    expect(new Set(invoices.map((i) => i.number)).size).toBe(count);
    expect(new Set(invoices.map((i) => i.sadad_bill_number)).size).toBe(count);
    expect(invoices.map((i) => i.number).sort()).toEqual(Array.from({ length: count }, (_, i) => `INV-2026-${String(i + 1).padStart(6, '0')}`));
    expect((await verifyAuditChain(t.desk.db)).ok).toBe(true);
  });
});
