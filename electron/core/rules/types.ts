import type { FeeKind } from '../../../shared/domain/refunds';
export type { FeeKind, RefundLine, RefundDenial, RefundResult } from '../../../shared/domain/refunds';

/** The rule engine's inputs and outputs (domain.md "Checks" and "Refunds", rules.md). Plain data only. */
import type { Bilingual, Service } from '../../../shared/domain';
import type { Outcome } from '../../../shared/domain/rules';

export interface AttachmentFact {
  /** The stored attachment's id, so the Checks panel can open what a rule looked at. */
  id?: number;
  kind: string;
  issuedAt?: string | null;
  certified?: boolean | null;
}

/** What the eligibility checks read about one request. */
export interface RequestFacts {
  service: Service;
  /** ISO date-time; the calendar date in Asia/Riyadh is what counts. */
  submittedAt: string;
  applicant: {
    nationality: string;
    idType: 'national_id' | 'iqama' | 'passport';
    idNumber: string;
    idExpiry: string | null;
    birthDate: string;
    email: string;
    mobile: string;
    category: string;
    card: { number: string; issuedAt: string; expiresAt: string } | null;
  };
  employer: { type: string | null; facility: string | null };
  internshipCompleted: boolean | null;
  questionnaire: Array<{ id: string; answer: boolean | null }>;
  /** `refused`: refused in a CPD audit (cpd/decide-activity.ts), so not recognised. */
  cpd: { recordedHours: number; activities: Array<{ hours: number; refused?: boolean }> };
  attachments: AttachmentFact[];
}

export interface RuleResult {
  rule: string;
  outcome: Outcome;
  /** The facts the rule used, as it saw them. */
  facts: Record<string, unknown>;
  explanation: Bilingual;
  /** What to tell the applicant when the rule fails (pre-fills a return). */
  applicantMessage?: Bilingual;
  /** Attachments the rule looked at. */
  attachmentIds?: number[];
  /** The seed article(s) the rule comes from. */
  source: string;
  /** The source worded in both languages (rules/sources.ts). */
  sourceLabel: Bilingual;
}

export interface RefundFacts {
  service: Service;
  submittedAt: string;
  requestedAt: string;
  studied: boolean;
  evaluationSessionHeld: boolean;
  rejectedForNoResponse: boolean;
  invoice: { id: string; lines: Array<{ kind: FeeKind; amount: number }> };
  payments: Array<{ id: string; amount: number; paidAt: string }>;
  grounds: RefundGround[];
}

export type RefundGround =
  | { kind: 'directed_in_writing'; proof: boolean }
  | { kind: 'wrong_path'; by: 'staff' | 'system' }
  | { kind: 'late_fee_prior_attempts'; proof: boolean }
  | { kind: 'exempt_category'; category: string };
