/**
 * Several desks on one PostgreSQL database importing reconciliation files at the same moment (each desk
 * its own pool, as separate host processes would be): every transaction is recorded once, every import
 * succeeds, the invoices are settled once. Runs in the `postgres` test project only.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDesk, type Desk } from '../desk/open-desk';
import { fixedClock } from '../time/testing/fixed-clock';
import { freshTestSchema } from '../testing/test-postgres';
import { createUser } from '../auth/users';
import { verifyAuditChain } from '../audit/chain';
import { approvedRenewals } from './testing/awaiting-payment';
import { importReconciliationFile } from './payments-import';
import { confirmManualPayment, recordManualPayment } from './manual-payments';

const NOW = '2026-03-20T08:00:00.000Z';
const FIXTURE = readFileSync(join(__dirname, 'fixtures', 'gateway-2026-03-20.csv'));
let schema: ReturnType<typeof freshTestSchema>;
const desks: Desk[] = [];

async function desk(): Promise<Desk> {
  const d = await openDesk(schema.address, { clock: fixedClock(NOW), cardKeyFile: null });
  desks.push(d);
  return d;
}

beforeEach(() => {
  schema = freshTestSchema();
});
afterEach(async () => {
  for (const d of desks.splice(0)) await d.close();
  await schema.drop();
});

/** Desk A with four renewals awaiting payment (INV-2026-000001 … 4) and two finance officers; desks B and C beside it. */
async function threeDesks() {
  const a = await desk();
  const user = (username: string, roles: Array<'reviewer' | 'finance'>) =>
    createUser(a.db, a.clock, { username, displayName: username, password: 'long-enough-password', roles }, null);
  const invoices = await approvedRenewals(a, await user('rev', ['reviewer']), 4);
  const fin1 = await user('fin1', ['finance']);
  const fin2 = await user('fin2', ['finance']);
  const fin3 = await user('fin3', ['finance']);
  const [b, c] = [await desk(), await desk()];
  const writer = (d: Desk, actorId: number) => ({ actorId, now: () => d.clock.now(), signer: d.cardSigner });
  return { a, b, c, invoices, fin1, fin2, fin3, writer };
}

async function counts(d: Desk) {
  const n = async (table: 'payments' | 'unmatched_payments' | 'payment_imports' | 'refunds') =>
    (await d.db.selectFrom(table).select('id').execute()).length;
  return {
    payments: await n('payments'),
    unmatched: await n('unmatched_payments'),
    imports: await n('payment_imports'),
    refunds: await n('refunds'),
  };
}

describe('desks sharing one PostgreSQL database import payments', () => {
  it('three desks importing the same file at the same moment record each transaction once', async () => {
    const t = await threeDesks();
    const results = await Promise.all([
      importReconciliationFile(t.a.db, t.writer(t.a, t.fin1.id), 'a.csv', FIXTURE),
      importReconciliationFile(t.b.db, t.writer(t.b, t.fin2.id), 'b.csv', FIXTURE),
      importReconciliationFile(t.c.db, t.writer(t.c, t.fin1.id), 'c.csv', FIXTURE),
    ]);
    expect(results.map((r) => r.matched).sort()).toEqual([0, 0, 5]);
    expect(results.map((r) => r.duplicates).sort()).toEqual([0, 7, 7]);
    expect(await counts(t.a)).toEqual({ payments: 5, unmatched: 2, imports: 1, refunds: 2 });
    const ids = await t.b.db.selectFrom('payments').select('transaction_id').execute();
    expect(new Set(ids.map((i) => i.transaction_id)).size).toBe(5);
    // Each paid request moved on once.
    const moves = await t.c.db.selectFrom('status_history').select('request_id').where('action', '=', 'record_payment').execute();
    expect(moves.map((m) => m.request_id).sort()).toEqual([t.invoices[0]!.requestId, t.invoices[2]!.requestId, t.invoices[3]!.requestId].sort());
    expect(await verifyAuditChain(t.a.db)).toMatchObject({ ok: true });
  });

  it('two files sharing lines, imported on two desks at once: the shared lines once, the rest each once', async () => {
    const t = await threeDesks();
    const text = FIXTURE.toString('utf8');
    const [header, ...rows] = text.replace(/^\uFEFF/, '').split(/\r\n(?=\d{4}-)/);
    const firstPart = [header, ...rows.slice(0, 4)].join('\r\n') + '\r\n';
    const secondPart = [header, ...rows.slice(2)].join('\r\n');
    const [one, two] = await Promise.all([
      importReconciliationFile(t.a.db, t.writer(t.a, t.fin1.id), 'first.csv', firstPart),
      importReconciliationFile(t.b.db, t.writer(t.b, t.fin2.id), 'second.csv', secondPart),
    ]);
    expect(one.lines + two.lines).toBe(9);
    expect(one.duplicates + two.duplicates).toBe(2);
    expect(one.matched + two.matched).toBe(5);
    expect(one.unmatched + two.unmatched).toBe(2);
    expect(await counts(t.a)).toMatchObject({ payments: 5, unmatched: 2, imports: 2 });
  });

  it('two checkers on two desks confirming one manual payment at once: one confirms, the request moves on once', async () => {
    const t = await threeDesks();
    const [inv] = t.invoices;
    const pdf = Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64');
    await recordManualPayment(t.a.db, t.writer(t.a, t.fin1.id), {
      invoiceId: inv!.invoiceId,
      amountHalalas: inv!.total,
      paidOn: '2026-03-19',
      transferReference: 'TRF-1',
      proof: { fileName: 'r.pdf', data: pdf },
    });
    const p = await t.a.db.selectFrom('payments').select('id').executeTakeFirstOrThrow();
    const results = await Promise.allSettled([
      confirmManualPayment(t.b.db, t.writer(t.b, t.fin2.id), p.id),
      confirmManualPayment(t.c.db, t.writer(t.c, t.fin3.id), p.id),
      confirmManualPayment(t.a.db, t.writer(t.a, t.fin1.id), p.id),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results[2]).toMatchObject({ status: 'rejected' });
    const moves = await t.a.db.selectFrom('status_history').select('id').where('action', '=', 'record_payment').execute();
    expect(moves).toHaveLength(1);
  });
});
