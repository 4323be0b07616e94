/** What every eligibility rule is, and the small helpers the rule groups share. */
import { CARD_SERVICES, type Bilingual, type Service } from '../../../../shared/domain';
import { TERMS } from '../../../../shared/domain/terms';
import type { Policy } from '../../../../shared/domain/policy';
import type { AttachmentFact, RequestFacts, RuleResult } from '../types';

export type RuleOutcome = Omit<RuleResult, 'rule' | 'source' | 'sourceLabel'>;

/** One row of domain.md's table: its id, where the handbook states it, which services it judges, and the judgement. */
export type Rule = {
  id: string;
  source: string;
  appliesTo: (s: Service) => boolean;
  run: (f: RequestFacts, ctx: Ctx) => RuleOutcome;
};

export interface Ctx {
  policy: Policy;
  /** The submission's calendar date in Riyadh. */
  submitted: string;
}

/** Services applied for from outside the Kingdom: no iqama nor Saudi mobile is asked of them. */
export const OUTSIDE_KSA: readonly Service[] = ['CLASSIFICATION_OUTSIDE', 'ELIGIBILITY_NUMBER'];
export const isCard = (s: Service) => CARD_SERVICES.includes(s);
export const kindName = (kind: string): Bilingual =>
  (TERMS.attachment_kinds as Record<string, { ar: string; en: string }>)[kind] ?? { ar: kind, en: kind };

export const ids = (atts: AttachmentFact[]) => atts.flatMap((a) => (a.id === undefined ? [] : [a.id]));
export const ofKind = (f: RequestFacts, kind: string) => f.attachments.filter((a) => a.kind === kind);

export function missingAttachment(kind: string, facts: Record<string, unknown> = {}): RuleOutcome {
  const k = kindName(kind);
  return {
    outcome: 'fail',
    facts: { ...facts, attachment: kind, present: false },
    explanation: { ar: `لا يوجد مرفق: ${k.ar}`, en: `No ${k.en.toLowerCase()} is attached` },
    applicantMessage: { ar: `يرجى إرفاق ${k.ar}.`, en: `Please attach the ${k.en.toLowerCase()}.` },
  };
}

export function attachmentRequired(kind: string): Rule['run'] {
  return (f) => {
    const found = ofKind(f, kind);
    if (found.length === 0) return missingAttachment(kind);
    const k = kindName(kind);
    return {
      outcome: 'pass',
      facts: { attachment: kind, present: true },
      attachmentIds: ids(found),
      explanation: { ar: `مرفق: ${k.ar}`, en: `${k.en} is attached` },
    };
  };
}
