import type { DeskDb } from '../db/connection';
import type { RequestRow } from '../db/schema';
import type { CheckView } from '../../../shared/domain';
import { checkEligibility } from '../rules/eligibility';
import type { PolicyVersion } from '../policy/current-policy';
import { requestFactsFromDb } from './request-facts';
import type { RequestFacts } from '../rules/types';

/** The checks of one request as it stands now, under the policy in force. */
export async function runChecks(db: DeskDb, request: number | RequestRow, pv: PolicyVersion): Promise<CheckView[]> {
  return checksOf(await requestFactsFromDb(db, request), pv);
}

/** The checks of facts already read (a case view reads its rows once: case-rows.ts). */
export function checksOf(facts: RequestFacts, pv: PolicyVersion): CheckView[] {
  const results = checkEligibility(facts, pv.policy);
  return results.map((r) => ({
    rule: r.rule,
    outcome: r.outcome,
    explanation: r.explanation,
    ...(r.applicantMessage ? { applicantMessage: r.applicantMessage } : {}),
    ...(r.attachmentIds?.length ? { attachmentIds: r.attachmentIds } : {}),
    source: r.source,
    sourceLabel: r.sourceLabel,
  }));
}
