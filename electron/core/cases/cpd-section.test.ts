/**
 * The CPD section of the case view (#17: "20 recorded hours" over an empty list): it carries the facts the
 * CPD-HOURS check adds up — hours recorded before the request, each activity (refused in an audit or not)
 * and the hours required — so the screen's sum and the check's agree.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { testDesk } from '../testing/test-desk';
import { seedDemo } from '../demo/seed';
import { caseDetail } from './case-detail';
import { currentPolicy } from '../policy/current-policy';

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

describe('the CPD section', () => {
  it('gives the recorded hours, the activities with their audit refusals and the required hours the check uses', async () => {
    const t = await testDesk();
    close = () => t.desk.close();
    await seedDemo(t.desk.db, t.clock, { cases: 20, seed: 5 });
    const approver = await t.as('appr', ['approver', 'reviewer']);
    const req = await t.desk.db.selectFrom('requests').select('id').where('status', '=', 'submitted').orderBy('id').executeTakeFirstOrThrow();
    await t.desk.db.updateTable('requests').set({ service: 'RENEWAL', cpd_recorded_hours: 6 }).where('id', '=', req.id).execute();
    await t.desk.db.deleteFrom('cpd_activities').where('request_id', '=', req.id).execute();
    await t.desk.db
      .insertInto('cpd_activities')
      .values({ request_id: req.id, title: 'ACLS', provider: 'SHA', hours: 8, date: '2026-01-10', kind: 'course' })
      .execute();
    const refused = await t.desk.db
      .insertInto('cpd_activities')
      .values({ request_id: req.id, title: 'BLS', provider: 'SCFHS', hours: 5, date: '2026-02-10', kind: 'course' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.desk.db
      .insertInto('cpd_activity_decisions')
      .values({
        activity_id: refused.id,
        request_id: req.id,
        decision: 'refused',
        reason_code: 'provider_not_recognised',
        note: null,
        decided_by: approver.user.id,
        decided_at: t.clock.now().toISOString(),
      })
      .execute();
    const c = await caseDetail(t.desk.db, req.id, t.clock.now(), approver.user);
    const { policy } = await currentPolicy(t.desk.db, t.clock.now().toISOString());
    expect(c.cpd.recordedHours).toBe(6);
    expect(c.cpd.requiredHours).toBe(policy.cpdHours[c.applicant.category]);
    expect(c.cpd.activities.map((a) => [a.title, a.hours, a.refused ?? false])).toEqual([
      ['ACLS', 8, false],
      ['BLS', 5, true],
    ]);
    // The check adds up the same facts: 6 recorded + 8 recognised from activities (the refused 5 left out).
    const check = c.checks.find((x) => x.rule === 'CPD-HOURS')!;
    const recognised = c.cpd.recordedHours + c.cpd.activities.filter((a) => !a.refused).reduce((s, a) => s + a.hours, 0);
    expect(recognised).toBe(14);
    expect(check.explanation.en).toContain(`${recognised} recognised CPD hours`);
  });
});
