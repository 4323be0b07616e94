/**
 * The request life cycle of domain.md as one state machine. Pure: which action
 * may move a request from which status, and where it lands.
 */
import type { Service, Status } from '../../../shared/domain';
import { FINAL_STATUSES, isCardService, isDocumentService } from '../../../shared/domain';
import { DeskFault } from '../errors';

export const ACTIONS = [
  'claim',
  'release',
  'return_to_applicant',
  'resubmit',
  'expire_return',
  'approve',
  'countersign',
  'send_back',
  'request_payment',
  'record_payment',
  'no_fee',
  'expire_invoice',
  'answer',
  'issue_document',
  'print_card',
  'record_delivery',
  'reject',
  'withdraw',
  'reassign',
  'reroute',
] as const;
export type CaseAction = (typeof ACTIONS)[number];

/** What the target may depend on besides the current status. */
export interface TransitionFacts {
  service: Service;
  /** Policy marks this service four-eyes: approval needs a second signer. */
  fourEyes: boolean;
  /** For release: the status the request had before it was claimed. */
  claimedFrom?: Status;
}

/** 'same': the action changes who holds the request or its service, not its status. */
type Target = Status | 'same' | ((f: TransitionFacts) => Status);

const NOT_FINAL = (s: Status) => !FINAL_STATUSES.includes(s);

const RULES: Record<CaseAction, { from: (s: Status, f: TransitionFacts) => boolean; to: Target }> = {
  claim: { from: (s) => s === 'submitted' || s === 'resubmitted', to: 'in_review' },
  release: { from: (s) => s === 'in_review', to: (f) => f.claimedFrom ?? 'submitted' },
  return_to_applicant: { from: (s) => s === 'in_review', to: 'returned' },
  resubmit: { from: (s) => s === 'returned', to: 'resubmitted' },
  expire_return: { from: (s) => s === 'returned', to: 'rejected' },
  approve: { from: (s, f) => s === 'in_review' && f.service !== 'INQUIRY', to: (f) => (f.fourEyes ? 'awaiting_second_signature' : 'approved') },
  countersign: { from: (s) => s === 'awaiting_second_signature', to: 'approved' },
  send_back: { from: (s) => s === 'awaiting_second_signature', to: 'in_review' },
  request_payment: { from: (s, f) => s === 'approved' && (isCardService(f.service) || isDocumentService(f.service)), to: 'awaiting_payment' },
  record_payment: {
    from: (s) => s === 'awaiting_payment',
    to: (f) => (isCardService(f.service) ? 'ready_to_print' : 'document_issued'),
  },
  /** Approved with nothing to pay: straight on to printing or the issued document. */
  no_fee: {
    from: (s, f) => s === 'approved' && (isCardService(f.service) || isDocumentService(f.service)),
    to: (f) => (isCardService(f.service) ? 'ready_to_print' : 'document_issued'),
  },
  /** The invoice's due day passed unpaid: rejected for `unpaid` by the sweep. */
  expire_invoice: { from: (s) => s === 'awaiting_payment', to: 'rejected' },
  /** INQUIRY is not decided by approve or reject: it is answered (the note) and closed. */
  answer: { from: (s, f) => s === 'in_review' && f.service === 'INQUIRY', to: 'answered' },
  issue_document: { from: (s, f) => s === 'approved' && isDocumentService(f.service), to: 'document_issued' },
  print_card: { from: (s, f) => s === 'ready_to_print' && isCardService(f.service), to: 'printed' },
  record_delivery: { from: (s) => s === 'printed', to: 'delivered' },
  /** An inquiry is answered and closed, never rejected (domain.md: INQUIRY ends with a reply). */
  reject: { from: (s, f) => (s === 'in_review' && f.service !== 'INQUIRY') || s === 'awaiting_second_signature', to: 'rejected' },
  reassign: { from: (s) => s === 'submitted' || s === 'in_review' || s === 'resubmitted' || s === 'awaiting_second_signature', to: 'same' },
  reroute: { from: (s) => s === 'in_review', to: 'same' },
  withdraw: {
    from: (s) => NOT_FINAL(s) && s !== 'approved' && s !== 'awaiting_payment' && s !== 'ready_to_print' && s !== 'printed',
    to: 'withdrawn',
  },
};

export function canTransition(action: CaseAction, from: Status, facts: TransitionFacts): boolean {
  return RULES[action].from(from, facts);
}

/** The refusal of `action` from `from`, naming both; thrown by nextStatus and by the allowed actions' rules (allowed-actions.ts). */
export function mustTransition(action: CaseAction, from: Status, facts: TransitionFacts): void {
  if (!canTransition(action, from, facts)) {
    throw new DeskFault(
      'invalid_transition',
      `"${action}" is not allowed for a ${facts.service} request in status "${from}"`,
      `الإجراء "${action}" غير مسموح لطلب في الحالة "${from}"`,
    );
  }
}

/** The status `action` leads to from `from`, or a refusal that names both. */
export function nextStatus(action: CaseAction, from: Status, facts: TransitionFacts): Status {
  mustTransition(action, from, facts);
  const rule = RULES[action];
  return typeof rule.to === 'function' ? rule.to(facts) : rule.to === 'same' ? from : rule.to;
}
