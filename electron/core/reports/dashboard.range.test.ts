/** A reversed date range (#17): refused by name in the core and at the contract, never answered with empty figures. */
import { afterEach, describe, expect, it } from 'vitest';
import { testDesk } from '../testing/test-desk';
import { DeskFault } from '../errors';
import { dashboardFigures } from './dashboard';

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

describe('the dashboard date range', () => {
  it('a start after the end is refused with the date_order issue on "from", by the core and through the contract', async () => {
    const t = await testDesk(':memory:', '2026-11-23T09:00:00.000Z');
    close = () => t.desk.close();
    const e = await dashboardFigures(t.desk.db, { from: '2026-11-20', to: '2026-11-01' }, t.clock.now()).then(
      () => null,
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(DeskFault);
    expect((e as DeskFault).toError()).toMatchObject({ code: 'bad_input', issue: { code: 'date_order', field: 'from' } });
    expect((e as DeskFault).message).toContain('2026-11-20');
    // Only "from" given, later than today (the default end): still reversed, still refused.
    await expect(dashboardFigures(t.desk.db, { from: '2026-12-01' }, t.clock.now())).rejects.toThrow(/start date is after the end date/);
    const admin = await t.as('admin', ['admin']);
    const r = await t.dispatch('dashboard.figures', { from: '2026-11-20', to: '2026-11-01' }, admin.token);
    expect(r).toMatchObject({ ok: false, error: { code: 'bad_input', issue: { code: 'date_order', field: 'from' } } });
    // One day (start = end) is a range.
    const one = await dashboardFigures(t.desk.db, { from: '2026-11-01', to: '2026-11-01' }, t.clock.now());
    expect(one.perDay.map((d) => d.day)).toEqual(['2026-11-01']);
  });
});
