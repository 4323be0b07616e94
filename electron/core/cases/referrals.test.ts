/**
 * Referrals (issue #17): the holder of a request in review asks a colleague (by name, or any approver) a
 * question; the answer comes back to the holder's Mine queue. Through the dispatcher (roles, arguments,
 * the rules) and straight through the core for the races (no retry): two answers at once, an answer and a
 * withdrawal at once, two questions at once — one wins, the other is refused in words, never a second
 * answer, a second open question or an internal error.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { seededTestDesk } from '../testing/seeded-desk';
import { DeskFault } from '../errors';
import type { CaseDetail, CaseReferrals, QueuePage, QuestionForMe } from '../../../shared/domain';
import { answerReferral, askReferral, withdrawReferral } from './referrals';

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

type Answer<T> = { ok: boolean; value?: T; error?: { code: string; message: string; messageAr?: string } };

async function setup(seed = 31) {
  const t = await seededTestDesk({ cases: 30, seed });
  close = () => t.desk.close();
  const holder = await t.as('rev1', ['reviewer']);
  const other = await t.as('rev2', ['reviewer']);
  const approver = await t.as('appr', ['approver']);
  const approver2 = await t.as('appr2', ['approver']);
  const finance = await t.as('fin', ['finance']);
  const call = async <T = unknown>(token: string, name: string, args: unknown) => (await t.dispatch(name, args, token)) as Answer<T>;
  const taken = new Set<number>();
  /** The next waiting request (not an inquiry), claimed by `token`'s user. */
  const claimed = async (token: string) => {
    const req = await t.desk.db
      .selectFrom('requests')
      .select(['id', 'version'])
      .where('status', '=', 'submitted')
      .where('service', '!=', 'INQUIRY')
      .where('assignee_id', 'is', null)
      .where('id', 'not in', [0, ...taken])
      .orderBy('id')
      .executeTakeFirstOrThrow();
    taken.add(req.id);
    const r = await call<{ version: number }>(token, 'cases.claim', { id: req.id, version: req.version });
    expect(r.ok).toBe(true);
    return { id: req.id, version: r.value!.version };
  };
  const audit = (id: number) =>
    t.desk.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('entity', '=', 'request')
      .where('entity_id', '=', String(id))
      .where('action', 'like', 'referral.%')
      .orderBy('seq')
      .execute();
  const openCount = async (id: number) =>
    (await t.desk.db.selectFrom('referrals').select('id').where('request_id', '=', id).where('state', '=', 'open').execute()).length;
  return { ...t, holder, other, approver, approver2, finance, call, claimed, audit, openCount };
}

/** One fulfilled, one refused as a conflict in both languages. */
function oneWinsOneConflict(results: PromiseSettledResult<unknown>[]): DeskFault {
  expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  expect(lost).toHaveLength(1);
  expect(lost[0]!.reason).toBeInstanceOf(DeskFault);
  const fault = lost[0]!.reason as DeskFault;
  expect(fault.code).toBe('conflict');
  expect(fault.messageAr).toMatch(/[\u0600-\u06ff]/);
  return fault;
}

describe('a question on a case', () => {
  it('the holder asks an approver by name; the approver sees it waiting, answers; the holder’s Mine marks it answered', async () => {
    const t = await setup();
    const req = await t.claimed(t.holder.token);
    const actions = async (token: string) => (await t.call<CaseDetail>(token, 'cases.get', { id: req.id })).value!.actions;
    expect(await actions(t.holder.token)).toContain('refer');
    expect(await actions(t.other.token)).not.toContain('refer');
    const asked = await t.call<CaseReferrals>(t.holder.token, 'referrals.ask', {
      requestId: req.id,
      addressee: { userId: t.approver.user.id },
      question: 'Is a letter from a private clinic enough for this specialty?',
    });
    expect(asked.ok).toBe(true);
    const open = asked.value!.referrals[0]!;
    expect(open).toMatchObject({ state: 'open', addressee: { id: t.approver.user.id }, askedBy: { id: t.holder.user.id } });
    // The asker may withdraw it, not answer it, and not ask a second one meanwhile.
    expect(open).toMatchObject({ mayAnswer: false, mayWithdraw: true });
    expect(asked.value!.mayAsk).toBe(false);
    // The case's allowed actions say the same (one rule: referral-rules.ts).
    expect(await actions(t.holder.token)).toEqual(expect.arrayContaining(['withdraw_referral']));
    expect(await actions(t.holder.token)).not.toContain('refer');
    expect(await actions(t.holder.token)).not.toContain('answer_referral');
    expect(await actions(t.approver.token)).toContain('answer_referral');
    expect(await actions(t.approver2.token)).not.toContain('answer_referral');

    // Asking by name: only that approver is waited for.
    expect((await t.call<{ count: number }>(t.approver.token, 'referrals.waitingCount', {})).value).toEqual({ count: 1 });
    expect((await t.call<{ count: number }>(t.approver2.token, 'referrals.waitingCount', {})).value).toEqual({ count: 0 });
    const forMe = await t.call<QuestionForMe[]>(t.approver.token, 'referrals.forMe', {});
    expect(forMe.value).toEqual([expect.objectContaining({ referralId: open.id, requestId: req.id, toAnyApprover: false })]);
    const seenByApprover = await t.call<CaseReferrals>(t.approver.token, 'referrals.forCase', { requestId: req.id });
    expect(seenByApprover.value!.referrals[0]).toMatchObject({ mayAnswer: true, mayWithdraw: false });
    expect(seenByApprover.value!.mayAsk).toBe(false);

    // Marked on the holder's Mine queue while it waits.
    const mine = async () =>
      (await t.call<QueuePage>(t.holder.token, 'queues.page', { queue: 'mine', offset: 0, limit: 50 })).value!.rows.find((r) => r.id === req.id);
    expect((await mine())?.referral).toBe('open');

    // Another colleague, another approver, the finance officer: refused, each in words.
    const byOther = await t.call(t.approver2.token, 'referrals.answer', { referralId: open.id, answer: 'Yes.' });
    expect(byOther).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(byOther.error!.message).toContain('another colleague');
    expect(await t.call(t.finance.token, 'referrals.answer', { referralId: open.id, answer: 'Yes.' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const answered = await t.call<CaseReferrals>(t.approver.token, 'referrals.answer', {
      referralId: open.id,
      answer: 'Yes, if it is stamped and names the position.',
    });
    expect(answered.ok).toBe(true);
    expect(answered.value!.referrals[0]).toMatchObject({
      state: 'answered',
      answer: 'Yes, if it is stamped and names the position.',
      answeredBy: { id: t.approver.user.id },
      mayAnswer: false,
    });
    expect((await t.call<{ count: number }>(t.approver.token, 'referrals.waitingCount', {})).value).toEqual({ count: 0 });
    expect((await mine())?.referral).toBe('answered');
    const back = await t.call<CaseReferrals>(t.holder.token, 'referrals.forCase', { requestId: req.id });
    expect(back.value!.referrals[0]!.answer).toBe('Yes, if it is stamped and names the position.');
    // The holder may ask again now that the question is answered.
    expect(back.value!.mayAsk).toBe(true);

    // Once: a second answer is refused, naming who answered.
    const again = await t.call(t.approver.token, 'referrals.answer', { referralId: open.id, answer: 'No.' });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(again.error!.message).toContain('already answered by appr');
    expect((await t.audit(req.id)).map((a) => a.action)).toEqual(['referral.ask', 'referral.answer']);
  });

  it('only the holder of a request in review asks, of an active colleague, one question at a time', async () => {
    const t = await setup(32);
    const req = await t.claimed(t.holder.token);
    const ask = (token: string, addressee: unknown, requestId = req.id) =>
      t.call(token, 'referrals.ask', { requestId, addressee, question: 'Does the internship count here?' });
    expect(await ask(t.other.token, 'any_approver')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await ask(t.holder.token, { userId: t.holder.user.id })).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    const toFinance = await ask(t.holder.token, { userId: t.finance.user.id });
    expect(toFinance).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    expect(toFinance.error!.message).toContain('not an active reviewer or approver');
    // A request nobody holds (still in New) is not referred.
    const unclaimed = await t.desk.db
      .selectFrom('requests')
      .select('id')
      .where('status', '=', 'submitted')
      .where('assignee_id', 'is', null)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    expect(await ask(t.holder.token, 'any_approver', unclaimed.id)).toMatchObject({ ok: false, error: { code: 'invalid_transition' } });
    // An empty question is refused at the edge, naming the field.
    expect(await t.call(t.holder.token, 'referrals.ask', { requestId: req.id, addressee: 'any_approver', question: '   ' })).toMatchObject({
      ok: false,
      error: { code: 'bad_input', issue: { field: 'question' } },
    });
    expect(await ask(t.holder.token, { userId: t.other.user.id })).toMatchObject({ ok: true });
    const second = await ask(t.holder.token, 'any_approver');
    expect(second).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(second.error!.message).toContain('already has an open question to rev2');
    expect(await t.openCount(req.id)).toBe(1);
  });

  it('asked of any approver: every approver but the asker sees it, a reviewer cannot answer it', async () => {
    const t = await setup(33);
    const both = await t.as('appr-rev', ['approver', 'reviewer']);
    const req = await t.claimed(both.token);
    const asked = await t.call<CaseReferrals>(both.token, 'referrals.ask', {
      requestId: req.id,
      addressee: 'any_approver',
      question: 'Should the late fee apply after a system outage?',
    });
    const id = asked.value!.referrals[0]!.id;
    expect(asked.value!.referrals[0]).toMatchObject({ addressee: null, mayAnswer: false });
    // The asker is an approver too, but nobody answers their own question.
    expect((await t.call<{ count: number }>(both.token, 'referrals.waitingCount', {})).value).toEqual({ count: 0 });
    const own = await t.call(both.token, 'referrals.answer', { referralId: id, answer: 'Yes.' });
    expect(own).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await t.call<{ count: number }>(t.approver.token, 'referrals.waitingCount', {})).value).toEqual({ count: 1 });
    expect((await t.call<{ count: number }>(t.approver2.token, 'referrals.waitingCount', {})).value).toEqual({ count: 1 });
    expect((await t.call<{ count: number }>(t.other.token, 'referrals.waitingCount', {})).value).toEqual({ count: 0 });
    expect(await t.call(t.other.token, 'referrals.answer', { referralId: id, answer: 'Yes.' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await t.call(t.approver2.token, 'referrals.answer', { referralId: id, answer: 'No: the outage was announced.' })).toMatchObject({
      ok: true,
    });
    expect((await t.call<{ count: number }>(t.approver.token, 'referrals.waitingCount', {})).value).toEqual({ count: 0 });
  });

  it('a request that leaves review closes its open question; a late answer is refused saying why', async () => {
    const t = await setup(34);
    const req = await t.claimed(t.holder.token);
    const asked = await t.call<CaseReferrals>(t.holder.token, 'referrals.ask', {
      requestId: req.id,
      addressee: 'any_approver',
      question: 'Is this employer on the exemption list?',
    });
    const id = asked.value!.referrals[0]!.id;
    const returned = await t.call(t.holder.token, 'cases.returnToApplicant', {
      id: req.id,
      version: req.version,
      message: 'Please attach a recent employer letter.',
    });
    expect(returned.ok).toBe(true);
    const row = await t.desk.db.selectFrom('referrals').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ state: 'closed', closed_reason: 'return_to_applicant', closed_by: t.holder.user.id });
    expect((await t.call<{ count: number }>(t.approver.token, 'referrals.waitingCount', {})).value).toEqual({ count: 0 });
    const late = await t.call(t.approver.token, 'referrals.answer', { referralId: id, answer: 'Yes.' });
    expect(late).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(late.error!.message).toContain('closed when the request left review');
    expect(await t.call(t.holder.token, 'referrals.withdraw', { referralId: id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await t.audit(req.id)).map((a) => a.action)).toEqual(['referral.ask', 'referral.close']);
  });

  it('only the asker withdraws, while it waits', async () => {
    const t = await setup(35);
    const req = await t.claimed(t.holder.token);
    const asked = await t.call<CaseReferrals>(t.holder.token, 'referrals.ask', {
      requestId: req.id,
      addressee: { userId: t.approver.user.id },
      question: 'Which card category applies?',
    });
    const id = asked.value!.referrals[0]!.id;
    expect(await t.call(t.approver.token, 'referrals.withdraw', { referralId: id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const withdrawn = await t.call<CaseReferrals>(t.holder.token, 'referrals.withdraw', { referralId: id });
    expect(withdrawn.value!.referrals[0]).toMatchObject({ state: 'withdrawn', closedBy: { id: t.holder.user.id } });
    expect(withdrawn.value!.mayAsk).toBe(true);
    const late = await t.call(t.approver.token, 'referrals.answer', { referralId: id, answer: 'Consultant.' });
    expect(late.error!.message).toContain('withdrawn by its asker');
    expect(await t.call(t.holder.token, 'referrals.withdraw', { referralId: 999_999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('referral races (at the same moment, no retry)', () => {
  it('two approvers answer one question at once: one answer is kept, the other is told who answered', async () => {
    const t = await setup(36);
    const actor = (u: { user: (typeof t.holder)['user'] }) => ({ user: u.user, clock: t.clock });
    for (let i = 0; i < 4; i++) {
      const req = await t.claimed(t.holder.token);
      const id = await askReferral(t.desk.db, actor(t.holder), req.id, 'any_approver', `Question ${i}: is this letter enough?`);
      const results = await Promise.allSettled([
        answerReferral(t.desk.db, actor(t.approver), id, 'Yes.'),
        answerReferral(t.desk.db, actor(t.approver2), id, 'No.'),
      ]);
      expect(oneWinsOneConflict(results).message).toMatch(/already answered by appr2?/);
      const row = await t.desk.db.selectFrom('referrals').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      const winner = results[0]!.status === 'fulfilled' ? { by: t.approver.user.id, text: 'Yes.' } : { by: t.approver2.user.id, text: 'No.' };
      expect(row).toMatchObject({ state: 'answered', answered_by: winner.by, answer: winner.text });
      expect((await t.audit(req.id)).map((a) => a.action)).toEqual(['referral.ask', 'referral.answer']);
    }
  });

  it('an answer and a withdrawal at once: one of them, never both', async () => {
    const t = await setup(37);
    const actor = (u: { user: (typeof t.holder)['user'] }) => ({ user: u.user, clock: t.clock });
    for (let i = 0; i < 4; i++) {
      const req = await t.claimed(t.holder.token);
      const id = await askReferral(t.desk.db, actor(t.holder), req.id, { userId: t.approver.user.id }, `Question ${i}`);
      const results = await Promise.allSettled([
        answerReferral(t.desk.db, actor(t.approver), id, 'Answered.'),
        withdrawReferral(t.desk.db, actor(t.holder), id),
      ]);
      oneWinsOneConflict(results);
      const row = await t.desk.db.selectFrom('referrals').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      expect(row.state).toBe(results[0]!.status === 'fulfilled' ? 'answered' : 'withdrawn');
      expect(row.state === 'answered' ? row.closed_at : row.answer).toBeNull();
      expect(await t.audit(req.id)).toHaveLength(2);
    }
  });

  it('the holder asks twice at once: one open question, the other refused', async () => {
    const t = await setup(38);
    const actor = { user: t.holder.user, clock: t.clock };
    for (let i = 0; i < 4; i++) {
      const req = await t.claimed(t.holder.token);
      const results = await Promise.allSettled([
        askReferral(t.desk.db, actor, req.id, 'any_approver', 'First question'),
        askReferral(t.desk.db, actor, req.id, { userId: t.approver.user.id }, 'Second question'),
      ]);
      expect(oneWinsOneConflict(results).message).toContain('already has an open question');
      expect(await t.openCount(req.id)).toBe(1);
      expect((await t.audit(req.id)).map((a) => a.action)).toEqual(['referral.ask']);
    }
  });

  it('an answer racing the decision: either the answer lands first or the question is closed, never an answer on a decided request', async () => {
    const t = await setup(39);
    const actor = (u: { user: (typeof t.holder)['user'] }) => ({ user: u.user, clock: t.clock });
    for (let i = 0; i < 4; i++) {
      const req = await t.claimed(t.holder.token);
      const id = await askReferral(t.desk.db, actor(t.holder), req.id, 'any_approver', `Question ${i}`);
      const results = await Promise.allSettled([
        answerReferral(t.desk.db, actor(t.approver), id, 'Fine.'),
        t.dispatch('cases.release', { id: req.id, version: req.version }, t.holder.token).then((r) => {
          if (!r.ok) throw new Error(r.error.message);
        }),
      ]);
      const row = await t.desk.db.selectFrom('referrals').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      const released = results[1]!.status === 'fulfilled';
      expect(released).toBe(true);
      if (results[0]!.status === 'fulfilled') expect(row.state).toBe('answered');
      else {
        expect(row).toMatchObject({ state: 'closed', closed_reason: 'release', answer: null });
        expect(((results[0] as PromiseRejectedResult).reason as DeskFault).code).toBe('conflict');
      }
    }
  });
});
