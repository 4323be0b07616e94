/**
 * Referrals (issue #17): the holder of a request in review asks a named colleague, or any approver, a
 * question on the case; the answer comes back to the holder's Mine queue.
 */
import type { Service } from './services';
import type { Status } from './statuses';

/**
 * open: waiting for its answer; answered; withdrawn by its asker; closed: the request left review (decided,
 * returned, released) before anyone answered.
 */
export const REFERRAL_STATES = ['open', 'answered', 'withdrawn', 'closed'] as const;
export type ReferralState = (typeof REFERRAL_STATES)[number];

export interface ReferralPerson {
  id: number;
  displayName: string;
}

export interface ReferralView {
  id: number;
  requestId: number;
  question: string;
  askedBy: ReferralPerson;
  askedAt: string;
  /** null: any approver may answer. */
  addressee: ReferralPerson | null;
  state: ReferralState;
  answer: string | null;
  answeredBy: ReferralPerson | null;
  answeredAt: string | null;
  /** Who withdrew it, or whose step closed it (withdrawn, closed). */
  closedBy: ReferralPerson | null;
  closedAt: string | null;
  /** closed: the step that took the request out of review (approve, return_to_applicant, release…). */
  closedReason: string | null;
  /** What the caller may do with it now (the core decides; the screen shows exactly these). */
  mayAnswer: boolean;
  mayWithdraw: boolean;
}

/** A case's referrals, newest first, and whether the caller may ask a question now. */
export interface CaseReferrals {
  referrals: ReferralView[];
  mayAsk: boolean;
}

/** A request waiting for the caller's answer ("Questions for me"). */
export interface QuestionForMe {
  referralId: number;
  requestId: number;
  reference: string;
  service: Service;
  status: Status;
  nameAr: string;
  nameEn: string;
  question: string;
  askedBy: ReferralPerson;
  askedAt: string;
  /** Asked of any approver, not of the caller by name. */
  toAnyApprover: boolean;
}

/** Someone a question can be addressed to: an active reviewer or approver other than the asker. */
export interface ReferralColleague extends ReferralPerson {
  approver: boolean;
}

/** What a queue row says of the request's latest question while it is in review. */
export type ReferralMark = 'open' | 'answered';
