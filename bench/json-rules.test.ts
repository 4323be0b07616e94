import { describe, expect, it } from 'vitest';
import { samplePolicy } from '../electron/core/policy/sample-policy';
import { checkEligibility } from '../electron/core/rules/eligibility';
import { goodRequest } from '../electron/core/rules/testing/good-request';
import type { RequestFacts } from '../electron/core/rules/types';
import { buildJsonRulesEngine, flatFacts, runJsonRules } from './json-rules';

/** The benchmark compares like with like: both engines must reach the same outcomes. */
describe('json-rules-engine version of the rules', () => {
  const policy = samplePolicy();
  const engine = buildJsonRulesEngine();
  const variants: RequestFacts[] = [
    goodRequest(),
    goodRequest({ service: 'REGISTRATION', attachments: [] }),
    goodRequest({ submittedAt: '2025-12-01T10:00:00+03:00' }),
    goodRequest({ submittedAt: '2026-05-01T10:00:00+03:00' }),
    goodRequest({ cpd: { recordedHours: 1, activities: [] } }),
    goodRequest({ questionnaire: [{ id: 'x', answer: true }] }),
    goodRequest({ questionnaire: [{ id: 'x', answer: null }] }),
    goodRequest({ applicant: { ...goodRequest().applicant, mobile: '123', idNumber: '1000000009', birthDate: '1950-01-01' } }),
    goodRequest({ applicant: { ...goodRequest().applicant, nationality: 'EG', idType: 'iqama', idNumber: '2000000006', idExpiry: '2026-01-01' } }),
  ];
  it.each(variants.map((v, i) => [i, v] as const))('variant %i gives the same non-passing outcomes', async (_i, facts) => {
    const ours = new Map(
      checkEligibility(facts, policy)
        .filter((r) => r.outcome !== 'pass' && r.outcome !== 'not_applicable')
        .map((r) => [r.rule, r.outcome]),
    );
    const theirs = await runJsonRules(engine, flatFacts(facts, policy));
    expect(Object.fromEntries(theirs)).toEqual(Object.fromEntries(ours));
  });
});
