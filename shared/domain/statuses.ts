/** Request statuses (domain.md "The life of a request"). */
export const STATUSES = [
  'submitted',
  'in_review',
  'returned',
  'resubmitted',
  'awaiting_second_signature',
  'approved',
  'awaiting_payment',
  'ready_to_print',
  'printed',
  'delivered',
  'document_issued',
  /** INQUIRY: answered to the applicant and closed (domain.md: it ends with a reply). */
  'answered',
  'rejected',
  'withdrawn',
] as const;
export type Status = (typeof STATUSES)[number];

/** No transition leaves these. */
export const FINAL_STATUSES: readonly Status[] = ['delivered', 'document_issued', 'answered', 'rejected', 'withdrawn'];

export const QUEUES = [
  'new',
  'mine',
  'resubmitted',
  'awaiting_applicant',
  'awaiting_second_signature',
  'awaiting_payment',
  'ready_to_print',
  'refunds',
  'all',
] as const;
export type QueueId = (typeof QUEUES)[number];

export const ROLES = ['reviewer', 'approver', 'finance', 'card_clerk', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { ar: string; en: string }> = {
  reviewer: { ar: 'مراجع', en: 'Reviewer' },
  approver: { ar: 'معتمد', en: 'Approver' },
  finance: { ar: 'المالية', en: 'Finance officer' },
  card_clerk: { ar: 'الطباعة والتسليم', en: 'Card clerk' },
  admin: { ar: 'مشرف النظام', en: 'Administrator' },
};

export const NOTE_KINDS = ['internal', 'to_applicant'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

export const REJECTION_REASONS = [
  'ineligible',
  'documents_invalid',
  'qualification_not_recognised',
  'duplicate',
  'no_response',
  'unpaid',
  'other',
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];
/** Reasons only the desk itself gives (the sweeps), never offered to a reviewer. */
export const AUTOMATIC_REJECTION_REASONS: readonly RejectionReason[] = ['no_response', 'unpaid'];
