/** The rules together: all of them run, in domain.md's order, each titled and explained in both languages. */
import { describe, expect, it } from 'vitest';
import { RULE_TITLES, ruleTitle } from '../../../../shared/domain';
import { samplePolicy } from '../../policy/sample-policy';
import { checkEligibility, RULE_IDS } from './index';
import { goodRequest } from '../testing/good-request';

const policy = samplePolicy();

describe('checkEligibility', () => {
  it('a complete renewal passes every rule that applies, each explained in both languages with its source', () => {
    const results = checkEligibility(goodRequest(), policy);
    expect(results.map((r) => r.rule)).toEqual(RULE_IDS);
    for (const r of results) {
      expect(['pass', 'not_applicable'], `${r.rule}: ${r.explanation.en}`).toContain(r.outcome);
      expect(r.explanation.ar.length).toBeGreaterThan(3);
      expect(r.explanation.en.length).toBeGreaterThan(3);
      expect(r.source).toBeTruthy();
    }
  });
});

describe('rule titles', () => {
  it('titles every rule the engine runs, in both languages, with no Latin letter in the Arabic', () => {
    expect(RULE_IDS.length).toBeGreaterThan(10);
    for (const id of RULE_IDS) {
      expect(RULE_TITLES[id], id).toBeDefined();
      expect(RULE_TITLES[id]!.en.length, id).toBeGreaterThan(0);
      expect(RULE_TITLES[id]!.ar, id).toMatch(/^[\u0600-\u06FF\s]+$/);
    }
    // A rule a newer engine adds is named "a check", never by its id.
    expect(ruleTitle('SOMETHING-NEW')).toEqual({ ar: 'شرط', en: 'Check' });
  });

  it('explanations name declarations, ID types and services in words, not by their codes', () => {
    const yes = goodRequest({ service: 'RENEWAL' });
    yes.questionnaire = yes.questionnaire.map((q) => (q.id === 'disciplinary' ? { ...q, answer: true } : q));
    const q = checkEligibility(yes, policy).find((r) => r.rule === 'QUESTIONNAIRE')!;
    expect(q.outcome).toBe('needs_review');
    expect(q.explanation.ar).toContain('هل سبق أن صدر بحقك إجراء تأديبي');
    expect(q.explanation.ar).not.toMatch(/[A-Za-z]/);
    expect(q.explanation.en).toContain('disciplinary action');
    expect(q.explanation.en).not.toContain(': disciplinary');

    const saudiWithIqama = goodRequest({ service: 'RENEWAL' });
    saudiWithIqama.applicant = { ...saudiWithIqama.applicant, nationality: 'SA', idType: 'iqama' };
    const n = checkEligibility(saudiWithIqama, policy).find((r) => r.rule === 'ID-NATIONALITY')!;
    expect(n.explanation.ar).toContain('إقامة');
    expect(n.explanation.ar).not.toContain('iqama');

    const na = checkEligibility(goodRequest({ service: 'GOOD_STANDING' }), policy).find((r) => r.outcome === 'not_applicable')!;
    expect(na.explanation.en).not.toMatch(/[A-Z]{2,}_[A-Z]/);
  });
});
