/**
 * What a user may do to one request now. The desk computes the list (electron/core/cases/allowed-actions.ts)
 * with the same rules its decisions check, and sends it with the case; the screen shows exactly these.
 * A new kind: add it here, then give it its rule in allowed-actions.ts (the record there will not compile without it).
 */
export const CASE_ACTION_KINDS = [
  'claim',
  'release',
  'return',
  'approve',
  'countersign',
  'reject',
  'answer',
  'reroute',
  'reassign',
  'note_internal',
  'note_to_applicant',
  // Referrals (electron/core/cases/referrals.ts): ask a colleague a question, answer it, withdraw it.
  'refer',
  'answer_referral',
  'withdraw_referral',
] as const;
export type CaseActionKind = (typeof CASE_ACTION_KINDS)[number];
