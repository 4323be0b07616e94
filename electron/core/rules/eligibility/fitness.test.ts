/** The fitness rules: AGE-MEDICAL, QUESTIONNAIRE. */
import { describe, expect, it } from 'vitest';
import { goodRequest } from '../testing/good-request';
import { outcome, applicant, withAttachments } from '../testing/eligibility-outcome';
import type { RequestFacts } from '../types';

describe('AGE-MEDICAL (from the 65th birthday on)', () => {
  const aged = (birthDate: string, report = false) =>
    outcome(
      withAttachments((a) => (report ? [...a, { id: 9, kind: 'medical_report' }] : a), { applicant: applicant({ birthDate }) }),
      'AGE-MEDICAL',
    );
  it('the day before the 65th birthday: not applicable', () => expect(aged('1961-03-02').outcome).toBe('not_applicable'));
  it('on the 65th birthday: required', () => expect(aged('1961-03-01').outcome).toBe('fail'));
  it('with the report: pass, pointing at it', () => expect(aged('1950-01-01', true)).toMatchObject({ outcome: 'pass', attachmentIds: [9] }));
  it('a 29 February birthday turns 65 on 1 March', () => {
    expect(
      outcome(goodRequest({ submittedAt: '2025-02-28T10:00:00+03:00', applicant: applicant({ birthDate: '1960-02-29' }) }), 'AGE-MEDICAL').outcome,
    ).toBe('not_applicable');
    expect(
      outcome(goodRequest({ submittedAt: '2025-03-01T10:00:00+03:00', applicant: applicant({ birthDate: '1960-02-29' }) }), 'AGE-MEDICAL').outcome,
    ).toBe('fail');
  });
});

describe('QUESTIONNAIRE', () => {
  const answers = (f: (q: RequestFacts['questionnaire']) => RequestFacts['questionnaire']) =>
    outcome(goodRequest({ questionnaire: f(goodRequest().questionnaire) }), 'QUESTIONNAIRE');
  it('all no → pass', () => expect(answers((q) => q).outcome).toBe('pass'));
  it('one yes → needs review', () => expect(answers((q) => q.map((x, i) => (i === 0 ? { ...x, answer: true } : x))).outcome).toBe('needs_review'));
  it('one unanswered → fail, even with a yes', () => {
    expect(answers((q) => q.map((x, i) => (i === 0 ? { ...x, answer: true } : i === 1 ? { ...x, answer: null } : x))).outcome).toBe('fail');
    expect(answers(() => []).outcome).toBe('fail');
    expect(answers((q) => q.slice(1)).outcome).toBe('pass');
  });
});
