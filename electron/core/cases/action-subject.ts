/**
 * The words of allowed-actions.ts's rules, apart from the rules: the request as they judge it, who is asking, and
 * the shape of a rule. The referral rules (referral-rules.ts) are written in them too, and allowed-actions.ts lists
 * those rules, so the words live here rather than in either.
 */
import type { Service, Status, UserInfo } from '../../../shared/domain';

/** The request as the rules judge it, with the few facts some rules need besides its row. */
export interface ActionSubject {
  id: number;
  reference: string;
  status: Status;
  service: Service;
  assigneeId: number | null;
  /** Rules of the eligibility checks failing now (approve). */
  failedChecks: readonly string[];
  /** The approver offers an override of the failed checks (approve); the case view asks "could they, by overriding". */
  overrideOffered: boolean;
  /** Rules failing now that the first approval did not override (countersign; decisions.ts judges them again in its transaction). */
  unoverriddenChecks: readonly string[];
  /** Who signed first, for the second signature (countersign). */
  firstSignerId: number | null;
  /** The first signer created this user, gave them a role or reset their password (countersign, auth/four-eyes.ts). */
  sponsoredByFirstSigner: boolean;
  /** The request's open question, if any (refer, answer_referral, withdraw_referral; cases/referral-facts.ts). */
  openReferral: OpenReferralFact | null;
}

/** Who asked the open question and of whom (null: any approver). */
export interface OpenReferralFact {
  askedBy: number;
  addresseeId: number | null;
}

/** Who is asking: the rules read only their id and roles. */
export type ActionUser = Pick<UserInfo, 'id' | 'roles'>;

export type Rule = (s: ActionSubject, user: ActionUser) => void;
