import { describe, expect, it } from 'vitest';
import { testDesk } from '../testing/test-desk';
import { seedDemo } from '../demo/seed';
import { dashboardFigures } from './dashboard';

describe('the dashboard', () => {
  it('adds up: statuses, services and days count the same requests; ageing counts every waiting request once', async () => {
    const t = await testDesk(':memory:', '2026-11-23T09:00:00.000Z');
    await seedDemo(t.desk.db, t.clock, { cases: 400, seed: 9 });
    const f = await dashboardFigures(t.desk.db, { from: '2026-01-01', to: '2026-11-23' }, t.clock.now());
    const inRange = await t.desk.db
      .selectFrom('requests')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('submitted_at', '>=', '2025-12-31T21:00:00.000Z')
      .executeTakeFirstOrThrow();
    const sum = (xs: Array<{ count: number }>) => xs.reduce((a, x) => a + x.count, 0);
    expect(sum(f.byStatus)).toBe(Number(inRange.n));
    expect(sum(f.byService)).toBe(Number(inRange.n));
    expect(f.perDay.reduce((a, d) => a + d.intake, 0)).toBe(Number(inRange.n));
    expect(f.perDay[0]!.day).toBe('2026-01-01');
    expect(f.perDay.at(-1)!.day).toBe('2026-11-23');
    const waiting = await t.desk.db
      .selectFrom('requests')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', 'in', ['submitted', 'in_review', 'resubmitted', 'awaiting_second_signature'])
      .executeTakeFirstOrThrow();
    expect(sum(f.ageing)).toBe(Number(waiting.n));
    expect(f.ageing.map((a) => a.band)).toEqual(['within', 'within', 'within', 'over', 'late', 'late']);
    const decided = await t.desk.db
      .selectFrom('status_history')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action', 'in', ['approve', 'reject'])
      .where('at', '>=', '2025-12-31T21:00:00.000Z')
      .where('at', '<', '2026-11-23T21:00:00.000Z')
      .executeTakeFirstOrThrow();
    expect(f.perDay.reduce((a, d) => a + d.decisions, 0)).toBe(Number(decided.n));
    expect(f.reviewers.reduce((a, r) => a + r.decisions, 0)).toBe(Number(decided.n));
    expect(f.reviewers[0]!.medianDaysToDecision).not.toBeNull();
    expect(f.returns.count).toBeGreaterThan(0);
    expect(f.returns.reasons[0]!.count).toBeGreaterThan(0);

    const renewals = await dashboardFigures(t.desk.db, { from: '2026-01-01', to: '2026-11-23', service: 'RENEWAL' }, t.clock.now());
    expect(renewals.byService.map((s) => s.service)).toEqual(['RENEWAL']);
    await t.desk.close();
  });
});
