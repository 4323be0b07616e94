/**
 * Who signed first, on SQLite's side (PostgreSQL's plan: query-plans.postgres.test.ts): the viewer's own first
 * signatures are counted from 0260's partial index alone, and the demo seed settles the column from its history.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompiledQuery, sql } from 'kysely';
import { testDesk } from '../testing/test-desk';
import { seedDemo } from '../demo/seed';
import { signedFirstQuery } from './queue-counts';
import { settleFirstSigners } from './first-signer';

let t: Awaited<ReturnType<typeof testDesk>>;
beforeAll(async () => {
  t = await testDesk();
  await seedDemo(t.desk.db, t.clock, { cases: 120, seed: 5 });
}, 180_000);
afterAll(async () => t?.desk.close());

const waiting = () =>
  t.desk.db.selectFrom('requests').select(['id', 'first_signer_id']).where('status', '=', 'awaiting_second_signature').orderBy('id').execute();

describe('who signed first (0260)', () => {
  it('is counted from its partial index alone', async () => {
    const compiled = signedFirstQuery(t.desk.db, { id: 1 }).compile();
    const plan = await t.desk.db.executeQuery<{ detail: string }>(CompiledQuery.raw(`EXPLAIN QUERY PLAN ${compiled.sql}`, [...compiled.parameters]));
    expect(plan.rows.map((r) => r.detail).join('\n')).toContain('USING COVERING INDEX requests_first_signer');
  });

  it('is settled by the seed from the latest approval of each waiting request, as settling again leaves it', async () => {
    const seeded = await waiting();
    expect(seeded.length).toBeGreaterThan(0);
    expect(seeded.every((r) => r.first_signer_id !== null)).toBe(true);
    await sql`UPDATE requests SET first_signer_id = NULL`.execute(t.desk.db);
    await settleFirstSigners(t.desk.db);
    expect(await waiting()).toEqual(seeded);
  });
});
