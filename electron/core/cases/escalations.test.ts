/** The escalation list: overdue and due-today requests by assignee, for supervisors; on SQLite and PostgreSQL. */
import { describe, expect, it } from 'vitest';
import type { EscalationList } from '../../../shared/domain/index';
import { threeRenewalsEachTest } from './testing/three-renewals';

const setup = threeRenewalsEachTest();

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
