import { ruleTitle, TERMS, type Bilingual } from '../../../shared/domain';
import type { Lang } from './locale';

/** Sentences the desk itself once wrote as a step's reason (the sweep, cases/sweep.ts), by the code they stand for. */
const SYSTEM_SENTENCES: Record<string, string> = {
  'no resubmission within the response window': 'no_response',
};

const OVERRIDE: Bilingual = { ar: 'تجاوز الشروط غير المستوفاة: {rules}', en: 'Failed checks overridden: {rules}' };

/**
 * A step's reason as a reader reads it. The history keeps either the words typed or a code: a
 * rejection reason ("documents_invalid") or an approver's override ("override:CONTACT,PHOTO").
 * Codes are worded from terms.json and the rule titles; typed words are shown as typed.
 */
export function historyReason(reason: string, lang: Lang): string {
  const reasons = TERMS.rejection_reasons as Record<string, Bilingual>;
  const code = SYSTEM_SENTENCES[reason] ?? reason;
  if (Object.prototype.hasOwnProperty.call(reasons, code)) return reasons[code]![lang];
  const override = /^override:([A-Z0-9,-]*)$/.exec(reason);
  if (override) {
    const rules = override[1]!
      .split(',')
      .filter(Boolean)
      .map((r) => ruleTitle(r)[lang]);
    return OVERRIDE[lang].replace('{rules}', rules.join(lang === 'ar' ? '، ' : ', '));
  }
  return reason;
}
