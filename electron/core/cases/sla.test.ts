/** The SLA due day kept through transitions, the overdue-first order and the escalation list, on SQLite and PostgreSQL. */
import { afterEach, describe, expect, it } from 'vitest';
import { testDesk, TEST_PASSWORD } from '../testing';
import { signIn } from '../auth/users';
import { samplePolicy } from '../policy';
import { importBundles } from '../intake/import-batch';
import { goodRequestJson, writeFolder } from '../intake/test-bundles';
import * as decide from './decisions';
import { queueRows, queueRowsAfter, type QueueCursor } from './queues';
import { fillMissingDueDays } from './sla-due';
import { updatePolicy } from '../policy-versions';
import { activatePolicy } from '../policy-activation';
import type { EscalationList, QueuePage } from '../../../shared/domain';

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

/**
 * Three renewals (5 working days, no holiday in March 2026 before Eid):
 *  A submitted Sun 1 Mar → due Sun 8 Mar;
 *  B submitted Tue 24 Feb, returned Wed 25 Feb, resubmitted Mon 9 Mar: 8 working days with the applicant → due Sun 15 Mar;
 *  C submitted Mon 9 Mar → due Mon 16 Mar.
 * By submission B comes first; by due day A does.
 */
async function setup() {
  const t = await testDesk(':memory:', '2026-02-24T10:00:00.000Z');
  close = () => t.desk.close();
  const rev = await t.as('rev', ['reviewer']);
  const rev2 = await t.as('rev2', ['reviewer']);
  const admin = await t.as('boss', ['admin']);
  const run = async (reference: string, submittedAt: string) => {
    const [r] = await importBundles(t.desk.db, t.clock, samplePolicy(), [writeFolder(goodRequestJson({ reference, submittedAt }))]);
    expect(r).toMatchObject({ ok: true });
  };
  const row = (reference: string) => t.desk.db.selectFrom('requests').selectAll().where('reference', '=', reference).executeTakeFirstOrThrow();
  const actor = { user: rev.user, clock: t.clock };
  await run('REQ-2026-000002', '2026-02-24T09:30:00+03:00');
  t.clock.set('2026-02-25T08:00:00.000Z');
  const b = await row('REQ-2026-000002');
  expect(b.sla_due_on).toBe('2026-03-03');
  await decide.claim(t.desk.db, actor, b.id, b.version);
  expect((await row('REQ-2026-000002')).sla_due_on).toBe('2026-03-03');
  await decide.returnToApplicant(t.desk.db, actor, b.id, b.version + 1, 'Please attach a newer employer letter.');
  t.clock.set('2026-03-01T08:00:00.000Z');
  await run('REQ-2026-000001', '2026-03-01T09:30:00+03:00');
  t.clock.set('2026-03-09T08:00:00.000Z');
  await run('REQ-2026-000002', '2026-02-24T09:30:00+03:00'); // the resubmission
  await run('REQ-2026-000003', '2026-03-09T09:30:00+03:00');
  /** A session opened now: the clock moves days between steps, and sessions end when idle. */
  const tokenOf = async (name: string) => (await signIn(t.desk.db, t.clock, name, TEST_PASSWORD)).token;
  const page = async (name: string, args: Record<string, unknown> = {}) => {
    const r = await t.dispatch('queues.page', { queue: 'all', offset: 0, limit: 50, ...args }, await tokenOf(name));
    if (!r.ok) throw new Error(r.error.message);
    return (r.value as QueuePage).rows;
  };
  return { ...t, rev, rev2, admin, row, page, tokenOf };
}

describe('the SLA due day', () => {
  it('is set on submission, stops while returned and moves by the days with the applicant', async () => {
    const t = await setup();
    expect((await t.row('REQ-2026-000001')).sla_due_on).toBe('2026-03-08');
    expect((await t.row('REQ-2026-000002')).sla_due_on).toBe('2026-03-15');
    expect((await t.row('REQ-2026-000003')).sla_due_on).toBe('2026-03-16');
    // Returned: no due day, shown as paused on its row.
    const a = await t.row('REQ-2026-000001');
    const actor = { user: t.rev.user, clock: t.clock };
    await decide.claim(t.desk.db, actor, a.id, a.version);
    await decide.returnToApplicant(t.desk.db, actor, a.id, a.version + 1, 'Attach the CPD certificates.');
    expect((await t.row('REQ-2026-000001')).sla_due_on).toBeNull();
    t.clock.set('2026-03-10T08:00:00.000Z');
    const rows = await t.page('rev');
    expect(rows.find((r) => r.reference === 'REQ-2026-000001')!.sla).toEqual({ state: 'paused' });
    expect(rows.find((r) => r.reference === 'REQ-2026-000003')!.sla).toEqual({ state: 'running', dueOn: '2026-03-16', daysLeft: 4 });
    // Decided: no due day and no standing.
    const c = await t.row('REQ-2026-000003');
    await decide.claim(t.desk.db, actor, c.id, c.version);
    await decide.approve(t.desk.db, actor, c.id, c.version + 1);
    expect((await t.row('REQ-2026-000003')).sla_due_on).toBeNull();
    expect((await t.page('rev')).find((r) => r.reference === 'REQ-2026-000003')!.sla).toBeNull();
  });

  it('lists overdue first by default, and the other orders stay', async () => {
    const t = await setup();
    t.clock.set('2026-03-10T08:00:00.000Z');
    const rows = await t.page('rev');
    expect(rows.map((r) => r.reference)).toEqual(['REQ-2026-000001', 'REQ-2026-000002', 'REQ-2026-000003']);
    expect(rows[0]!.sla).toEqual({ state: 'running', dueOn: '2026-03-08', daysLeft: -2 });
    expect((await t.page('rev', { sort: 'age' })).map((r) => r.reference)).toEqual(['REQ-2026-000002', 'REQ-2026-000001', 'REQ-2026-000003']);
    expect((await t.page('rev', { sort: 'reference' }))[0]!.reference).toBe('REQ-2026-000001');
  });

  it('is filled when missing (requests from before migration 0170) and moves with a newly activated policy', async () => {
    const t = await setup();
    await t.desk.db.updateTable('requests').set({ sla_due_on: null }).execute();
    expect(await fillMissingDueDays(t.desk.db, t.clock.now().toISOString())).toBe(3);
    expect((await t.row('REQ-2026-000002')).sla_due_on).toBe('2026-03-15');
    const other = await t.as('boss2', ['admin']);
    const policy = samplePolicy();
    policy.sla.workingDays.RENEWAL = 7;
    policy.sla.holidays.push({ from: '2026-03-04', to: '2026-03-04', nameAr: 'يوم تجريبي', nameEn: 'A test day' });
    const proposed = await updatePolicy(t.desk.db, { user: t.admin.user, clock: t.clock }, { basedOnVersion: 1, policy, note: 'SLA' });
    // Proposed only: nothing moves yet.
    expect((await t.row('REQ-2026-000001')).sla_due_on).toBe('2026-03-08');
    await activatePolicy(t.desk.db, { user: other.user, clock: t.clock }, proposed.version);
    // 7 working days from Sun 1 Mar skipping Wed 4 Mar: 2, 3, 5, 8, 9, 10, 11.
    expect((await t.row('REQ-2026-000001')).sla_due_on).toBe('2026-03-11');
  });

  it('two reviewers claiming at the same moment: one claim, the due day unchanged', async () => {
    const t = await setup();
    const c = await t.row('REQ-2026-000003');
    const results = await Promise.allSettled([
      decide.claim(t.desk.db, { user: t.rev.user, clock: t.clock }, c.id, c.version),
      decide.claim(t.desk.db, { user: t.rev2.user, clock: t.clock }, c.id, c.version),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const after = await t.row('REQ-2026-000003');
    expect(after).toMatchObject({ status: 'in_review', sla_due_on: '2026-03-16', version: c.version + 1 });
  });
});

describe('the escalation list', () => {
  it('gives supervisors the overdue and due-today requests by assignee, with counts', async () => {
    const t = await setup();
    t.clock.set('2026-03-15T08:00:00.000Z');
    const r = await t.dispatch('escalations.list', {}, await t.tokenOf('boss'));
    if (!r.ok) throw new Error(r.error.message);
    const list = r.value as EscalationList;
    expect(list).toMatchObject({ today: '2026-03-15', overdue: 1, dueToday: 1 });
    expect(list.groups.map((g) => [g.assignee?.displayName ?? null, g.overdue, g.dueToday])).toEqual([
      [null, 1, 0],
      ['rev', 0, 1],
    ]);
    // A overdue since Sun 8 Mar: 9, 10, 11, 12, 15.
    expect(list.groups[0]!.rows).toMatchObject([{ reference: 'REQ-2026-000001', dueOn: '2026-03-08', daysLeft: -5 }]);
    expect(list.groups[1]!.rows).toMatchObject([{ reference: 'REQ-2026-000002', dueOn: '2026-03-15', daysLeft: 0 }]);
  });

  it('is for supervisors (approvers and admins, as workload and assignment are), refused to a reviewer', async () => {
    const t = await setup();
    expect(await t.dispatch('escalations.list', {}, await t.tokenOf('rev'))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await t.as('appr', ['approver']);
    expect(await t.dispatch('escalations.list', {}, await t.tokenOf('appr'))).toMatchObject({ ok: true });
  });
});

describe('overdue first on many requests', () => {
  it('keyset pages (exports) read the same order as the listing, nulls last', async () => {
    const t = await testDesk(':memory:', '2026-11-23T08:00:00.000Z');
    close = () => t.desk.close();
    const { seedDemo } = await import('../demo/seed');
    await seedDemo(t.desk.db, t.clock, { cases: 150, seed: 11 });
    const user = (await t.as('reader', ['reviewer'])).user;
    const all = await queueRows(t.desk.db, user, { queue: 'all', sort: 'due' }).execute();
    const due = all.map((r) => r.sla_due_on);
    const firstNull = due.indexOf(null);
    expect(firstNull).toBeGreaterThan(0);
    expect(due.slice(firstNull).every((d) => d === null)).toBe(true);
    expect(due.slice(0, firstNull)).toEqual([...due.slice(0, firstNull)].sort());
    // The demo has overdue requests to show (its oldest open ones).
    expect(due[0]! < '2026-11-23').toBe(true);
    const paged: number[] = [];
    let after: QueueCursor | null = null;
    for (;;) {
      const page = await queueRowsAfter(t.desk.db, user, { queue: 'all', sort: 'due' }, after).limit(7).execute();
      paged.push(...page.map((r) => r.id));
      const last = page.at(-1);
      if (!last) break;
      after = { id: last.id, submitted_at: last.submitted_at, reference: last.reference, name_ar: last.name_ar, sla_due_on: last.sla_due_on };
    }
    expect(paged).toEqual(all.map((r) => r.id));
  });
});
