import { describe, expect, it } from 'vitest';
import type { CaseActionKind, CaseDetail, UserInfo } from '../../../shared/domain';
import { createClient, mockTransport } from '../api/client';
import { queryClientForTests, renderForTest } from '../testing/render-for-test';
import { DecisionBar } from './DecisionBar';

const approver: UserInfo = { id: 4, username: 'appr', displayName: 'Approver', roles: ['approver', 'reviewer'] };

/** The few fields the bar reads; `actions` is what the desk allows this user (core/cases/allowed-actions.ts). */
const request = (status: CaseDetail['status'], actions: CaseActionKind[]) =>
  ({ id: 9, reference: 'REQ-2026-000009', service: 'RENEWAL', status, version: 3, checks: [], actions }) as unknown as CaseDetail;

const financeOfficer: UserInfo = { id: 5, username: 'fin', displayName: 'Finance', roles: ['finance'] };

const render = (c: CaseDetail, lang: 'ar' | 'en' = 'en', user: UserInfo = approver) =>
  renderForTest(<DecisionBar c={c} />, { client: createClient(mockTransport({})), queryClient: queryClientForTests(), user, lang });

/** The labels of the buttons in the rendered bar. */
const buttons = (html: string) => [...html.matchAll(/<button[^>]*>([\s\S]*?)<\/button>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, '').trim());

describe('the decision bar follows the actions the desk sends', () => {
  it('shows exactly the listed actions, whatever the status and the roles', () => {
    // An approver on a request they signed first: no second signature offered, only a rejection and reassignment.
    const second = buttons(render(request('awaiting_second_signature', ['reject', 'reassign', 'note_internal'])));
    expect(second).toContain('Reject');
    expect(second).toContain('Reassign');
    expect(second).not.toContain('Second signature');
    expect(second).not.toContain('Approve');

    const holder = buttons(render(request('in_review', ['approve', 'return', 'reject', 'reroute', 'release'])));
    expect(holder).toEqual(expect.arrayContaining(['Approve', 'Return to applicant', 'Reject', 'Re-route to another service', 'Release']));
    expect(holder).not.toContain('Claim');
  });

  it('nothing listed, no action button (a closed request, or one held by another)', () => {
    const none = buttons(render(request('in_review', ['note_internal'])));
    expect(none.filter((b) => !/Next request/.test(b))).toEqual([]);
    // The "open the next request" setting goes with decisions only.
    expect(render(request('in_review', []))).not.toContain('After a decision, open the next request');
    expect(render(request('in_review', ['return']))).toContain('After a decision, open the next request');
  });

  it('"next request" from New claims one: offered to those the desk lets claim (cases.claimNext), not to finance', () => {
    // No queue remembered in this tab: the user came by address, and New is the queue "next" works in.
    expect(buttons(render(request('in_review', []))).some((b) => b.startsWith('Next request'))).toBe(true);
    expect(buttons(render(request('in_review', []), 'en', financeOfficer))).toEqual([]);
  });

  it('speaks Arabic', () => {
    const ar = render(request('submitted', ['claim']), 'ar');
    expect(buttons(ar)).toContain('استلام الطلب');
  });
});
