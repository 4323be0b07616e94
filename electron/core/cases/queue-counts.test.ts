import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDesk } from '../testing/test-desk';
import { seedDemo } from '../demo/seed';
import { QUEUES, STATUSES, type QueueViewFilters, type UserInfo } from '../../../shared/domain';
import type { DeskDb } from '../db/connection';
import { queueTotal } from './queues';
import { queueCounts, talliedTotal } from './queue-counts';
import { STATUS_QUEUES } from './queue-membership';

// One demo desk for every test here: they only read it.
let t: Awaited<ReturnType<typeof testDesk>>;
let db: DeskDb;
let user: UserInfo;
beforeAll(async () => {
  t = await testDesk(':memory:', '2026-11-23T08:00:00.000Z');
  db = t.desk.db;
  await seedDemo(db, t.clock, { cases: 60, seed: 11 });
  user = (await t.as('counter', ['reviewer', 'approver'])).user;
}, 300_000);
afterAll(() => t.desk.close());

describe('a queue page’s total from the status tallies', () => {
  it('equals its requests counted, for every status queue with and without a status filter', async () => {
    let compared = 0;
    for (const queue of QUEUES.filter((q) => STATUS_QUEUES[q])) {
      for (const status of [undefined, ...STATUSES]) {
        const view: QueueViewFilters = { queue, sort: 'age', ...(status ? { status } : {}) };
        const tallied = await talliedTotal(db, view);
        expect(tallied, `${queue} ${status ?? ''}`).toBe(await queueTotal(db, user, view));
        compared += tallied! > 0 ? 1 : 0;
      }
    }
    // The demo fills several statuses: the comparison was not of zeros only.
    expect(compared).toBeGreaterThan(8);
  });

  it('is left to a count for the viewer’s queues, any other filter and a search; an empty filter filters nothing', async () => {
    for (const queue of ['mine', 'awaiting_second_signature', 'refunds'] as const)
      expect(await talliedTotal(db, { queue, sort: 'age' })).toBeUndefined();
    const all = { queue: 'all', sort: 'age' } as const;
    for (const filter of [
      { service: 'RENEWAL' },
      { nationality: 'SA' },
      { profession: 'x' },
      { assigneeId: 1 },
      { submittedFrom: '2026-01-01' },
      { submittedTo: '2026-01-01' },
      { search: 'محمد' },
    ] as const)
      expect(await talliedTotal(db, { ...all, ...filter }), JSON.stringify(filter)).toBeUndefined();
    expect(await talliedTotal(db, { ...all, nationality: '', search: undefined })).toBe(await talliedTotal(db, all));
  });

  it('and every queue count equal the queue’s requests counted', async () => {
    const counts = await queueCounts(db, user);
    expect(Object.keys(counts)).toEqual([...QUEUES]);
    for (const queue of QUEUES) expect(counts[queue], queue).toBe(await queueTotal(db, user, { queue }));
  });
});
