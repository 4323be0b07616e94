/** Overdue first: the queue ordered by SLA due day, the same in keyset pages as in the listing; on SQLite and PostgreSQL. */
import { afterEach, describe, expect, it } from 'vitest';
import { testDesk } from '../testing/test-desk';
import { queueRows, queueRowsAfter, type QueueCursor } from './queues';

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

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
