import { describe, expect, it } from 'vitest';
import { STATUSES, type Service, type Status } from '../../../shared/domain';
import { ACTIONS, canTransition, nextStatus, type CaseAction } from './lifecycle';
import { DeskFault } from '../errors';

/** Every allowed (action, from) → to of domain.md's graph, for a card service and a letter. */
const ALLOWED: Array<[CaseAction, Status, Status, Service?, boolean?]> = [
  ['claim', 'submitted', 'in_review'],
  ['claim', 'resubmitted', 'in_review'],
  ['release', 'in_review', 'submitted'],
  ['return_to_applicant', 'in_review', 'returned'],
  ['resubmit', 'returned', 'resubmitted'],
  ['expire_return', 'returned', 'rejected'],
  ['approve', 'in_review', 'approved'],
  ['approve', 'in_review', 'awaiting_second_signature', 'RENEWAL', true],
  ['countersign', 'awaiting_second_signature', 'approved'],
  ['send_back', 'awaiting_second_signature', 'in_review'],
  ['request_payment', 'approved', 'awaiting_payment'],
  ['record_payment', 'awaiting_payment', 'ready_to_print'],
  ['record_payment', 'awaiting_payment', 'document_issued', 'GOOD_STANDING'],
  ['request_payment', 'approved', 'awaiting_payment', 'GOOD_STANDING'],
  ['issue_document', 'approved', 'document_issued', 'TRAINING_LETTER'],
  ['no_fee', 'approved', 'ready_to_print'],
  ['no_fee', 'approved', 'document_issued', 'GOOD_STANDING'],
  ['expire_invoice', 'awaiting_payment', 'rejected'],
  ['answer', 'in_review', 'answered', 'INQUIRY'],
  ['print_card', 'ready_to_print', 'printed'],
  ['record_delivery', 'printed', 'delivered'],
  ['reject', 'in_review', 'rejected'],
  ['reject', 'awaiting_second_signature', 'rejected'],
  ['withdraw', 'submitted', 'withdrawn'],
  ['withdraw', 'in_review', 'withdrawn'],
  ['withdraw', 'returned', 'withdrawn'],
  ['withdraw', 'resubmitted', 'withdrawn'],
  ['withdraw', 'awaiting_second_signature', 'withdrawn'],
  ['reassign', 'submitted', 'submitted'],
  ['reassign', 'in_review', 'in_review'],
  ['reassign', 'resubmitted', 'resubmitted'],
  ['reassign', 'awaiting_second_signature', 'awaiting_second_signature'],
  ['reroute', 'in_review', 'in_review'],
];

describe('the request life cycle', () => {
  it.each(ALLOWED)('%s from %s goes to %s', (action, from, to, service = 'RENEWAL', fourEyes = false) => {
    expect(nextStatus(action, from, { service, fourEyes })).toBe(to);
  });

  it('release returns a resubmission to the resubmitted queue', () => {
    expect(nextStatus('release', 'in_review', { service: 'RENEWAL', fourEyes: false, claimedFrom: 'resubmitted' })).toBe('resubmitted');
  });

  it('refuses every other (action, status) pair with a clear error', () => {
    const allowed = new Set(ALLOWED.filter(([, , , s]) => !s || s === 'RENEWAL').map(([a, f]) => `${a}:${f}`));
    let refused = 0;
    for (const action of ACTIONS) {
      for (const from of STATUSES) {
        if (allowed.has(`${action}:${from}`)) continue;
        // issue_document is not a card service's action; checked separately below.
        const facts = { service: 'RENEWAL' as Service, fourEyes: false };
        expect(canTransition(action, from, facts), `${action} from ${from}`).toBe(false);
        try {
          nextStatus(action, from, facts);
          expect.unreachable();
        } catch (e) {
          expect(e).toBeInstanceOf(DeskFault);
          expect((e as DeskFault).code).toBe('invalid_transition');
          expect((e as DeskFault).message).toContain(from);
        }
        refused += 1;
      }
    }
    expect(refused).toBeGreaterThan(150);
  });

  it('letters are never printed and cards are never issued as documents', () => {
    expect(canTransition('print_card', 'ready_to_print', { service: 'TRAINING_LETTER', fourEyes: false })).toBe(false);
    expect(canTransition('issue_document', 'approved', { service: 'RENEWAL', fourEyes: false })).toBe(false);
    expect(canTransition('request_payment', 'approved', { service: 'INQUIRY', fourEyes: false })).toBe(false);
    // An inquiry is answered, never approved or rejected; nothing else is answered.
    expect(canTransition('approve', 'in_review', { service: 'INQUIRY', fourEyes: false })).toBe(false);
    expect(canTransition('reject', 'in_review', { service: 'INQUIRY', fourEyes: false })).toBe(false);
    expect(canTransition('answer', 'in_review', { service: 'GOOD_STANDING', fourEyes: false })).toBe(false);
    expect(canTransition('no_fee', 'approved', { service: 'DATA_UPDATE', fourEyes: false })).toBe(false);
  });

  it('nothing leaves a final status', () => {
    for (const from of ['delivered', 'document_issued', 'answered', 'rejected', 'withdrawn'] as Status[]) {
      for (const action of ACTIONS) expect(canTransition(action, from, { service: 'GOOD_STANDING', fourEyes: false })).toBe(false);
    }
  });
});
