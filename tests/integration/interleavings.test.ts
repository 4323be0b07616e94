/**
 * The contract's write methods fired by several users at the same moment, in random interleavings
 * (fast-check), against one desk (SQLite, and PostgreSQL in the postgres project). Whatever wins each
 * race, these must hold afterwards:
 * - one holder: every request's history is one unbroken chain (each step leaves the status the step
 *   before it reached), so no two claims, decisions or payments ever started from the same state;
 * - maker ≠ checker: no refund approved by the officer who computed it, no manual payment confirmed by
 *   the officer who recorded it, no second signature by the first signer;
 * - one payout: a refund is paid out once, with one audit entry;
 * - history = audit: every status change has its audit entry, and the chain verifies;
 * - money balances: an invoice's status is what its confirmed payments say, and no refund pays out more
 *   than was paid.
 * Nothing may answer with an internal error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'kysely';
import { testDesk } from '../../electron/core/testing/test-desk';
import { seedDemo, DEMO_PASSWORD } from '../../electron/core/demo/seed';
import { verifyAuditChain } from '../../electron/core/audit/chain';
import { riyadhDate } from '../../electron/core/time/riyadh-day';

type Desk = Awaited<ReturnType<typeof testDesk>>;
type Call = { user: string; method: string; args: Record<string, unknown> };

const USERS = ['reviewer1', 'reviewer2', 'approver1', 'admin', 'finance1', 'finance2'] as const;
let t: Desk;
const tokens = new Map<string, string>();
let firstHistoryId = 0;
let firstAuditSeq = 0;
const internal: unknown[] = [];

beforeAll(async () => {
  t = await testDesk();
  await seedDemo(t.desk.db, t.clock, { cases: 40, seed: 21, signer: t.desk.cardSigner });
  for (const u of USERS) {
    const r = await t.dispatch('auth.signIn', { username: u, password: DEMO_PASSWORD });
    if (!r.ok) throw new Error(`${u} cannot sign in: ${r.error.message}`);
    tokens.set(u, (r.value as { token: string }).token);
  }
  const h = await t.desk.db
    .selectFrom('status_history')
    .select(sql<number>`coalesce(max(id), 0)`.as('n'))
    .executeTakeFirstOrThrow();
  firstHistoryId = Number(h.n);
  const a = await t.desk.db
    .selectFrom('audit_log')
    .select(sql<number>`coalesce(max(seq), 0)`.as('n'))
    .executeTakeFirstOrThrow();
  firstAuditSeq = Number(a.n);
}, 120_000);

afterAll(async () => {
  await t?.desk.close();
});

/** What the calls of one round can aim at, read just before the round fires (so the round races on it). */
async function targets() {
  const db = t.desk.db;
  const requests = await db.selectFrom('requests').select(['id', 'version', 'status']).orderBy('id').execute();
  const refunds = await db.selectFrom('refunds').select(['id', 'request_id', 'status']).orderBy('id').execute();
  const invoices = await db
    .selectFrom('invoices')
    .innerJoin('attachments', 'attachments.request_id', 'invoices.request_id')
    .select(['invoices.id', 'invoices.request_id', sql<number>`min(attachments.id)`.as('attachment')])
    .groupBy(['invoices.id', 'invoices.request_id'])
    .orderBy('invoices.id')
    .execute();
  const pending = await db.selectFrom('payments').select('id').where('status', '=', 'pending').orderBy('id').execute();
  return { requests, refunds, invoices, pending };
}

type Targets = Awaited<ReturnType<typeof targets>>;

/** A call of each kind, aimed at the n-th target of its kind (wrapping), by the given user. */
function callFor(kind: number, n: number, user: string, x: Targets): Call | null {
  const pick = <T>(items: T[]) => (items.length ? items[n % items.length]! : null);
  // Mostly aimed where the call can succeed, so the races are real; now and then anywhere, so refusals are too.
  const where = (...statuses: string[]) => (n % 5 === 0 ? x.requests : x.requests.filter((r) => statuses.includes(r.status)));
  const stage = (...statuses: string[]) => (n % 5 === 0 ? x.refunds : x.refunds.filter((r) => statuses.includes(r.status)));
  const inReview = pick(where('in_review'));
  const today = riyadhDate(t.clock.now());
  switch (kind) {
    case 0:
      return ((r) => r && { user, method: 'cases.claim', args: { id: r.id, version: r.version } })(pick(where('submitted', 'resubmitted')));
    case 1:
      return { user, method: 'cases.claimNext', args: {} };
    case 2:
      return inReview && { user, method: 'cases.release', args: { id: inReview.id, version: inReview.version } };
    case 3:
      return inReview && { user, method: 'cases.addNote', args: { id: inReview.id, kind: n % 2 ? 'internal' : 'to_applicant', text: `note ${n}` } };
    case 4:
      return (
        inReview && {
          user,
          method: 'cases.returnToApplicant',
          args: { id: inReview.id, version: inReview.version, message: 'Please attach the letter.' },
        }
      );
    case 5:
      return (
        inReview && {
          user,
          method: 'cases.approve',
          args: { id: inReview.id, version: inReview.version, override: { justification: 'checked by hand at the desk' } },
        }
      );
    case 6:
      return ((r) => r && { user, method: 'cases.countersign', args: { id: r.id, version: r.version } })(pick(where('awaiting_second_signature')));
    case 7:
      return (
        inReview && { user, method: 'cases.reject', args: { id: inReview.id, version: inReview.version, reason: 'ineligible', text: 'not eligible' } }
      );
    case 8: {
      const r = pick(stage('requested', 'computed'));
      return r && { user, method: 'refunds.compute', args: { requestId: r.request_id, requestedAt: today, grounds: [] } };
    }
    case 9: {
      const r = pick(stage('computed'));
      return r && { user, method: 'refunds.approve', args: { refundId: r.id } };
    }
    case 10: {
      const r = pick(stage('approved'));
      return r && { user, method: 'refunds.recordPayout', args: { refundId: r.id, reference: `PAYOUT-${n}` } };
    }
    case 11: {
      const i = pick(x.invoices);
      return (
        i && {
          user,
          method: 'payments.recordManual',
          args: { invoiceId: i.id, amountHalalas: 10_000 + n, paidOn: today, transferReference: `TRF-${n}`, proof: { attachmentId: i.attachment } },
        }
      );
    }
    default: {
      const p = pick(x.pending);
      return p && { user, method: 'payments.confirmManual', args: { paymentId: p.id } };
    }
  }
}

const KINDS = 13;
/** One call of a round: which kind, which target, which user. */
const callPlan = fc.record({ kind: fc.nat(KINDS - 1), n: fc.nat(60), user: fc.constantFrom(...USERS) });
/** Calls of one kind and target by different users land together often: races are the point. */
const round = fc
  .tuple(callPlan, fc.array(fc.constantFrom(...USERS), { minLength: 1, maxLength: 3 }), fc.array(callPlan, { maxLength: 4 }))
  .map(([focus, others, extra]) => [focus, ...others.map((user) => ({ ...focus, user })), ...extra]);

async function fire(plans: Array<{ kind: number; n: number; user: string }>) {
  const x = await targets();
  const calls = plans.map((p) => callFor(p.kind, p.n, p.user, x)).filter((c): c is Call => c !== null);
  const results = await Promise.all(calls.map((c) => t.dispatch(c.method, c.args, tokens.get(c.user))));
  results.forEach((r, i) => {
    if (!r.ok && r.error.code === 'internal') internal.push({ call: calls[i], error: r.error });
  });
}

async function invariants(): Promise<void> {
  const db = t.desk.db;
  // One holder / one unbroken chain per request.
  const history = await db
    .selectFrom('status_history')
    .select(['id', 'request_id', 'action', 'from_status', 'to_status', 'actor_id'])
    .orderBy('request_id')
    .orderBy('id')
    .execute();
  let previous: (typeof history)[number] | undefined;
  for (const h of history) {
    if (previous && previous.request_id === h.request_id && h.from_status !== null)
      expect(h.from_status, `request ${h.request_id}: step ${h.id} (${h.action}) starts where the step before ended`).toBe(previous.to_status);
    previous = h;
  }
  const requests = await db.selectFrom('requests').select(['id', 'status', 'assignee_id']).execute();
  const last = new Map<number, string>();
  for (const h of history) last.set(h.request_id, h.to_status);
  for (const r of requests) {
    expect(last.get(r.id), `request ${r.id}'s status is where its history ends`).toBe(r.status);
    if (r.status === 'in_review') expect(r.assignee_id, `request ${r.id} in review has a holder`).not.toBeNull();
  }
  // A second signature never by the first signer.
  const signs = history.filter((h) => h.action === 'approve' || h.action === 'countersign');
  for (const c of signs.filter((h) => h.action === 'countersign')) {
    const first = signs.filter((h) => h.request_id === c.request_id && h.action === 'approve' && h.id < c.id).at(-1);
    expect(c.actor_id, `request ${c.request_id}: second signer differs from the first`).not.toBe(first?.actor_id);
  }
  // Maker ≠ checker.
  const refunds = await db.selectFrom('refunds').selectAll().execute();
  for (const r of refunds) if (r.approved_by !== null) expect(r.approved_by, `refund ${r.id}: approved by its maker`).not.toBe(r.computed_by);
  const payments = await db.selectFrom('payments').selectAll().execute();
  // Only manual payments have a maker and a checker (a gateway's file is its own proof).
  for (const p of payments)
    if (p.source === 'manual' && p.confirmed_by !== null)
      expect(p.confirmed_by, `payment ${p.id}: confirmed by its recorder`).not.toBe(p.recorded_by);
  // One payout.
  const payouts = await db.selectFrom('audit_log').select('entity_id').where('action', '=', 'refund.payout').execute();
  const perRefund = new Map<string, number>();
  for (const p of payouts) perRefund.set(p.entity_id!, (perRefund.get(p.entity_id!) ?? 0) + 1);
  for (const [id, n] of perRefund) expect(n, `refund ${id} paid out once`).toBe(1);
  expect(payouts.length).toBe(refunds.filter((r) => r.status === 'paid').length);
  // History = audit: every status change since the seed has its audit entry.
  const changes = history.filter((h) => h.id > firstHistoryId && h.action !== 'submit').length;
  const audited = await db
    .selectFrom('audit_log')
    .select(sql<number>`count(*)`.as('n'))
    .where('seq', '>', firstAuditSeq)
    .where('entity', '=', 'request')
    .where(
      sql<boolean>`action in (${sql.join(
        [
          'claim',
          'release',
          'return_to_applicant',
          'approve',
          'countersign',
          'reject',
          'request_payment',
          'record_payment',
          'no_fee',
          'expire_invoice',
          'answer',
          'send_back',
          'reassign',
          'reroute',
          'print_card',
          'record_delivery',
          'issue_document',
          'resubmit',
          'expire_return',
          'withdraw',
        ].map((a) => `request.${a}`),
      )})`,
    )
    .executeTakeFirstOrThrow();
  expect(Number(audited.n), 'status changes = their audit entries').toBe(changes);
  expect((await verifyAuditChain(db)).ok).toBe(true);
  // Money balances.
  const invoices = await db.selectFrom('invoices').selectAll().execute();
  for (const inv of invoices) {
    const confirmed = payments.filter((p) => p.invoice_id === inv.id && p.status === 'confirmed').reduce((s, p) => s + p.amount_halalas, 0);
    const total = inv.total_halalas ?? 0;
    if (inv.status !== 'expired')
      expect(inv.status, `invoice ${inv.number}: status from its confirmed payments (${confirmed} of ${total})`).toBe(
        confirmed >= total ? 'paid' : confirmed > 0 ? 'partially_paid' : 'unpaid',
      );
    const out = refunds
      .filter((r) => r.invoice_id === inv.id && (r.status === 'approved' || r.status === 'paid'))
      .reduce((s, r) => s + (r.total_halalas ?? 0), 0);
    expect(out, `invoice ${inv.number}: refunds within what was paid`).toBeLessThanOrEqual(confirmed);
  }
  expect(internal, 'no call answered with an internal error').toEqual([]);
}

describe('random interleavings of the write methods by several users', () => {
  it('keep one holder, maker ≠ checker, one payout, history = audit and balanced money', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(round, { minLength: 3, maxLength: 6 }), async (rounds) => {
        for (const r of rounds) await fire(r);
        await invariants();
      }),
      { numRuns: 12, seed: Number(process.env.INTERLEAVINGS_SEED ?? 20261130), endOnFailure: true },
    );
  }, 240_000);
});
