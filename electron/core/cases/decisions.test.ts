import { afterEach, describe, expect, it } from 'vitest';
import { seededTestDesk } from '../testing/seeded-desk';
import { verifyAuditChain } from '../audit/chain';
import type { Service, Status } from '../../../shared/domain';

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

async function setup() {
  const t = await seededTestDesk({ cases: 60, seed: 7 });
  close = () => t.desk.close();
  const reviewer = await t.as('rev', ['reviewer']);
  const other = await t.as('rev2', ['reviewer']);
  const approver = await t.as('appr', ['approver']);
  const call = async (token: string, name: string, args: unknown) => t.dispatch(name, args, token);
  const firstWaiting = async (service?: Service) => {
    let q = t.desk.db.selectFrom('requests').select(['id', 'version']).where('status', '=', 'submitted');
    if (service) q = q.where('service', '=', service);
    return q.orderBy('id').executeTakeFirstOrThrow();
  };
  return { ...t, reviewer, other, approver, call, firstWaiting };
}

describe('decisions through the dispatcher', () => {
  it('claim, note, return: history, audit and the applicant e-mail commit together', async () => {
    const t = await setup();
    const req = await t.firstWaiting();
    const claimed = await t.call(t.reviewer.token, 'cases.claim', { id: req.id, version: req.version });
    expect(claimed.ok).toBe(true);
    const v = (claimed as { value: { version: number } }).value.version;
    const noNote = await t.call(t.reviewer.token, 'cases.returnToApplicant', { id: req.id, version: v });
    expect(noNote).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    await t.call(t.reviewer.token, 'cases.addNote', { id: req.id, kind: 'to_applicant', text: 'Attach a recent employer letter.' });
    const returned = await t.call(t.reviewer.token, 'cases.returnToApplicant', { id: req.id, version: v });
    expect(returned).toMatchObject({ ok: true, value: { status: 'returned', returnDueAt: '2026-04-09' } });
    const mail = await t.desk.db.selectFrom('outbox').selectAll().where('request_id', '=', req.id).execute();
    expect(mail).toHaveLength(1);
    expect(mail[0]!.body_en).toContain('Attach a recent employer letter.');
    expect(mail[0]!.body_ar).toContain('2026-04-09');
    const history = await t.desk.db.selectFrom('status_history').select('action').where('request_id', '=', req.id).orderBy('id').execute();
    expect(history.map((h) => h.action)).toEqual(['submit', 'claim', 'return_to_applicant']);
    const view = (await t.call(t.reviewer.token, 'cases.get', { id: req.id })) as { value: { audit: Array<{ action: string; seq: number }> } };
    expect(view.value.audit.map((a) => a.action)).toEqual(['request.claim', 'note.add', 'request.return_to_applicant']);
    expect((await verifyAuditChain(t.desk.db)).ok).toBe(true);
  });

  it('a request claimed by someone else cannot be decided by you', async () => {
    const t = await setup();
    const req = await t.firstWaiting();
    await t.call(t.reviewer.token, 'cases.claim', { id: req.id, version: req.version });
    const r = await t.call(t.other.token, 'cases.approve', { id: req.id, version: req.version + 1 });
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('two writers on one version: one wins, the other gets a conflict', async () => {
    const t = await setup();
    const req = await t.firstWaiting();
    const [a, b] = await Promise.all([
      t.call(t.reviewer.token, 'cases.claim', { id: req.id, version: req.version }),
      t.call(t.other.token, 'cases.claim', { id: req.id, version: req.version }),
    ]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    const loser = a.ok ? b : a;
    expect(loser).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const claims = await t.desk.db.selectFrom('status_history').select('id').where('request_id', '=', req.id).where('action', '=', 'claim').execute();
    expect(claims).toHaveLength(1);
  });

  it('four-eyes: the second signature must come from another approver', async () => {
    const t = await setup();
    const req = await t.firstWaiting('CLASSIFICATION_OUTSIDE').catch(async () => {
      const r = await t.firstWaiting();
      await t.desk.db.updateTable('requests').set({ service: 'CLASSIFICATION_OUTSIDE' }).where('id', '=', r.id).execute();
      return r;
    });
    const both = await t.as('both', ['reviewer', 'approver']);
    await t.call(both.token, 'cases.claim', { id: req.id, version: req.version });
    const first = await t.call(both.token, 'cases.approve', {
      id: req.id,
      version: req.version + 1,
      override: { justification: 'Documents verified on paper at the branch.' },
    });
    expect(first).toMatchObject({ ok: true, value: { status: 'awaiting_second_signature' } });
    const self = await t.call(both.token, 'cases.countersign', { id: req.id, version: req.version + 2 });
    expect(self).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const second = await t.call(t.approver.token, 'cases.countersign', { id: req.id, version: req.version + 2 });
    // Approved, and with a fee to pay it waits for payment (its invoice issued in the same step).
    expect(second).toMatchObject({ ok: true, value: { status: 'awaiting_payment' } });
  });

  it('reject records the reason and tells the applicant', async () => {
    const t = await setup();
    const req = await t.firstWaiting();
    await t.call(t.reviewer.token, 'cases.claim', { id: req.id, version: req.version });
    const r = await t.call(t.reviewer.token, 'cases.reject', {
      id: req.id,
      version: req.version + 1,
      reason: 'duplicate',
      text: 'Same as REQ-2026-000001',
    });
    expect(r).toMatchObject({ ok: true, value: { status: 'rejected' } });
    const mail = await t.desk.db.selectFrom('outbox').select('body_ar').where('request_id', '=', req.id).executeTakeFirstOrThrow();
    expect(mail.body_ar).toContain('طلب مكرر');
  });

  it('claim next takes the oldest waiting request, resubmissions first', async () => {
    const t = await setup();
    const oldest = (status: Status) =>
      t.desk.db
        .selectFrom('requests')
        .select('id')
        .where('status', '=', status)
        .where('assignee_id', 'is', null)
        .orderBy('submitted_at')
        .orderBy('id')
        .executeTakeFirst();
    const expected = (await oldest('resubmitted')) ?? (await oldest('submitted'))!;
    const r = await t.call(t.reviewer.token, 'cases.claimNext', {});
    expect(r).toMatchObject({ ok: true, value: { id: expected.id, status: 'in_review', assignee: { id: t.reviewer.user.id } } });
  });
});

describe('approval and the checks', () => {
  it('is refused while a check fails; only an approver may override, and the override is recorded', async () => {
    const t = await setup();
    const req = await t.firstWaiting();
    await t.desk.db.updateTable('requests').set({ service: 'RENEWAL' }).where('id', '=', req.id).execute();
    await t.desk.db.deleteFrom('attachments').where('request_id', '=', req.id).where('kind', '=', 'photo').execute();
    await t.call(t.reviewer.token, 'cases.claim', { id: req.id, version: req.version });
    const detail = await t.call(t.reviewer.token, 'cases.get', { id: req.id });
    const failed = (detail as { value: { checks: Array<{ rule: string; outcome: string }> } }).value.checks
      .filter((c) => c.outcome === 'fail')
      .map((c) => c.rule);
    expect(failed).toContain('PHOTO');
    const refused = await t.call(t.reviewer.token, 'cases.approve', { id: req.id, version: req.version + 1 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'checks_failed' } });
    expect((refused as { error: { message: string } }).error.message).toContain('PHOTO');
    const notApprover = await t.call(t.reviewer.token, 'cases.approve', {
      id: req.id,
      version: req.version + 1,
      override: { justification: 'I think it is fine really.' },
    });
    expect(notApprover).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const tooShort = await t.call(t.reviewer.token, 'cases.approve', { id: req.id, version: req.version + 1, override: { justification: 'ok' } });
    expect(tooShort).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    expect((tooShort as { error: { message: string } }).error.message).toMatch(/^override.justification/);

    // Hand it to an approver, who overrides.
    await t.desk.db.updateTable('requests').set({ assignee_id: t.approver.user.id }).where('id', '=', req.id).execute();
    const ok = await t.call(t.approver.token, 'cases.approve', {
      id: req.id,
      version: req.version + 1,
      override: { justification: 'Photo held on file from the previous card.' },
    });
    expect(ok).toMatchObject({ ok: true, value: { status: 'awaiting_payment' } });
    const h = await t.desk.db
      .selectFrom('status_history')
      .selectAll()
      .where('request_id', '=', req.id)
      .where('action', '=', 'approve')
      .executeTakeFirstOrThrow();
    expect(h.reason).toBe('Photo held on file from the previous card.');
    expect(h.reason_code).toBe(`override:${failed.join(',')}`);
    expect(h.policy_version).toBe(1);
  });

  it('a return can carry its message to the applicant in the same step', async () => {
    const t = await setup();
    const req = await t.firstWaiting();
    await t.call(t.reviewer.token, 'cases.claim', { id: req.id, version: req.version });
    const r = await t.call(t.reviewer.token, 'cases.returnToApplicant', {
      id: req.id,
      version: req.version + 1,
      message: 'Please attach a recent personal photo.',
    });
    expect(r).toMatchObject({
      ok: true,
      value: { status: 'returned', notes: [{ kind: 'to_applicant', text: 'Please attach a recent personal photo.' }] },
    });
  });
});

describe('reassign, re-route and bulk claim', () => {
  it('an approver reassigns to a reviewer; a reviewer may not; a non-reviewer cannot receive it', async () => {
    const t = await setup();
    const req = await t.firstWaiting();
    const finance = await t.as('fin', ['finance']);
    expect(await t.call(t.reviewer.token, 'cases.reassign', { id: req.id, version: req.version, assigneeId: t.other.user.id })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await t.call(t.approver.token, 'cases.reassign', { id: req.id, version: req.version, assigneeId: finance.user.id })).toMatchObject({
      ok: false,
      error: { code: 'bad_input' },
    });
    const r = await t.call(t.approver.token, 'cases.reassign', { id: req.id, version: req.version, assigneeId: t.other.user.id });
    expect(r).toMatchObject({ ok: true, value: { status: 'submitted', assignee: { id: t.other.user.id } } });
    const h = await t.desk.db
      .selectFrom('status_history')
      .select(['action', 'from_status', 'to_status'])
      .where('request_id', '=', req.id)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(h).toEqual({ action: 'reassign', from_status: 'submitted', to_status: 'submitted' });
  });

  it('the holder re-routes a request to the right service; the applicant is told', async () => {
    const t = await setup();
    const req = await t.firstWaiting();
    await t.desk.db.updateTable('requests').set({ service: 'INQUIRY' }).where('id', '=', req.id).execute();
    await t.call(t.reviewer.token, 'cases.claim', { id: req.id, version: req.version });
    const r = await t.call(t.reviewer.token, 'cases.reroute', { id: req.id, version: req.version + 1, service: 'GOOD_STANDING' });
    expect(r).toMatchObject({ ok: true, value: { service: 'GOOD_STANDING', status: 'in_review' } });
    const mail = await t.desk.db.selectFrom('outbox').select(['kind', 'body_ar']).where('request_id', '=', req.id).executeTakeFirstOrThrow();
    expect(mail.kind).toBe('rerouted');
    expect(mail.body_ar).toContain('شهادة براءة مهنية');
  });

  it('claims several, reporting the ones another reviewer took first', async () => {
    const t = await setup();
    const waiting = await t.desk.db
      .selectFrom('requests')
      .select(['id', 'version'])
      .where('status', '=', 'submitted')
      .orderBy('id')
      .limit(3)
      .execute();
    await t.call(t.other.token, 'cases.claim', { id: waiting[1]!.id, version: waiting[1]!.version });
    const r = await t.call(t.reviewer.token, 'cases.claimMany', { items: waiting });
    expect(r).toMatchObject({ ok: true, value: { claimed: [waiting[0]!.id, waiting[2]!.id], refused: [{ id: waiting[1]!.id }] } });
  });
});

describe('inquiries are answered, not approved', () => {
  it('the holder answers: the answer is the note to the applicant and the e-mail, and the request closes as answered', async () => {
    const t = await setup();
    const req = await t.firstWaiting();
    await t.desk.db.updateTable('requests').set({ service: 'INQUIRY' }).where('id', '=', req.id).execute();
    await t.call(t.reviewer.token, 'cases.claim', { id: req.id, version: req.version });
    const v = req.version + 1;
    expect(await t.call(t.reviewer.token, 'cases.approve', { id: req.id, version: v })).toMatchObject({
      ok: false,
      error: { code: 'invalid_transition' },
    });
    expect(await t.call(t.other.token, 'cases.answer', { id: req.id, version: v, text: 'Not mine to answer.' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const text = 'Your CPD hours from 2025 are recorded; nothing more is needed.';
    const r = await t.call(t.reviewer.token, 'cases.answer', { id: req.id, version: v, text });
    expect(r).toMatchObject({
      ok: true,
      value: { status: 'answered', notes: expect.arrayContaining([expect.objectContaining({ kind: 'to_applicant', text })]) },
    });
    const mail = await t.desk.db.selectFrom('outbox').selectAll().where('request_id', '=', req.id).execute();
    expect(mail).toHaveLength(1);
    expect(mail[0]!.kind).toBe('answered');
    expect(mail[0]!.body_en).toContain(text);
    expect(mail[0]!.body_ar).toContain(text);
    for (const s of [mail[0]!.subject_en, mail[0]!.body_en]) expect(s).not.toMatch(/approved/i);
    expect(mail[0]!.body_ar).not.toContain('اعتماد');
    const h = await t.desk.db
      .selectFrom('status_history')
      .select(['action', 'to_status'])
      .where('request_id', '=', req.id)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(h).toEqual({ action: 'answer', to_status: 'answered' });
    // Closed: a second answer is refused.
    expect(await t.call(t.reviewer.token, 'cases.answer', { id: req.id, version: v + 1, text })).toMatchObject({ ok: false });
    expect((await verifyAuditChain(t.desk.db)).ok).toBe(true);
  });

  it("only an inquiry is answered; the sweeps' reasons are not a reviewer's to give", async () => {
    const t = await setup();
    const req = await t.firstWaiting();
    await t.desk.db.updateTable('requests').set({ service: 'GOOD_STANDING' }).where('id', '=', req.id).execute();
    await t.call(t.reviewer.token, 'cases.claim', { id: req.id, version: req.version });
    const v = req.version + 1;
    expect(await t.call(t.reviewer.token, 'cases.answer', { id: req.id, version: v, text: 'An answer.' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_transition' },
    });
    expect(await t.call(t.reviewer.token, 'cases.reject', { id: req.id, version: v, reason: 'unpaid', text: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'bad_input' },
    });
    expect(await t.desk.db.selectFrom('notes').select('id').where('request_id', '=', req.id).where('author_id', 'is not', null).execute()).toEqual(
      [],
    );
  });
});
