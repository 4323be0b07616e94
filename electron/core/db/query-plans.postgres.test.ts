/**
 * The hot queries' plans on PostgreSQL (issue #18): each is served by the index made for it. The demo's requests
 * are copied to 20,000 or so the planner weighs them as it would a desk's; sequential scans are priced out too
 * (enable_seqscan off, in the explaining transaction only), so a plan still reading a table whole means no index
 * can serve the query.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompiledQuery, sql, type Compilable } from 'kysely';
import { testDesk } from '../testing/test-desk';
import { seedDemo } from '../demo/seed';
import { pageRowsQuery, queueRows } from '../cases/queues';
import { inQueue } from '../cases/queue-membership';
import { signedFirstQuery } from '../cases/queue-counts';
import { searchMatches } from './dialect';
import type { DeskDb } from './connection';
import type { Tallies } from './tallies';
import type { UserInfo } from '../../../shared/domain';

let t: Awaited<ReturnType<typeof testDesk>>;
let db: DeskDb;
let user: UserInfo;

beforeAll(async () => {
  t = await testDesk(':memory:', '2026-11-23T09:00:00.000Z');
  db = t.desk.db;
  await seedDemo(db, t.clock, { cases: 20, seed: 3 });
  // Each request 1,000 times, an hour apart, each with a word of its own (the tallies' triggers count them too).
  await sql`INSERT INTO requests (reference, service, status, practitioner_id, submitted_at, assignee_id, applicant_snapshot, updated_at, search_text, sla_due_on)
    SELECT r.reference || '-' || g, r.service, r.status, r.practitioner_id,
      to_char(r.submitted_at::timestamptz - g * interval '1 hour', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      r.assignee_id, r.applicant_snapshot, r.updated_at, r.search_text || ' k' || r.id || 'z' || g, r.sla_due_on
    FROM requests r CROSS JOIN generate_series(1, 1000) g`.execute(db);
  // As autovacuum leaves a desk's tables: statistics, and the visibility map that index-only scans need. A
  // transaction open elsewhere on the server (other tests' desks, in CI) keeps rows from being marked visible to
  // all, and the planner then walks the same index with heap visits instead: the assertions below name the index
  // walked, whichever of the two scans reads it.
  for (const table of ['requests', 'status_history', 'refunds', 'dashboard_intake', 'dashboard_steps', 'practitioners'])
    await sql`VACUUM (ANALYZE) ${sql.table(table)}`.execute(db);
  user = (await t.as('rev', ['reviewer'])).user;
  // The demo seed and 20,000 copies take a minute when the machine is busy.
}, 240_000);
afterAll(() => t.desk.close());

/** The plan of `query`, as EXPLAIN prints it. */
async function plan(query: Compilable): Promise<string> {
  const compiled = query.compile();
  return db.transaction().execute(async (trx) => {
    await sql`SET LOCAL enable_seqscan = off`.execute(trx);
    const rows = await trx.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`EXPLAIN ${compiled.sql}`, [...compiled.parameters]));
    return rows.rows.map((r) => r['QUERY PLAN']).join('\n');
  });
}

/** Each of `indexes` is in the plan; "Index Only Scan using x" also matches a plain index scan of x (see above). */
function expectIndexOnly(text: string, indexes: string[]) {
  for (const index of indexes) {
    const walk = /^Index Only Scan( Backward)? using (\w+)$/.exec(index);
    if (walk) expect(text, text).toMatch(new RegExp(`Index (Only )?Scan${walk[1] ?? ''} using ${walk[2]}\\b`));
    else expect(text, text).toContain(index);
  }
  expect(text, text).not.toMatch(/Seq Scan on (requests|status_history|refunds|dashboard_\w+)\b/);
}

/**
 * The page is read in the queue's order from one of `indexes`, with no sort and no whole-table scan. Which of them
 * the planner takes depends on the visibility map (see above): with other desks' transactions open, as in CI, the
 * walk of the submitted order with a filter can price below the covering index's walk with heap visits.
 */
function expectOrderedWalk(text: string, indexes: string[]) {
  expect(text, text).toMatch(new RegExp(`Index (Only )?Scan using (${indexes.join('|')})\\b`));
  expect(text, text).not.toMatch(/\bSort\b/);
  expect(text, text).not.toMatch(/Seq Scan on (requests|status_history)\b/);
}

describe('query plans on PostgreSQL', () => {
  it('runs without JIT: compiling a count of a million-request table cost more than the count saved', async () => {
    const { rows } = await sql<{ jit: string }>`SHOW jit`.execute(db);
    expect(rows[0]!.jit).toBe('off');
  });

  it('a queue’s first page reads its order from an index', async () => {
    expectIndexOnly(await plan(queueRows(db, user, { queue: 'all', sort: 'age' }).limit(50)), ['requests_submitted']);
    expectIndexOnly(await plan(queueRows(db, user, { queue: 'new', sort: 'due' }).limit(50)), ['requests_sla_due']);
  });

  it('a status queue’s page of ids walks its status in order from one index (migration 0240), not the whole table’s order', async () => {
    // What queues.ts pageRows asks first: the page's ids in the queue's order; the rows are joined to those ids after.
    for (const queue of ['new', 'resubmitted', 'awaiting_applicant', 'awaiting_payment', 'ready_to_print'] as const) {
      const ids = inQueue(db.selectFrom('requests'), queue, user)
        .select('requests.id')
        .orderBy('requests.submitted_at')
        .orderBy('requests.id')
        .limit(50);
      expectOrderedWalk(await plan(ids), ['requests_status_age', 'requests_submitted']);
    }
  });

  it('a page reads its rows by the ids its view listed, not by the view again (queues.page-plan.test.ts on SQLite)', async () => {
    for (const query of [
      { queue: 'new', sort: 'age' },
      { queue: 'new', sort: 'due', search: 'k7z377' },
      { queue: 'all', sort: 'age', service: 'RENEWAL' },
    ] as const) {
      const text = await plan(pageRowsQuery(db, user, { ...query, offset: 0, limit: 50 }, 50));
      expect(text, text).toMatch(/Index Scan using requests_pkey on requests\b/);
      expect(text, text).not.toMatch(/Seq Scan on (requests|practitioners)\b/);
    }
  });

  it('Mine reads what its reviewer holds in order, and counts it from the same index', async () => {
    expectIndexOnly(await plan(queueRows(db, user, { queue: 'mine', sort: 'age' }).limit(50)), ['requests_mine']);
    const count = inQueue(db.selectFrom('requests'), 'mine', user).select((eb) => eb.fn.countAll().as('n'));
    expectIndexOnly(await plan(count), ['Index Only Scan using requests_mine']);
  });

  it('the second-signature queue reads its first signers from the requests (0260), and counts the viewer’s own from their index', async () => {
    const page = await plan(queueRows(db, user, { queue: 'awaiting_second_signature', sort: 'age' }).limit(50));
    expectOrderedWalk(page, ['requests_status_age', 'requests_submitted']);
    expect(page, page).not.toContain('status_history');
    expectIndexOnly(await plan(signedFirstQuery(db, user)), ['Index Only Scan using requests_first_signer']);
  });

  it('a search for a rare word goes through the trigram index; a common one walks the queue’s order', async () => {
    expectIndexOnly(await plan(queueRows(db, user, { queue: 'all', sort: 'age', search: 'k7z377' }).limit(50)), ['requests_search_trgm']);
    expectIndexOnly(await plan(queueRows(db, user, { queue: 'all', sort: 'age', search: 'محمد' }).limit(50)), ['requests_submitted']);
    // The page's ids (queues.ts pageRows) read each request's search text from the index that keeps it beside the
    // order (migration 0241), not from the table.
    const ids = db
      .selectFrom('requests')
      .select('requests.id')
      .where(searchMatches('postgres', ['محمد']))
      .orderBy('requests.submitted_at')
      .orderBy('requests.id')
      .limit(50);
    expectOrderedWalk(await plan(ids), ['requests_submitted_search', 'requests_submitted']);
  });

  it('a whole reference is read from the reference’s own index, not intersected through the trigrams every reference shares', async () => {
    const reference = (await db.selectFrom('requests').select('reference').orderBy('id').executeTakeFirstOrThrow()).reference;
    const text = await plan(queueRows(db, user, { queue: 'all', sort: 'age', search: reference }).limit(50));
    expectIndexOnly(text, ['requests_reference_key']);
    expect(text, text).not.toContain('requests_search_trgm');
  });

  it('opening a case reads the request by its key and its history by request', async () => {
    expectIndexOnly(await plan(db.selectFrom('requests').selectAll().where('id', '=', 17)), ['requests_pkey']);
    expectIndexOnly(await plan(db.selectFrom('status_history').selectAll().where('request_id', '=', 17).orderBy('id')), ['status_history_request']);
    // The case's own rows, each by its request.
    const own = [
      ['attachments', 'attachments_request'],
      ['notes', 'notes_request'],
      ['experiences', 'experiences_request'],
      ['cpd_activities', 'cpd_activities_request'],
      ['questionnaire_answers', 'questionnaire_answers_pk'],
      ['invoices', 'invoices_request'],
      ['cards', 'cards_request'],
    ] as const;
    for (const [table, index] of own) expectIndexOnly(await plan(db.selectFrom(table).selectAll().where('request_id', '=', 17)), [index]);
    const audit = db.selectFrom('audit_log').selectAll().where('entity', '=', 'request').where('entity_id', '=', '17').orderBy('seq');
    expectIndexOnly(await plan(audit), ['audit_log_entity']);
  });

  it('the counts that are not tallies (Mine, refunds) are read from their indexes', async () => {
    const mine = db
      .selectFrom('requests')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('assignee_id', '=', user.id)
      .where('status', 'in', ['in_review', 'resubmitted']);
    expectIndexOnly(await plan(mine), ['requests_mine']);
    const refunds = db
      .selectFrom('refunds')
      .select((eb) => eb.fn.count('request_id').distinct().as('n'))
      .where('status', 'in', ['requested', 'computed']);
    expectIndexOnly(await plan(refunds), ['on refunds']);
  });

  it('the dashboard reads its 30 days from its tallies’ covering indexes', async () => {
    const tallies = db.withTables<Tallies>();
    const intake = tallies
      .selectFrom('dashboard_intake')
      .select((eb) => ['status', eb.fn.sum('n').as('n')])
      .where('day', '>=', '2026-10-25')
      .where('day', '<=', '2026-11-23')
      .groupBy('status');
    expectIndexOnly(await plan(intake), ['dashboard_intake_day']);
    const waiting = tallies
      .selectFrom('dashboard_intake')
      .select((eb) => ['day', eb.fn.sum('n').as('n')])
      .where('status', 'in', ['submitted', 'in_review'])
      .groupBy('day');
    expectIndexOnly(await plan(waiting), ['dashboard_intake_status']);
    const steps = tallies
      .selectFrom('dashboard_steps')
      .select((eb) => ['day', eb.fn.sum('n').as('n')])
      .where('action', 'in', ['approve', 'reject', 'return_to_applicant'])
      .where('day', '>=', '2026-10-25')
      .where('day', '<=', '2026-11-23')
      .groupBy('day');
    expectIndexOnly(await plan(steps), ['dashboard_steps_day']);
  });
});
