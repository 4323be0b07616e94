import { describe, expect, it } from 'vitest';
import { samplePolicy } from '../policy/sample-policy';
import { checkEligibility } from './eligibility';
import { goodRequest } from './testing/good-request';
import { sourceLabel } from './sources';

describe('where a rule comes from, in both languages', () => {
  it('a decision is worded in Arabic; seed articles keep their numbers with the Arabic comma', () => {
    expect(sourceLabel('Decision (standard Saudi ID format)')).toEqual({
      ar: 'قرار (الصيغة المعتمدة لرقم الهوية)',
      en: 'Decision (standard Saudi ID format)',
    });
    expect(sourceLabel('002, 004')).toEqual({ ar: '002، 004', en: '002, 004' });
    expect(sourceLabel('003')).toEqual({ ar: '003', en: '003' });
  });

  it('every rule, applying or not, carries its source with no English in the Arabic form', () => {
    for (const service of ['RENEWAL', 'GOOD_STANDING', 'CLASSIFICATION_OUTSIDE'] as const) {
      for (const r of checkEligibility(goodRequest({ service }), samplePolicy())) {
        expect(r.sourceLabel.en, r.rule).toBe(r.source);
        expect(r.sourceLabel.ar, `${r.rule}: ${r.sourceLabel.ar}`).not.toMatch(/[A-Za-z]/);
        expect(r.sourceLabel.ar.length, r.rule).toBeGreaterThan(0);
      }
    }
  });
});
