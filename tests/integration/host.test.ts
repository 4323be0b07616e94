/** The host's doors (token, Host, Origin) and the role matrix of every contract method, over real HTTP. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { contract, CONTRACT_METHODS, type MethodName } from '../../shared/contract';
import { ROLES, type Role } from '../../shared/domain';
import { testDesk, TEST_PASSWORD } from '../../electron/core/testing/test-desk';
import { signIn } from '../../electron/core/auth/users';
import { samplePolicy } from '../../electron/core/policy/sample-policy';
import { startHost, type RunningHost } from '../../electron/host/server';

/** Valid arguments for every method: a new method fails to compile here until it is added. */
const SAMPLE_ARGS: Record<MethodName, unknown> = {
  'app.info': {},
  'app.updates': {},
  'auth.createFirstAdmin': { username: 'late', displayName: 'Late', password: 'long-enough-password' },
  'auth.signIn': { username: 'nobody', password: 'x' },
  'auth.signOut': {},
  'auth.me': {},
  'users.list': {},
  'users.create': { username: 'matrix-user', displayName: 'M', password: 'long-enough-password', roles: ['reviewer'] },
  'users.setRoles': { userId: 999, roles: ['reviewer'] },
  'auth.changePassword': { username: 'nobody', currentPassword: 'x', newPassword: 'long-enough-password' },
  'users.update': { userId: 999, displayName: 'X' },
  'users.disable': { userId: 999 },
  'users.enable': { userId: 999 },
  'users.resetPassword': { userId: 999, password: 'long-enough-password' },
  'users.unlock': { userId: 999 },
  'users.grants': {},
  'users.confirmGrant': { grantId: 999 },
  'users.refuseGrant': { grantId: 999 },
  'queues.counts': {},
  'queues.page': { queue: 'all', offset: 0, limit: 5 },
  'cases.get': { id: 999 },
  'cases.applicantHistory': { requestId: 999 },
  'cases.find': { text: 'REQ-2026-000999' },
  'cases.claim': { id: 999, version: 0 },
  'cases.claimNext': { service: 'INQUIRY' },
  'cases.claimMany': { items: [{ id: 999, version: 0 }] },
  'cases.reassign': { id: 999, version: 0, assigneeId: null },
  'cases.reroute': { id: 999, version: 0, service: 'INQUIRY' },
  'users.assignable': {},
  'cases.assignMany': { assigneeId: 999, items: [{ id: 999, version: 0 }] },
  'workload.reviewers': {},
  'savedViews.list': {},
  'savedViews.save': { name: 'matrix view', view: { queue: 'new' } },
  'savedViews.update': { id: 999, name: 'renamed' },
  'savedViews.delete': { id: 999 },
  'cases.release': { id: 999, version: 0 },
  'cases.addNote': { id: 999, kind: 'internal', text: 'x' },
  'cases.returnToApplicant': { id: 999, version: 0 },
  'cases.approve': { id: 999, version: 0 },
  'cases.countersign': { id: 999, version: 0 },
  'cases.reject': { id: 999, version: 0, reason: 'other', text: 'x' },
  'cases.answer': { id: 999, version: 0, text: 'x' },
  'referrals.forCase': { requestId: 999 },
  'referrals.ask': { requestId: 999, addressee: 'any_approver', question: 'x' },
  'referrals.answer': { referralId: 999, answer: 'x' },
  'referrals.withdraw': { referralId: 999 },
  'referrals.forMe': {},
  'referrals.waitingCount': {},
  'referrals.colleagues': {},
  'policy.current': {},
  'policy.history': {},
  'policy.update': { basedOnVersion: 999, policy: samplePolicy(), note: 'x' },
  'policy.whatIf': { version: 999 },
  'policy.activate': { version: 999 },
  'policy.withdraw': { version: 999 },
  'cpdAudit.queue': {},
  'cpdAudit.samples': {},
  'cpdAudit.draw': { month: '2099-01' },
  'cpdAudit.forCase': { requestId: 999 },
  'cpdAudit.decide': { activityId: 999, decision: 'accepted', reason: 'certificate_verified' },
  'attachments.open': { id: 999 },
  'refunds.forCase': { requestId: 999 },
  'refunds.request': { requestId: 999, grounds: [] },
  'refunds.compute': { requestId: 999, requestedAt: '2026-03-10', grounds: [] },
  'refunds.approve': { refundId: 999 },
  'refunds.recordPayout': { refundId: 999, reference: 'PAY-1' },
  'refunds.list': { stage: 'to_compute' },
  'payments.awaiting': {},
  'payments.unmatched': {},
  'payments.imports': {},
  'payments.pendingManual': {},
  'payments.import': { name: 'x.csv', content: 'transaction_id,invoice_number,amount_halalas,paid_at,channel\n' },
  'payments.assign': { unmatchedId: 999, invoiceNumber: 'INV-2026-000999', note: 'x' },
  'payments.recordManual': {
    invoiceId: 999,
    amountHalalas: 100,
    paidOn: '2026-03-01',
    transferReference: 'TRF-1',
    proof: { attachmentId: 999 },
  },
  'payments.confirmManual': { paymentId: 999 },
  'payments.refuseManual': { paymentId: 999, reason: 'x' },
  'finance.reconciliation': { from: '2026-03-01', to: '2026-03-10' },
  'finance.reconciliationExport': { from: '2026-03-01', to: '2026-03-10', lang: 'ar' },
  'intake.upload': { name: 'x.zip', data: '' },
  'print.queue': { stage: 'ready' },
  'print.cards': { requestIds: [999], layout: 'cr80' },
  'print.markPrinted': { items: [{ id: 999, version: 0 }] },
  'print.recordDelivery': { id: 999, version: 0, delivery: { method: 'mail', trackingNumber: 'SP12345' } },
  'documents.issued': { requestId: 999 },
  'reports.caseReport': { id: 999, lang: 'ar' },
  'signals.forCase': { requestId: 999 },
  'signals.compare': { a: 998, b: 999 },
  'signals.perWeek': {},
  'escalations.list': {},
  'dashboard.figures': {},
  'exports.start': { queue: 'all', format: 'csv', lang: 'ar' },
  'exports.status': { jobId: 'nonexistent-job' },
  'exports.cancel': { jobId: 'nonexistent-job' },
  'cards.verify': { payload: 'SCFHS1|C|C-2026-000001|1012345678|20290101|forged' },
  'outbox.list': {},
  'outbox.counts': {},
  'outbox.history': { id: 999 },
  'outbox.resend': { id: 999 },
  'outbox.cancel': { id: 999 },
  'delivery.settings': {},
  'delivery.saveSettings': { email: null, sms: null, maxAttempts: 5 },
  'delivery.test': { to: 'nobody@example.invalid' },
  'backups.list': {},
  'backups.run': {},
  'audit.verify': {},
  'audit.lastCheckpoint': {},
  'audit.browse': {},
  'desk.changes': {},
  'settings.database': {},
  'settings.testDatabase': { address: ':memory:' },
  'settings.saveDatabase': { address: null },
};

let host: RunningHost;
let t: Awaited<ReturnType<typeof testDesk>>;
const tokens = new Map<Role, string>();

beforeAll(async () => {
  t = await testDesk();
  const rendererDir = mkdtempSync(join(tmpdir(), 'desk-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>desk</title>');
  host = await startHost({ dispatch: t.dispatch, rendererDir });
  for (const role of ROLES) tokens.set(role, (await t.as(`only-${role}`, [role])).token);
});
afterAll(async () => {
  await host.close();
  await t.desk.close();
});

function raw(
  path: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: host.port, path, method: opts.method ?? 'GET', headers: { host: `127.0.0.1:${host.port}`, ...opts.headers } },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

const api = (name: string, args: unknown, session?: string, headers: Record<string, string> = {}) =>
  raw(`/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-desk-token': host.token, ...(session ? { 'x-desk-session': session } : {}), ...headers },
    body: JSON.stringify(args),
  });

describe('the host', () => {
  it('serves the renderer with a strict CSP', async () => {
    const r = await raw('/');
    expect(r.status).toBe(200);
    expect(String(r.headers['content-security-policy'])).toContain("script-src 'self'");
  });

  it('refuses a call without the token, with a wrong token, a wrong Host or another origin', async () => {
    expect((await raw('/api/app.info', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(401);
    expect((await api('app.info', {}, undefined, { 'x-desk-token': 'wrong' })).status).toBe(401);
    expect((await api('app.info', {}, undefined, { host: 'evil.example:80' })).status).toBe(421);
    expect((await api('app.info', {}, undefined, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await api('app.info', {})).status).toBe(200);
    expect((await raw('/', { headers: { host: 'rebind.example' } })).status).toBe(421);
  });

  it('names the field of bad arguments', async () => {
    const admin = tokens.get('admin')!;
    const r = JSON.parse((await api('queues.page', { queue: 'nope', offset: 0, limit: 5 }, admin)).body);
    expect(r).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    expect(r.error.message).toMatch(/^queue:/);
  });

  it('answers every method for every role as the contract says', async () => {
    const mismatches: string[] = [];
    // Signing out ends the session, so it goes last.
    const order = [...CONTRACT_METHODS.filter((m) => m !== 'auth.signOut'), 'auth.signOut' as const];
    for (const name of order) {
      const access = contract[name].access;
      for (const role of ROLES) {
        const r = JSON.parse((await api(name, SAMPLE_ARGS[name], tokens.get(role))).body) as { ok: boolean; error?: { code: string } };
        const allowed = access === 'public' || access === 'signed_in' || (access as readonly Role[]).includes(role);
        const refused = !r.ok && r.error?.code === 'forbidden';
        if (allowed === refused) mismatches.push(`${name} as ${role}: ${JSON.stringify(r).slice(0, 120)}`);
      }
      if (access !== 'public') {
        const anon = JSON.parse((await api(name, SAMPLE_ARGS[name])).body);
        if (anon.error?.code !== 'unauthenticated') mismatches.push(`${name} without a session: ${JSON.stringify(anon).slice(0, 120)}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('a reviewer cannot call an admin handler, and nothing is written', async () => {
    tokens.set('reviewer', (await signIn(t.desk.db, t.clock, 'only-reviewer', TEST_PASSWORD)).token);
    const before = await t.desk.db.selectFrom('users').select('id').execute();
    const r = JSON.parse(
      (
        await api(
          'users.create',
          { username: 'sneaky', displayName: 'S', password: 'long-enough-password', roles: ['admin'] },
          tokens.get('reviewer'),
        )
      ).body,
    );
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await t.desk.db.selectFrom('users').select('id').execute()).toHaveLength(before.length);
  });
});
