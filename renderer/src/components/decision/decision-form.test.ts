import { describe, expect, it } from 'vitest';
import type { MethodName } from '../../../../shared/contract';
import type { CaseDetail } from '../../../../shared/domain';
import { createClient, mockTransport } from '../../api/client';
import { decisionCall, isDecision, mayConfirm, type DecisionForm } from './decision-form';

/** A form as the user left it; the setters are not used here. */
const form = (values: Partial<DecisionForm> = {}): DecisionForm =>
  ({
    reason: 'ineligible',
    reasonText: '',
    message: '',
    justification: '',
    answerText: '',
    service: null,
    assigneeId: null,
    ...values,
  }) as DecisionForm;

/** A desk that records each call and answers with the request. */
function desk() {
  const calls: Array<[MethodName, unknown]> = [];
  const answer = (name: MethodName) => (args: unknown) => {
    calls.push([name, args]);
    return { id: 9 } as CaseDetail;
  };
  const names = ['cases.reroute', 'cases.reassign', 'cases.returnToApplicant', 'cases.approve', 'cases.answer', 'cases.reject'] as const;
  const client = createClient(mockTransport(Object.fromEntries(names.map((n) => [n, answer(n)]))));
  return { client, calls };
}
const request = { id: 9, version: 4 };

describe('the confirmation of a decision', () => {
  it('asks for what each decision needs before it can be sent', () => {
    expect(mayConfirm('return', form(), 0)).toBe(true);
    expect(mayConfirm('reject', form({ reasonText: '   ' }), 0)).toBe(false);
    expect(mayConfirm('reject', form({ reasonText: 'Not a registered profession' }), 0)).toBe(true);
    expect(mayConfirm('answer', form(), 0)).toBe(false);
    expect(mayConfirm('reroute', form({ service: 'RENEWAL' }), 0)).toBe(true);
    expect(mayConfirm('reassign', form({ assigneeId: '0' }), 0)).toBe(true);
    // An approval over failed checks is an override: ten letters of reason at least.
    expect(mayConfirm('approve', form(), 0)).toBe(true);
    expect(mayConfirm('approve', form({ justification: 'too short' }), 2)).toBe(false);
    expect(mayConfirm('approve', form({ justification: 'Letter verified by phone' }), 2)).toBe(true);
  });

  it('sends the call with the request’s version and only what was written', async () => {
    const d = desk();
    await decisionCall(d.client, 'return', form(), request, 0);
    await decisionCall(d.client, 'return', form({ message: 'Please attach the letter' }), request, 0);
    await decisionCall(d.client, 'approve', form({ justification: 'ignored without failed checks' }), request, 0);
    await decisionCall(d.client, 'approve', form({ justification: 'Letter verified by phone' }), request, 1);
    await decisionCall(d.client, 'reassign', form({ assigneeId: '0' }), request, 0);
    await decisionCall(d.client, 'reassign', form({ assigneeId: '12' }), request, 0);
    await decisionCall(d.client, 'reject', form({ reason: 'documents_invalid', reasonText: 'No licence' }), request, 0);
    expect(d.calls).toEqual([
      ['cases.returnToApplicant', { id: 9, version: 4 }],
      ['cases.returnToApplicant', { id: 9, version: 4, message: 'Please attach the letter' }],
      ['cases.approve', { id: 9, version: 4 }],
      ['cases.approve', { id: 9, version: 4, override: { justification: 'Letter verified by phone' } }],
      ['cases.reassign', { id: 9, version: 4, assigneeId: null }],
      ['cases.reassign', { id: 9, version: 4, assigneeId: 12 }],
      ['cases.reject', { id: 9, version: 4, reason: 'documents_invalid', text: 'No licence' }],
    ]);
  });

  it('decisions are followed by the next request; a re-route or a reassignment is not', () => {
    expect(['return', 'approve', 'answer', 'reject'].every((k) => isDecision(k as 'return'))).toBe(true);
    expect(isDecision('reroute') || isDecision('reassign')).toBe(false);
  });
});
