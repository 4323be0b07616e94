/**
 * The bulk seed (issue #18) leaves a desk as the desk's own writes would: tallies equal to a recount, the audit
 * chain whole, each request's history ending at its status, search text and due day as the desk computes them,
 * invoices, payments and cards where the history says so, and every index, key and trigger back in place.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { testDesk } from '../testing/test-desk';
import type { DeskDb } from '../db/connection';
import { bulkSeedPostgres } from './bulk-seed';
import { expectTalliesMatch } from '../db/testing/tally-recount';
import { verifyAuditChain } from '../audit/chain';
import { searchText } from '../cases/search-text';
import { refreshDueDays } from '../cases/sla-due';
import { currentPolicy } from '../policy/current-policy';

const NOW = '2026-11-23T09:00:00.000Z';
let t: Awaited<ReturnType<typeof testDesk>>;
let db: DeskDb;

/** The schema's indexes, foreign keys and triggers, by name. */
async function structure(): Promise<string[]> {
  const r = await sql<{ name: string }>`
    SELECT 'index ' || indexname || ' ' || indexdef AS name FROM pg_indexes WHERE schemaname = current_schema()
    UNION ALL SELECT 'key ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = current_schema()::regnamespace
    UNION ALL SELECT 'trigger ' || tgname || ' ' || tgenabled::text FROM pg_trigger
      WHERE NOT tgisinternal AND tgrelid IN (SELECT oid FROM pg_class WHERE relnamespace = current_schema()::regnamespace)`.execute(db);
  return r.rows.map((x) => x.name).sort();
}

let before: string[];
beforeAll(async () => {
  t = await testDesk(':memory:', NOW);
  db = t.desk.db;
  before = await structure();
  // Chunks of 150: several rounds, each made while the one before is written.
  await bulkSeedPostgres(db, t.clock, { cases: 900, seed: 4, chunk: 150 });
});
afterAll(() => t.desk.close());

describe('the bulk seed on PostgreSQL', () => {
  it('puts back every index, foreign key and trigger it set aside', async () => {
    expect(await structure()).toEqual(before);
  });

  it('writes a whole audit chain ending with the seed', async () => {
    const chain = await verifyAuditChain(db);
    expect(chain.ok, JSON.stringify(chain)).toBe(true);
    const last = await db.selectFrom('audit_log').select(['action', 'data']).orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(last.action).toBe('demo.seed');
    expect(JSON.parse(last.data)).toMatchObject({ cases: 900, bulk: true });
  });

  it('gives each request the history, search text and due day the desk would', async () => {
    const rows = await db
      .selectFrom('requests as r')
      .innerJoin('practitioners as p', 'p.id', 'r.practitioner_id')
      .select(['r.id', 'r.reference', 'r.status', 'r.version', 'r.search_text', 'p.name_ar', 'p.name_en', 'p.id_number', 'p.mobile'])
      .execute();
    expect(rows).toHaveLength(900);
    const last = new Map(
      (
        await sql<{ request_id: number; to_status: string; steps: number }>`
          SELECT DISTINCT ON (request_id) request_id, to_status, count(*) OVER (PARTITION BY request_id)::int - 1 AS steps
          FROM status_history ORDER BY request_id, id DESC`.execute(db)
      ).rows.map((h) => [h.request_id, h]),
    );
    for (const r of rows) {
      expect(last.get(r.id)?.to_status, r.reference).toBe(r.status);
      expect(last.get(r.id)?.steps, r.reference).toBe(r.version);
      expect(r.search_text).toBe(searchText(r.reference, { nameAr: r.name_ar, nameEn: r.name_en, idNumber: r.id_number, mobile: r.mobile }));
    }
    expect(new Set(rows.map((r) => r.status)).size).toBeGreaterThanOrEqual(12);
    // Every due day already what the desk's own refresh would set.
    const { policy } = await currentPolicy(db, NOW);
    expect(await refreshDueDays(db, policy, { onlyMissing: false })).toBe(0);
  });

  it('issues invoices, payments and cards where the history has them, numbered in order', async () => {
    const counts = await sql<{ unpaid: number; paid: number; payments: number; printed: number; cards: number; invoiced: number; invoices: number }>`
      SELECT
        (SELECT count(*)::int FROM invoices WHERE status = 'unpaid') AS unpaid,
        (SELECT count(*)::int FROM invoices WHERE status = 'paid') AS paid,
        (SELECT count(*)::int FROM payments) AS payments,
        (SELECT count(DISTINCT request_id)::int FROM status_history WHERE action = 'print_card') AS printed,
        (SELECT count(*)::int FROM cards) AS cards,
        (SELECT count(DISTINCT request_id)::int FROM status_history WHERE action = 'request_payment') AS invoiced,
        (SELECT count(*)::int FROM invoices) AS invoices`.execute(db);
    const c = counts.rows[0]!;
    expect(c.invoices).toBe(c.invoiced);
    expect(c.payments).toBe(c.paid);
    expect(c.cards).toBe(c.printed);
    expect(c.unpaid).toBeGreaterThan(0);
    expect(c.cards).toBeGreaterThan(0);
    // A request awaiting payment has its unpaid invoice; the desk's next invoice and card take the next numbers.
    const waiting = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM requests r WHERE r.status = 'awaiting_payment'
        AND NOT EXISTS (SELECT 1 FROM invoices i WHERE i.request_id = r.id AND i.status = 'unpaid')`.execute(db);
    expect(waiting.rows[0]!.n).toBe(0);
    const next = await db
      .insertInto('practitioners')
      .values({
        id_type: 'national_id',
        id_number: '1000000009',
        name_ar: 'س',
        name_en: 'S',
        nationality: 'SA',
        birth_date: '1990-01-01',
        gender: 'male',
        email: 's@example.com',
        mobile: '+966500000000',
        profession: 'Nurse',
        specialty: 'Nursing',
        category: 'specialist',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(next.id).toBe(901);
  });

  it('refuses a desk that has requests already', async () => {
    await expect(bulkSeedPostgres(db, t.clock, { cases: 10, seed: 4 })).rejects.toThrow('new desk');
  });

  // Last: its changes would blur what the tests above check.
  it('leaves the tallies equal to a recount, and the triggers keep them so afterwards', async () => {
    await expectTalliesMatch(db);
    await db.updateTable('requests').set({ status: 'in_review' }).where('status', '=', 'submitted').where('id', '<', 50).execute();
    await db.deleteFrom('status_history').where('action', '=', 'approve').where('request_id', '<', 80).execute();
    await expectTalliesMatch(db);
  });
});
