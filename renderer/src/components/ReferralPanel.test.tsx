// @vitest-environment happy-dom
// In a DOM (happy-dom): the holder's key q, and the question sent over the mock transport.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor } from '@testing-library/react';
import type { ArgsOf } from '../../../shared/contract';
import type { CaseActionKind, CaseDetail, ReferralView, UserInfo } from '../../../shared/domain';
import { createClient, mockTransport } from '../api/client';
import { mountAs } from '../testing/dom';
import { ReferralPanel } from './ReferralPanel';

const holder: UserInfo = { id: 2, username: 'reviewer1', displayName: 'Reviewer One', roles: ['reviewer'] };
/** The few fields the panel reads; `actions` is what the desk allows this user (core/cases/allowed-actions.ts). */
const request = (actions: CaseActionKind[]) =>
  ({ id: 9, reference: 'REQ-2026-000009', status: 'in_review', version: 3, actions }) as unknown as CaseDetail;

/** A question answered before: the panel shows it (folded) whether or not another may be asked. */
const earlier: ReferralView = {
  id: 1,
  requestId: 9,
  question: 'Is the employer letter signed?',
  askedBy: { id: 2, displayName: 'Reviewer One' },
  askedAt: '2026-11-20T08:00:00Z',
  addressee: null,
  state: 'closed',
  answer: 'Yes.',
  answeredBy: { id: 4, displayName: 'Approver' },
  answeredAt: '2026-11-21T08:00:00Z',
  closedBy: null,
  closedAt: null,
  closedReason: null,
  mayAnswer: false,
  mayWithdraw: false,
};

function openPanel(c: CaseDetail) {
  const asked: Array<ArgsOf<'referrals.ask'>> = [];
  const client = createClient(
    mockTransport({
      'referrals.forCase': () => ({ referrals: [earlier], mayAsk: c.actions.includes('refer') }),
      'referrals.colleagues': () => [{ id: 4, displayName: 'Approver', approver: true }],
      'referrals.ask': (args) => {
        asked.push(args);
        return { referrals: [], mayAsk: false };
      },
    }),
  );
  const user = mountAs(<ReferralPanel c={c} />, { client, user: holder });
  return { asked, user };
}

const askDialog = () => screen.queryByRole('dialog', { name: 'Refer REQ-2026-000009 to a colleague with a question' });

// Mantine's autosizing text box listens for web fonts loading; happy-dom has no document.fonts.
beforeAll(() => {
  Object.defineProperty(document, 'fonts', { value: new EventTarget(), configurable: true });
});

afterEach(() => {
  cleanup();
  sessionStorage.clear();
});

describe('the referral panel', () => {
  it('q opens "Refer with a question" for the holder; a q typed into the question stays in it; Ctrl+Enter sends', async () => {
    const { asked, user } = openPanel(request(['refer', 'approve']));
    await screen.findByRole('button', { name: 'Refer with a question' });
    await user.keyboard('q');
    await waitFor(() => expect(askDialog()).not.toBeNull());
    await user.click(screen.getByRole('textbox', { name: 'Question' }));
    await user.keyboard('quick question?');
    expect(screen.getByRole('textbox', { name: 'Question' })).toHaveProperty('value', 'quick question?');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(asked).toEqual([{ requestId: 9, addressee: 'any_approver', question: 'quick question?' }]));
  });

  it('q does nothing where the desk does not let the user ask', async () => {
    const { user } = openPanel(request(['approve']));
    await screen.findByRole('button', { name: 'Earlier questions on this request (1)' });
    expect(screen.queryByRole('button', { name: 'Refer with a question' })).toBeNull();
    await user.keyboard('q');
    expect(askDialog()).toBeNull();
  });
});
