/** The SLA due day: set on submission, kept through transitions, stopped while the request is with the applicant; on SQLite and PostgreSQL. */
import { describe, expect, it } from 'vitest';
import { samplePolicy } from '../policy/sample-policy';
import * as decide from './decisions';
import { fillMissingDueDays } from './sla-due';
import { updatePolicy } from '../policy/versions';
import { activatePolicy } from '../policy/activation';
import { threeRenewalsEachTest } from './testing/three-renewals';

const setup = threeRenewalsEachTest();

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
