/** Outcomes of the eligibility checks (domain.md). */
export const OUTCOMES = ['pass', 'fail', 'warn', 'needs_review', 'not_applicable'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** One check's result as the renderer shows it. */
export interface CheckView {
  rule: string;
  outcome: Outcome;
  explanation: { ar: string; en: string };
  applicantMessage?: { ar: string; en: string };
  attachmentIds?: number[];
  /** The seed article(s) or decision the rule comes from, as the handbook names it (English). */
  source: string;
  /** The same source in both languages: show sourceLabel.ar on the Arabic screen. */
  sourceLabel: { ar: string; en: string };
}

/** A failed check an approver overrode in the request's latest approval: who, when and the written justification. */
export interface CheckOverride {
  rule: string;
  at: string;
  by: { id: number; displayName: string } | null;
  justification: string;
}
