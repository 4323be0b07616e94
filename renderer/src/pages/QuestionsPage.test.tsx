// @vitest-environment happy-dom
// In a DOM (happy-dom): the list's keys pressed as an approver would.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor } from '@testing-library/react';
import type { QuestionForMe, UserInfo } from '../../../shared/domain';
import { createClient, mockTransport } from '../api/client';
import { mountAs } from '../testing/dom';
import { QuestionsPage } from './QuestionsPage';

const approver: UserInfo = { id: 4, username: 'appr', displayName: 'Approver', roles: ['approver'] };
const question = (referralId: number, requestId: number): QuestionForMe => ({
  referralId,
  requestId,
  reference: `REQ-2026-0000${requestId}`,
  service: 'RENEWAL',
  status: 'in_review',
  nameAr: `ممارس ${requestId}`,
  nameEn: `Practitioner ${requestId}`,
  question: `Is the letter of request ${requestId} genuine?`,
  askedBy: { id: 2, displayName: 'Reviewer One' },
  askedAt: '2026-11-30T08:00:00Z',
  toAnyApprover: false,
});

function openQuestions(questions: QuestionForMe[]) {
  const client = createClient(mockTransport({ 'referrals.forMe': () => questions }));
  return mountAs(<QuestionsPage />, { client, user: approver });
}

/** The reference on the row under the cursor. */
const cursorRow = () =>
  screen
    .getAllByRole('row')
    .find((r) => r.getAttribute('aria-selected') === 'true')
    ?.querySelector('a')?.textContent;

afterEach(() => {
  cleanup();
  sessionStorage.clear();
  window.location.hash = '';
});

describe('Questions for me, by keyboard', () => {
  it('j and k (or the arrows) move between the questions, within the list; Enter opens the request', async () => {
    const user = openQuestions([question(1, 11), question(2, 12), question(3, 13)]);
    await waitFor(() => expect(cursorRow()).toBe('REQ-2026-000011'));
    await user.keyboard('j');
    expect(cursorRow()).toBe('REQ-2026-000012');
    await user.keyboard('{ArrowDown}j');
    // The last question holds the cursor.
    expect(cursorRow()).toBe('REQ-2026-000013');
    await user.keyboard('k{ArrowUp}');
    expect(cursorRow()).toBe('REQ-2026-000011');
    await user.keyboard('j{Enter}');
    expect(window.location.hash).toBe('#/case/12');
  });

  it('a key held with Ctrl is the browser’s, and with no question Enter opens nothing', async () => {
    const user = openQuestions([question(1, 11), question(2, 12)]);
    await waitFor(() => expect(cursorRow()).toBe('REQ-2026-000011'));
    await user.keyboard('{Control>}j{/Control}');
    expect(cursorRow()).toBe('REQ-2026-000011');
    cleanup();

    const none = openQuestions([]);
    await screen.findByText('No questions are waiting for your answer.');
    await none.keyboard('{Enter}');
    expect(window.location.hash).toBe('');
  });
});
