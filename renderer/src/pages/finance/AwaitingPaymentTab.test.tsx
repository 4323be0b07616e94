// @vitest-environment happy-dom
// The finance officer's list when more requests wait than the desk sends (FINANCE_LIST_CAP): it says so.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import { FINANCE_LIST_CAP, type AwaitingPaymentRow, type UserInfo } from '../../../../shared/domain';
import { createClient, mockTransport } from '../../api/client';
import { mountAs } from '../../testing/dom';
import { AwaitingPaymentTab } from './AwaitingPaymentTab';

const finance: UserInfo = { id: 7, username: 'fin', displayName: 'Finance', roles: ['finance'] };
const row = (n: number, overdue: boolean): AwaitingPaymentRow => ({
  requestId: n,
  reference: `REQ-2026-${String(n).padStart(6, '0')}`,
  service: 'RENEWAL',
  nameAr: `ممارس ${n}`,
  nameEn: `Practitioner ${n}`,
  invoiceId: n,
  invoiceNumber: `INV-2026-${String(n).padStart(6, '0')}`,
  sadadBillNumber: null,
  totalHalalas: 30_000,
  paidHalalas: 0,
  remainingHalalas: 30_000,
  dueOn: overdue ? '2026-11-01' : '2026-12-20',
  overdue,
  pendingManual: false,
});

function openList(rows: AwaitingPaymentRow[], lang: 'ar' | 'en' = 'en') {
  const client = createClient(mockTransport({ 'payments.awaiting': () => rows }));
  mountAs(<AwaitingPaymentTab />, { client, user: finance, lang });
}

afterEach(() => {
  cleanup();
  sessionStorage.clear();
});

describe('requests awaiting payment', () => {
  it('counts a whole list and its overdue requests', async () => {
    openList([row(1, true), row(2, false), row(3, false)]);
    expect(await screen.findByText('3 requests · overdue: 1')).toBeTruthy();
    expect(screen.queryByText(/At least/)).toBeNull();
  });

  it('says a full list is the first part of at least as many, overdue first, and gives the overdue count only when it is whole', async () => {
    const some = Array.from({ length: FINANCE_LIST_CAP }, (_, i) => row(i + 1, i < 40));
    openList(some);
    const alert = await screen.findByText(/At least 1,000 requests are waiting for payment; the first 1,000 are listed/);
    expect(alert.textContent).toContain('overdue: 40.');
    expect(screen.queryByText(/1,000 requests ·/)).toBeNull();
    cleanup();
    // All of the first thousand overdue: how many more are overdue is unknown, so no number is given.
    openList(
      Array.from({ length: FINANCE_LIST_CAP }, (_, i) => row(i + 1, true)),
      'ar',
    );
    const ar = await screen.findByText(/^1,000 طلب أو أكثر بانتظار السداد؛ تعرض أول 1,000، المتأخرة أولًا/);
    expect(ar.textContent).not.toMatch(/متأخر السداد:/);
  });
});
