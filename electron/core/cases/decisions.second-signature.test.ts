/**
 * The second signature as a new user met it (#17): the queue listed requests the approver signed first,
 * an override was not shown, and a request could wait for its second signature with a failed check no
 * override covered. Here: the queue leaves out one's own first signatures, the approval refuses an empty
 * override inside its transaction, the second signature judges the checks again, an override and a plain
 * approval fired at once leave exactly the override on record, and the demo seeds no such request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDesk } from '../testing/test-desk';
import { seedDemo } from '../demo/seed';
import { DeskFault } from '../errors';
import { currentPolicy } from '../policy/current-policy';
import * as decide from './decisions';
import type { Actor } from '../actor';
import { queuePage } from './queues';
import { queueCounts } from './queue-counts';
import { checkOverrides } from './check-overrides';
import { runChecks } from './checks';
import { caseDetail } from './case-detail';

type Desk = Awaited<ReturnType<typeof testDesk>>;
let t: Desk;
let a: Actor;
let b: Actor;
const used = new Set<number>();

// One seeded desk for the file (a desk on PostgreSQL is slow to make): each test takes requests no other test touched.
beforeAll(async () => {
  t = await testDesk();
  await seedDemo(t.desk.db, t.clock, { cases: 160, seed: 17 });
  a = { user: (await t.as('first', ['reviewer', 'approver'])).user, clock: t.clock };
  b = { user: (await t.as('second', ['approver'])).user, clock: t.clock };
}, 240_000);
afterAll(async () => t?.desk.close());

const JUSTIFICATION = 'Photo seen on the original at the branch.';

/** A fresh four-eyes request with its photo missing (PHOTO fails), claimed by the first approver. */
async function fresh() {
  let q = t.desk.db.selectFrom('requests').select(['id', 'version']).where('status', '=', 'submitted');
  if (used.size) q = q.where('id', 'not in', [...used]);
  const req = await q.orderBy('id').executeTakeFirstOrThrow();
  used.add(req.id);
  await t.desk.db.updateTable('requests').set({ service: 'CLASSIFICATION_OUTSIDE' }).where('id', '=', req.id).execute();
  await t.desk.db.deleteFrom('attachments').where('request_id', '=', req.id).where('kind', '=', 'photo').execute();
  await decide.claim(t.desk.db, a, req.id, req.version);
  return { id: req.id, version: req.version + 1 };
}

const refusal = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(DeskFault);
  return e as DeskFault;
};

describe('the second signature', () => {
  it('the demo seeds no approval (nor request waiting for its second signature) with a failed check no override covers', async () => {
    const pv = await currentPolicy(t.desk.db, t.clock.now().toISOString());
    // Every seeded approval (those waiting for their second signature, and those signed since) judged as the desk would.
    const waiting = await t.desk.db.selectFrom('status_history').select('request_id as id').distinct().where('action', '=', 'approve').execute();
    expect(waiting.length).toBeGreaterThan(20);
    let overridden = 0;
    for (const r of waiting) {
      const covered = new Set((await checkOverrides(t.desk.db, r.id)).map((o) => o.rule));
      overridden += covered.size > 0 ? 1 : 0;
      const uncovered = (await runChecks(t.desk.db, r.id, pv)).filter((c) => c.outcome === 'fail' && !covered.has(c.rule));
      expect(
        uncovered.map((c) => c.rule),
        `request ${r.id}`,
      ).toEqual([]);
    }
    // The seed's requests do fail checks: the overrides are really written, not avoided.
    expect(overridden).toBeGreaterThan(0);
  });

  it('is not listed (nor counted) for the approver who signed first; another approver sees it', async () => {
    const r = await fresh();
    const queue = { queue: 'awaiting_second_signature' as const, offset: 0, limit: 500, sort: 'age' as const };
    const before = await queueCounts(t.desk.db, b.user);
    await decide.approve(t.desk.db, a, r.id, r.version, { justification: JUSTIFICATION });
    const mine = await queuePage(t.desk.db, a.user, queue, t.clock.now());
    const theirs = await queuePage(t.desk.db, b.user, queue, t.clock.now());
    expect(theirs.rows.map((r) => r.id)).toContain(r.id);
    expect(mine.rows.map((r) => r.id)).not.toContain(r.id);
    expect(mine.total).toBe(theirs.total - 1);
    expect((await queueCounts(t.desk.db, b.user)).awaiting_second_signature).toBe(before.awaiting_second_signature + 1);
    expect((await queueCounts(t.desk.db, a.user)).awaiting_second_signature).toBe(before.awaiting_second_signature);
  });

  it('keeps who signed first on the request while it waits (0260): through a reassignment, cleared once it leaves', async () => {
    const firstSigner = async (id: number) =>
      await t.desk.db.selectFrom('requests').select(['first_signer_id', 'version']).where('id', '=', id).executeTakeFirstOrThrow();
    const r = await fresh();
    expect((await firstSigner(r.id)).first_signer_id).toBeNull();
    await decide.approve(t.desk.db, a, r.id, r.version, { justification: JUSTIFICATION });
    let now = await firstSigner(r.id);
    expect(now.first_signer_id).toBe(a.user.id);
    // A supervisor hands it to another approver: still signed first by a, still not a's to countersign.
    await decide.reassign(t.desk.db, b, r.id, now.version, b.user.id);
    now = await firstSigner(r.id);
    expect(now.first_signer_id).toBe(a.user.id);
    await decide.reject(t.desk.db, b, r.id, now.version, 'documents_invalid', 'The licence is not attached.');
    expect((await firstSigner(r.id)).first_signer_id).toBeNull();
    // Everywhere: the column is the latest approval's approver for the requests waiting, and NULL for the others.
    const rows = await t.desk.db.selectFrom('requests').select(['id', 'status', 'first_signer_id']).execute();
    for (const row of rows) {
      const latest = await t.desk.db
        .selectFrom('status_history')
        .select('actor_id')
        .where('request_id', '=', row.id)
        .where('action', '=', 'approve')
        .orderBy('id', 'desc')
        .executeTakeFirst();
      expect(row.first_signer_id, `request ${row.id}`).toBe(row.status === 'awaiting_second_signature' ? (latest?.actor_id ?? null) : null);
    }
    expect(rows.filter((x) => x.first_signer_id !== null).length).toBeGreaterThan(0);
  });

  it('the first approval refuses a failed check with no override, or an override without a justification', async () => {
    const r = await fresh();
    expect((await refusal(decide.approve(t.desk.db, a, r.id, r.version))).code).toBe('checks_failed');
    const blank = await refusal(decide.approve(t.desk.db, a, r.id, r.version, { justification: '   ' }));
    expect(blank.code).toBe('bad_input');
    expect(blank.message).toContain('override.justification');
    const row = await t.desk.db.selectFrom('requests').select('status').where('id', '=', r.id).executeTakeFirstOrThrow();
    expect(row.status).toBe('in_review');
  });

  it('the override is recorded with who, when and why, and shown with the case', async () => {
    const r = await fresh();
    await decide.approve(t.desk.db, a, r.id, r.version, { justification: `  ${JUSTIFICATION} ` });
    const overrides = await checkOverrides(t.desk.db, r.id);
    expect(overrides.map((o) => o.rule)).toContain('PHOTO');
    expect(overrides[0]).toMatchObject({ by: { id: a.user.id }, at: t.clock.now().toISOString(), justification: JUSTIFICATION });
    const detail = await caseDetail(t.desk.db, r.id, t.clock.now(), b.user);
    expect(detail.overrides?.find((o) => o.rule === 'PHOTO')).toMatchObject({ justification: JUSTIFICATION, by: { displayName: 'first' } });
  });

  it('refuses when a check fails now that the first approval did not override; passes when the override covers it', async () => {
    const r = await fresh();
    await decide.approve(t.desk.db, a, r.id, r.version, { justification: JUSTIFICATION });
    // A declaration left unanswered since (QUESTIONNAIRE fails): not covered by the override of PHOTO.
    const q = await t.desk.db.selectFrom('questionnaire_answers').select('question_id').where('request_id', '=', r.id).executeTakeFirstOrThrow();
    await t.desk.db
      .updateTable('questionnaire_answers')
      .set({ answer: null })
      .where('request_id', '=', r.id)
      .where('question_id', '=', q.question_id)
      .execute();
    const refused = await refusal(decide.countersign(t.desk.db, b, r.id, r.version + 1));
    expect(refused.code).toBe('checks_failed');
    expect(refused.message).toContain('QUESTIONNAIRE');
    expect(refused.message).not.toContain('PHOTO');
    expect((await t.desk.db.selectFrom('requests').select('status').where('id', '=', r.id).executeTakeFirstOrThrow()).status).toBe(
      'awaiting_second_signature',
    );
    // Answered again: only the overridden PHOTO fails, and the second signature goes through.
    await t.desk.db
      .updateTable('questionnaire_answers')
      .set({ answer: 0 })
      .where('request_id', '=', r.id)
      .where('question_id', '=', q.question_id)
      .execute();
    await decide.countersign(t.desk.db, b, r.id, r.version + 1);
    const after = await t.desk.db.selectFrom('requests').select('status').where('id', '=', r.id).executeTakeFirstOrThrow();
    expect(after.status).not.toBe('awaiting_second_signature');
  });

  it('a reassignment, a second signature and a rejection fired at once: one wins, and who signed first matches where it stands', async () => {
    const r = await fresh();
    await decide.approve(t.desk.db, a, r.id, r.version, { justification: JUSTIFICATION });
    const waiting = await t.desk.db.selectFrom('requests').select('version').where('id', '=', r.id).executeTakeFirstOrThrow();
    const results = await Promise.allSettled([
      decide.reassign(t.desk.db, b, r.id, waiting.version, b.user.id),
      decide.countersign(t.desk.db, b, r.id, waiting.version),
      decide.reject(t.desk.db, b, r.id, waiting.version, 'documents_invalid', 'The licence is not attached.'),
    ]);
    // One version, one winner: the others are refused as changed since read.
    expect(results.filter((x) => x.status === 'fulfilled')).toHaveLength(1);
    const row = await t.desk.db.selectFrom('requests').select(['status', 'first_signer_id']).where('id', '=', r.id).executeTakeFirstOrThrow();
    expect(row.first_signer_id).toBe(row.status === 'awaiting_second_signature' ? a.user.id : null);
  });

  it('an override and a plain approval fired at once: the override alone is on record', async () => {
    const r = await fresh();
    const results = await Promise.allSettled([
      decide.approve(t.desk.db, a, r.id, r.version),
      decide.approve(t.desk.db, a, r.id, r.version, { justification: JUSTIFICATION }),
    ]);
    expect(results[1].status).toBe('fulfilled');
    expect(results[0].status).toBe('rejected');
    const lost = (results[0] as PromiseRejectedResult).reason as DeskFault;
    expect(['checks_failed', 'conflict']).toContain(lost.code);
    const approvals = await t.desk.db
      .selectFrom('status_history')
      .select(['reason_code', 'reason'])
      .where('request_id', '=', r.id)
      .where('action', '=', 'approve')
      .execute();
    expect(approvals).toHaveLength(1);
    expect(approvals[0]!.reason_code).toContain('PHOTO');
    expect(approvals[0]!.reason).toBe(JUSTIFICATION);
  });
});
