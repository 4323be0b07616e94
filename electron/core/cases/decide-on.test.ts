/**
 * The one path of a decision (decide-on.ts), counted statement by statement on the database: the request row
 * is read once, the policy once, the checks run once on rows read once (the detail shows those very rows), and the
 * detail answered is the one that committed.
 * Before this path an approval read the request five times, the policy twice and ran the checks twice (#19).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { KyselyPlugin, OperationNode } from 'kysely';
import type { CaseDetail } from '../../../shared/domain';
import { testDesk } from '../testing/test-desk';
import { seedDemo } from '../demo/seed';
import { currentPolicy } from '../policy/current-policy';
import type { Actor } from '../actor';
import { checksOf, runChecks } from './checks';
import * as decide from './decisions';
import type * as checksModule from './checks';

// The checks, counted where they run: on rows read already (checksOf: the decision and the case view) or read for
// them (runChecks).
vi.mock('./checks', async (importOriginal) => {
  const checks = await importOriginal<typeof checksModule>();
  return { ...checks, runChecks: vi.fn(checks.runChecks), checksOf: vi.fn(checks.checksOf) };
});

/** Every table a statement names, subqueries and joins included. */
function tablesOf(node: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const n of node) tablesOf(n, into);
  else if (node && typeof node === 'object') {
    const n = node as { kind?: string; table?: { identifier?: { name?: string } } };
    if (n.kind === 'TableNode' && n.table?.identifier?.name) into.add(n.table.identifier.name);
    for (const v of Object.values(node)) tablesOf(v, into);
  }
  return into;
}

/** The SELECTs sent through the desk's database while counting, as the tables each names. */
const selects: Array<Set<string>> = [];
const counting: KyselyPlugin = {
  transformQuery: ({ node }) => {
    if (node.kind === 'SelectQueryNode') selects.push(tablesOf(node as OperationNode));
    return node;
  },
  transformResult: async ({ result }) => result,
};
const reads = (table: string) => selects.filter((tables) => tables.has(table)).length;

let t: Awaited<ReturnType<typeof testDesk>>;
let a: Actor;
beforeAll(async () => {
  t = await testDesk();
  await seedDemo(t.desk.db, t.clock, { cases: 60, seed: 7 });
  a = { user: (await t.as('both', ['reviewer', 'approver'])).user, clock: t.clock, cardSigner: t.desk.cardSigner };
}, 180_000);
afterAll(async () => t?.desk.close());
beforeEach(() => {
  selects.length = 0;
  vi.mocked(runChecks).mockClear();
  vi.mocked(checksOf).mockClear();
});

/** A waiting request the reviewer may approve without an override or a second signature. */
async function approvable(): Promise<{ id: number; version: number }> {
  const pv = await currentPolicy(t.desk.db, t.clock.now().toISOString());
  const waiting = await t.desk.db.selectFrom('requests').selectAll().where('status', '=', 'submitted').orderBy('id').execute();
  for (const r of waiting) {
    if (pv.policy.fourEyesServices.includes(r.service) || r.service === 'INQUIRY') continue;
    if ((await runChecks(t.desk.db, r, pv)).every((c) => c.outcome !== 'fail')) return r;
  }
  throw new Error('the demo has no request to approve');
}

/** Runs one decision through a database that counts what it is sent, and checks the detail against what committed. */
async function counted(run: (db: typeof t.desk.db) => Promise<{ id: number; version: number; status: string } | null>) {
  const seeing = t.desk.db.withPlugin(counting);
  selects.length = 0;
  vi.mocked(runChecks).mockClear();
  vi.mocked(checksOf).mockClear();
  const detail = await run(seeing);
  expect(detail).not.toBeNull();
  const counts = {
    requestReads: reads('requests'),
    policyReads: reads('policy'),
    checkRuns: vi.mocked(runChecks).mock.calls.length + vi.mocked(checksOf).mock.calls.length,
    // The rows the checks judge are the ones the detail shows: read once, in the transaction.
    attachmentReads: reads('attachments'),
    answerReads: reads('questionnaire_answers'),
  };
  const stored = await t.desk.db.selectFrom('requests').select(['version', 'status']).where('id', '=', detail!.id).executeTakeFirstOrThrow();
  expect({ version: detail!.version, status: detail!.status }).toEqual(stored);
  return counts;
}

const ONCE = { requestReads: 1, policyReads: 1, checkRuns: 1, attachmentReads: 1, answerReads: 1 };

describe('one decision reads the request once, the policy once, and runs the checks once', () => {
  it('claim, then approve', async () => {
    const r = await approvable();
    expect(await counted((db) => decide.claim(db, a, r.id, r.version))).toEqual(ONCE);
    expect(await counted((db) => decide.approve(db, a, r.id, r.version + 1))).toEqual(ONCE);
  });

  it('claim next, then return to the applicant', async () => {
    let claimed: CaseDetail | null = null;
    expect(
      await counted(async (db) => {
        claimed = await decide.claimNext(db, a, undefined, 'new');
        return claimed;
      }),
    ).toEqual(ONCE);
    const { id, version } = claimed!;
    expect(await counted((db) => decide.returnToApplicant(db, a, id, version, 'Attach a recent employer letter.'))).toEqual(ONCE);
  });

  it('claim, then reject', async () => {
    const r = await t.desk.db
      .selectFrom('requests')
      .select(['id', 'version'])
      .where('status', '=', 'submitted')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    await decide.claim(t.desk.db, a, r.id, r.version);
    expect(await counted((db) => decide.reject(db, a, r.id, r.version + 1, 'documents_invalid', 'The licence is not attached.'))).toEqual(ONCE);
  });
});
