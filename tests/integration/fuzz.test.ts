/**
 * Calls no one on the team wrote: every contract method with random and hostile arguments, and
 * bundles with hostile contents. Nothing may crash the main process, raise an internal error, or
 * write anything when the call is refused; each refusal names what is wrong.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { CONTRACT_METHODS, type MethodName } from '../../shared/contract';
import { ERROR_CODES } from '../../shared/domain';
import { testDesk } from '../../electron/core/testing/test-desk';
import { createDispatch } from '../../electron/core/dispatch';
import { createHandlers } from '../../electron/core/handlers';
import { seedDemo } from '../../electron/core/demo/seed';
import { verifyAuditChain } from '../../electron/core/audit/chain';
import { importBundles } from '../../electron/core/intake/import-batch';
import { currentPolicy } from '../../electron/core/policy/current-policy';
import { goodRequestJson, GOOD_FILES } from '../../electron/core/intake/testing/request-bundles';

const HOSTILE = [
  "' OR 1=1 --",
  "'; DROP TABLE requests; --",
  '"; DELETE FROM audit_log; --',
  '../../../../etc/passwd',
  '..\\..\\windows\\system32',
  'a\u0000b',
  '\u202Eevil\u202C',
  '\u2066\u2067\u2069',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '=HYPERLINK("http://x")',
  '%00%2e%2e%2f',
  '${7*7}{{7*7}}',
  '\uD800',
  'ا'.repeat(5000),
];
const TEN_MB = 'x'.repeat(10 * 1024 * 1024);

const hostile = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.integer(),
  fc.double(),
  fc.constantFrom(null, undefined, true, false, [], {}, -1, 0, 2 ** 53, Number.NaN, Infinity),
);
const deep = (depth: number): unknown => {
  let v: unknown = 'bottom';
  for (let i = 0; i < depth; i++) v = { a: [v] };
  return v;
};

let t: Awaited<ReturnType<typeof testDesk>>;
let dispatch: ReturnType<typeof createDispatch>;
const internal: unknown[] = [];
let admin = '';

beforeAll(async () => {
  t = await testDesk();
  await seedDemo(t.desk.db, t.clock, { cases: 40, seed: 2 });
  dispatch = createDispatch(createHandlers(t.desk), t.desk, (e) => internal.push(e));
  admin = (await t.as('fuzz-admin', ['admin', 'reviewer', 'approver', 'finance', 'card_clerk'])).token;
});
afterAll(() => t.desk.close());

async function counts() {
  const n = async (table: 'requests' | 'notes' | 'audit_log' | 'status_history' | 'users' | 'cards' | 'refunds') =>
    Number(
      (
        await t.desk.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    requests: await n('requests'),
    notes: await n('notes'),
    audit: await n('audit_log'),
    history: await n('status_history'),
    users: await n('users'),
    cards: await n('cards'),
    refunds: await n('refunds'),
  };
}

describe('hostile calls', () => {
  // Signing out would end the fuzzing session; exports write in the background after answering.
  const methods = CONTRACT_METHODS.filter((m) => m !== 'auth.signOut' && m !== 'exports.start');

  it('every method, random and hostile arguments: a clear refusal, nothing written, no internal error', { timeout: 240_000 }, async () => {
    for (const name of methods) {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            hostile,
            fc.dictionary(
              fc.constantFrom('id', 'version', 'text', 'queue', 'payload', 'requestIds', 'username', 'password', 'data', 'name', 'items'),
              hostile,
            ),
            fc.anything(),
          ),
          async (args) => {
            const before = await counts();
            const r = await dispatch(name, args, admin);
            expect(typeof r.ok).toBe('boolean');
            if (!r.ok) {
              expect(ERROR_CODES).toContain(r.error.code);
              expect(r.error.code).not.toBe('internal');
              expect(r.error.message.length).toBeGreaterThan(3);
              // A refused sign-in is audited (auth.failed, auth.locked): nothing else is written.
              const after = await counts();
              if (name === 'auth.signIn' || name === 'auth.changePassword') expect({ ...after, audit: before.audit }).toEqual(before);
              else expect(after).toEqual(before);
            }
          },
        ),
        { numRuns: 25, seed: 42 },
      );
    }
    expect(internal).toEqual([]);
  });

  it('huge and deep arguments are refused, not choked on', async () => {
    const huge: Partial<Record<MethodName, unknown>> = {
      'cases.addNote': { id: 1, kind: 'internal', text: TEN_MB },
      'queues.page': { queue: 'all', offset: 0, limit: 5, search: TEN_MB },
      'cards.verify': { payload: TEN_MB },
      'intake.upload': { name: 'x.zip', data: `${TEN_MB}!` },
      'auth.signIn': { username: TEN_MB, password: 'x' },
    };
    for (const [name, args] of Object.entries(huge) as Array<[MethodName, unknown]>) {
      for (const a of [args, deep(5_000), [deep(100)]]) {
        const r = await dispatch(name, a, admin);
        expect(r.ok, name).toBe(false);
        if (!r.ok) expect(['bad_input', 'not_found']).toContain(r.error.code);
      }
    }
    expect(internal).toEqual([]);
    expect((await verifyAuditChain(t.desk.db)).ok).toBe(true);
  });

  it('unknown method names and calls without a session are refused', async () => {
    for (const name of ['__proto__', 'constructor', 'toString', '../cases.get', 'cases.get ', 'CASES.GET', HOSTILE[0]!]) {
      const r = await dispatch(name, {}, admin);
      expect(r).toMatchObject({ ok: false, error: { code: 'not_found' } });
    }
    expect(await dispatch('cases.get', { id: 1 }, 'made-up-session')).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });
});

describe('hostile bundles', () => {
  it(
    'zip bombs, traversal, links, non-PDFs named .pdf, broken JSON: each refused with a reason, nothing imported',
    { timeout: 120_000 },
    async () => {
      const root = mkdtempSync(join(tmpdir(), 'desk-fuzz-bundles-'));
      const { policy } = await currentPolicy(t.desk.db, t.clock.now().toISOString());
      const zip = (name: string, files: Record<string, Uint8Array>) => {
        const file = join(root, name);
        writeFileSync(file, zipSync(files));
        return file;
      };
      const json = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
      const bomb = new Uint8Array(300 * 1024 * 1024); // zeros compress to almost nothing
      const paths = [
        zip('bomb.zip', { 'request.json': json(goodRequestJson()), 'files/letter.pdf': bomb }),
        zip('traversal.zip', {
          'request.json': json(goodRequestJson({ attachments: [{ kind: 'employer_letter', file: '../../etc/passwd' }] })),
          ...GOOD_FILES,
        }),
        zip('absolute.zip', {
          'request.json': json(goodRequestJson({ attachments: [{ kind: 'employer_letter', file: '/etc/passwd' }] })),
          ...GOOD_FILES,
        }),
        zip('fake-pdf.zip', {
          'request.json': json(goodRequestJson()),
          ...GOOD_FILES,
          'files/letter.pdf': new TextEncoder().encode('MZ this is not a PDF'),
        }),
        zip('broken-json.zip', { 'request.json': new TextEncoder().encode('{"service": "RENEWAL",'), ...GOOD_FILES }),
        zip('deep-json.zip', { 'request.json': new TextEncoder().encode(`${'{"a":['.repeat(100_000)}1${']}'.repeat(100_000)}`), ...GOOD_FILES }),
        zip('nul.zip', {
          'request.json': json(goodRequestJson({ applicant: { ...goodRequestJson().applicant, nameEn: 'a\u0000b' } })),
          ...GOOD_FILES,
        }),
      ];
      mkdirSync(join(root, 'empty-folder'));
      paths.push(join(root, 'empty-folder'), join(root, 'missing.zip'));
      const before = await counts();
      const results = await importBundles(t.desk.db, t.clock, policy, paths);
      expect(results.map((r) => r.ok)).toEqual(paths.map(() => false));
      for (const r of results) if (!r.ok) expect(r.problems.length).toBeGreaterThan(0);
      // Nothing imported; each refusal is one audit entry.
      expect(await counts()).toEqual({ ...before, audit: before.audit + paths.length });
    },
  );

  it('random mutations of a good bundle never import half a request', { timeout: 120_000 }, async () => {
    const root = mkdtempSync(join(tmpdir(), 'desk-fuzz-mutants-'));
    const { policy } = await currentPolicy(t.desk.db, t.clock.now().toISOString());
    const good = goodRequestJson();
    const keys = Object.keys(good);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...keys), hostile, fc.nat(), async (key, value, n) => {
        const file = join(root, `m${n}-${Math.random().toString(36).slice(2)}.zip`);
        writeFileSync(file, zipSync({ 'request.json': new TextEncoder().encode(JSON.stringify({ ...good, [key]: value })), ...GOOD_FILES }));
        const before = await counts();
        const [r] = await importBundles(t.desk.db, t.clock, policy, [file]);
        if (!r!.ok) expect(await counts()).toEqual({ ...before, audit: before.audit + 1 });
        else expect((await counts()).requests).toBe(before.requests + 1);
      }),
      { numRuns: 60, seed: 7 },
    );
    expect(internal).toEqual([]);
  });
});
