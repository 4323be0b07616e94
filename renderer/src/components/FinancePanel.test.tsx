import { describe, expect, it } from 'vitest';
import type { CaseFinance, InvoiceView, RefundView, Role, UserInfo } from '../../../shared/domain';
import { createClient, mockTransport } from '../api/client';
import { MESSAGES, type MessageKey } from '../i18n/messages';
import { queryClientForTests, renderForTest } from '../testing/render-for-test';
import { FinancePanel } from './FinancePanel';

const REQUEST = 12;
const user = (id: number, ...roles: Role[]): UserInfo => ({ id, username: `u${id}`, displayName: `User ${id}`, roles });
const officer = user(5, 'finance');
const secondOfficer = user(6, 'finance');
const reviewer = user(7, 'reviewer');
const clerk = user(8, 'card_clerk');

const invoice = (status: InvoiceView['status'], paid: number): InvoiceView => ({
  id: 3,
  number: 'INV-2026-000003',
  issuedAt: '2026-11-01T08:00:00Z',
  sadadBillNumber: '900000000003',
  dueOn: '2026-11-15',
  status,
  total: 500,
  paid,
  remaining: 500 - paid,
  lines: [{ kind: 'service', amount: 500 }],
  payments:
    paid > 0
      ? [
          {
            id: 1,
            amount: paid,
            paidAt: '2026-11-02T08:00:00Z',
            channel: 'SADAD',
            reference: 'SAD-1',
            transactionId: 'TX-1',
            source: 'reconciliation',
            status: 'confirmed',
            recordedBy: null,
            refusalReason: null,
            confirmedBy: null,
            proofAttachmentId: null,
          },
        ]
      : [],
  policyVersion: 1,
});

const refund = (status: RefundView['status'], computedBy: number | null): RefundView => ({
  id: 4,
  invoiceNumber: 'INV-2026-000003',
  status,
  requestedAt: '2026-11-20T08:00:00Z',
  requestedBy: 'User 7',
  grounds: [],
  result: computedBy === null ? null : { currency: 'SAR', total: 500, lines: [], denials: [] },
  computedBy: computedBy === null ? null : { id: computedBy, name: `User ${computedBy}` },
  computedAt: computedBy === null ? null : '2026-11-21T08:00:00Z',
  approvedBy: status === 'approved' || status === 'paid' ? 'User 6' : null,
  approvedAt: null,
  payoutReference: status === 'paid' ? 'PAYOUT-1' : null,
  paidAt: null,
  policyVersion: 1,
});

/** The panel as `who` first sees it, the case's money answered by the mock desk. */
async function render(finance: CaseFinance, who: UserInfo, lang: 'ar' | 'en' = 'en') {
  const client = createClient(
    mockTransport({ 'refunds.forCase': ({ requestId }) => (requestId === REQUEST ? finance : { invoices: [], refunds: [] }) }),
  );
  const queryClient = queryClientForTests();
  await queryClient.prefetchQuery({ queryKey: ['refunds.forCase', REQUEST], queryFn: () => client.call('refunds.forCase', { requestId: REQUEST }) });
  return renderForTest(<FinancePanel requestId={REQUEST} attachments={[]} />, { client, queryClient, user: who, lang });
}

const en = (key: MessageKey) => (MESSAGES[key] as { en: string }).en;
/** The buttons of the panel, by label, and whether each can be pressed. */
const buttons = (html: string) =>
  new Map(
    [...html.matchAll(/<button([^>]*)>([\s\S]*?)<\/button>/g)].map(
      (m) => [m[2]!.replace(/<[^>]+>/g, '').trim(), !/\sdisabled=""/.test(m[1]!)] as const,
    ),
  );

describe('the payments tab', () => {
  it('says when no invoice was issued yet', async () => {
    expect(await render({ invoices: [], refunds: [] }, officer)).toContain(en('noInvoice'));
  });

  it('an unpaid invoice: its state for everyone; a bank transfer is recorded by finance only; nothing to refund', async () => {
    const unpaid = { invoices: [invoice('unpaid', 0)], refunds: [] };
    const forOfficer = await render(unpaid, officer);
    expect(forOfficer).toContain('INV-2026-000003');
    expect(forOfficer).toContain(en('invoice_unpaid'));
    expect(forOfficer).toContain(en('finRecordTransfer'));
    expect(forOfficer).not.toContain(en('computeRefund'));
    const forReviewer = await render(unpaid, reviewer);
    expect(forReviewer).toContain(en('invoice_unpaid'));
    expect(forReviewer).not.toContain(en('finRecordTransfer'));
    expect(buttons(forReviewer).has(en('requestRefund'))).toBe(false);
  });

  it('money received: a reviewer asks for a refund, an officer computes it, a card clerk (who may not ask) sees neither', async () => {
    const paid = { invoices: [invoice('paid', 500)], refunds: [] };
    const forReviewer = buttons(await render(paid, reviewer));
    expect(forReviewer.get(en('requestRefund'))).toBe(true);
    expect(forReviewer.has(en('computeRefund'))).toBe(false);

    const forOfficer = await render(paid, officer);
    expect(forOfficer).not.toContain(en('finRecordTransfer'));
    expect(buttons(forOfficer).has(en('requestRefund'))).toBe(false);
    expect(buttons(forOfficer).get(en('computeRefund'))).toBe(true);

    const forClerk = buttons(await render(paid, clerk));
    expect(forClerk.has(en('requestRefund'))).toBe(false);
    expect(forClerk.has(en('computeRefund'))).toBe(false);
  });

  it('an asked refund is not asked again; finance computes it', async () => {
    const asked = { invoices: [invoice('paid', 500)], refunds: [refund('requested', null)] };
    expect(buttons(await render(asked, reviewer)).has(en('requestRefund'))).toBe(false);
    expect(buttons(await render(asked, officer)).get(en('computeRefund'))).toBe(true);
  });

  it('a computed refund is approved by another officer than its maker (four eyes), and may be recomputed', async () => {
    const computed = { invoices: [invoice('paid', 500)], refunds: [refund('computed', officer.id)] };
    const maker = buttons(await render(computed, officer));
    expect(maker.get(en('approveRefundOther'))).toBe(false);
    expect(maker.has(en('approveRefund'))).toBe(false);
    expect(maker.get(en('refundRecompute'))).toBe(true);
    const checker = buttons(await render(computed, secondOfficer));
    expect(checker.get(en('approveRefund'))).toBe(true);
    const forReviewer = await render(computed, reviewer);
    expect(forReviewer).toContain(en('refund_computed'));
    expect(buttons(forReviewer).size).toBe(0);
  });

  it('an approved refund waits for its payout, recorded by finance; settled, nothing is computed again', async () => {
    const approved = { invoices: [invoice('paid', 500)], refunds: [refund('approved', officer.id)] };
    const forOfficer = await render(approved, officer);
    expect(forOfficer).toContain(en('refund_approved'));
    // Pressed once the payout's reference is typed.
    expect(buttons(forOfficer).get(en('recordPayout'))).toBe(false);
    expect(buttons(forOfficer).has(en('computeRefund'))).toBe(false);
    expect(buttons(await render(approved, reviewer)).size).toBe(0);

    const paidOut = { invoices: [invoice('paid', 500)], refunds: [refund('paid', officer.id)] };
    expect(buttons(await render(paidOut, officer)).size).toBe(0);
  });

  it('speaks Arabic', async () => {
    const ar = await render({ invoices: [invoice('paid', 500)], refunds: [] }, reviewer, 'ar');
    expect(ar).toContain((MESSAGES.invoice_paid as { ar: string }).ar);
    expect(buttons(ar).get((MESSAGES.requestRefund as { ar: string }).ar)).toBe(true);
  });
});
