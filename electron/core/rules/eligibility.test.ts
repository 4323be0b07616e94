import { describe, expect, it } from 'vitest';
import { samplePolicy } from '../policy';
import { checkEligibility, RULE_IDS } from './eligibility';
import { goodRequest } from './fixtures';
import type { RequestFacts } from './types';

const policy = samplePolicy();
const outcome = (facts: RequestFacts, rule: string) => checkEligibility(facts, policy).find((r) => r.rule === rule)!;
const applicant = (over: Partial<RequestFacts['applicant']>) => ({ ...goodRequest().applicant, ...over });
const withAttachments = (f: (a: RequestFacts['attachments']) => RequestFacts['attachments'], over: Partial<RequestFacts> = {}) => {
  const base = goodRequest(over);
  return { ...base, attachments: f(base.attachments) };
};

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

  describe('ID-FORMAT', () => {
    it.each([
      ['1000000008', 'pass'],
      ['١٠٠٠٠٠٠٠٠٨', 'pass'],
      ['1000000009', 'fail'],
      ['3000000004', 'fail'],
      ['100000000', 'fail'],
    ])('%s → %s', (idNumber, expected) => expect(outcome(goodRequest({ applicant: applicant({ idNumber }) }), 'ID-FORMAT').outcome).toBe(expected));
    it('a passport needs only a number', () => {
      expect(
        outcome(goodRequest({ applicant: applicant({ idType: 'passport', idNumber: 'A1234567', idExpiry: '2030-01-01' }) }), 'ID-FORMAT').outcome,
      ).toBe('pass');
      expect(outcome(goodRequest({ applicant: applicant({ idType: 'passport', idNumber: ' ', idExpiry: '2030-01-01' }) }), 'ID-FORMAT').outcome).toBe(
        'fail',
      );
    });
  });

  describe('ID-NATIONALITY', () => {
    const resident = (idExpiry: string | null) =>
      goodRequest({ applicant: applicant({ nationality: 'EG', idType: 'iqama', idNumber: '2000000006', idExpiry }) });
    it('an iqama valid on the submission day passes, expired the day before fails', () => {
      expect(outcome(resident('2026-03-01'), 'ID-NATIONALITY').outcome).toBe('pass');
      expect(outcome(resident('2026-02-28'), 'ID-NATIONALITY').outcome).toBe('fail');
      expect(outcome(resident(null), 'ID-NATIONALITY').outcome).toBe('fail');
    });
    it('a Saudi with an iqama, or a resident with a national ID, fails', () => {
      expect(
        outcome(goodRequest({ applicant: applicant({ idType: 'iqama', idNumber: '2000000006', idExpiry: '2030-01-01' }) }), 'ID-NATIONALITY').outcome,
      ).toBe('fail');
      expect(outcome(goodRequest({ applicant: applicant({ nationality: 'IN' }) }), 'ID-NATIONALITY').outcome).toBe('fail');
    });
    it('does not apply to services from abroad', () => {
      expect(
        outcome(
          goodRequest({
            service: 'CLASSIFICATION_OUTSIDE',
            applicant: applicant({ nationality: 'IN', idType: 'passport', idNumber: 'P1', idExpiry: '2030-01-01' }),
          }),
          'ID-NATIONALITY',
        ).outcome,
      ).toBe('not_applicable');
    });
  });

  describe('EMPLOYER-LETTER (submitted 2026-03-01, at most 3 calendar months)', () => {
    const letter = (issuedAt: string | null, submittedAt = '2026-03-01T09:30:00+03:00') =>
      outcome(
        withAttachments((a) => a.map((x) => (x.kind === 'employer_letter' ? { ...x, issuedAt } : x)), { service: 'REGISTRATION', submittedAt }),
        'EMPLOYER-LETTER',
      );
    it.each([
      ['2025-12-01', 'pass'],
      ['2025-11-30', 'fail'],
      ['2026-02-27', 'pass'],
    ])('a letter dated %s → %s', (d, expected) => expect(letter(d).outcome).toBe(expected));
    it('month-end clamping: submitted 2026-05-31, the oldest allowed letter is 2026-02-28', () => {
      expect(letter('2026-02-28', '2026-05-31T10:00:00+03:00').outcome).toBe('pass');
      expect(letter('2026-02-27', '2026-05-31T10:00:00+03:00').outcome).toBe('fail');
    });
    it('leap year: submitted 2024-05-31 allows 2024-02-29', () => {
      expect(letter('2024-02-29', '2024-05-31T10:00:00+03:00').outcome).toBe('pass');
      expect(letter('2024-02-28', '2024-05-31T10:00:00+03:00').outcome).toBe('fail');
    });
    it('a letter without a date fails asking for it, and names the attachment', () => {
      const r = letter(null);
      expect(r.outcome).toBe('fail');
      expect(r.explanation.en).toContain('unreadable');
      expect(r.attachmentIds).toEqual([1]);
    });
    it('no letter fails with a message for the applicant', () => {
      const r = outcome(
        withAttachments((a) => a.filter((x) => x.kind !== 'employer_letter'), { service: 'REGISTRATION' }),
        'EMPLOYER-LETTER',
      );
      expect(r.outcome).toBe('fail');
      expect(r.applicantMessage?.ar).toContain('خطاب تعريف');
    });
    it('explains with the dates it used', () => {
      expect(letter('2025-10-02', '2026-02-03T10:00:00+03:00').explanation.en).toBe(
        'Letter dated 2 October 2025 is 4 months and 1 day before submission 3 February 2026; at most 3 months are allowed (oldest accepted 3 November 2025)',
      );
    });
    it('does not apply to a renewal', () => expect(outcome(goodRequest(), 'EMPLOYER-LETTER').outcome).toBe('not_applicable'));
  });

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

  describe('RENEWAL-WINDOW (card expires 2026-04-01: opens 2026-01-01)', () => {
    const at = (d: string) => outcome(goodRequest({ submittedAt: `${d}T10:00:00+03:00` }), 'RENEWAL-WINDOW').outcome;
    it.each([
      ['2025-12-31', 'fail'],
      ['2026-01-01', 'pass'],
      ['2026-04-01', 'pass'],
      ['2026-04-02', 'warn'],
    ])('submitted %s → %s', (d, expected) => expect(at(d)).toBe(expected));
    it('expiry on a month end clamps the window start', () => {
      const f = goodRequest({
        submittedAt: '2026-02-28T10:00:00+03:00',
        applicant: applicant({ card: { number: 'C', issuedAt: '2023-05-31', expiresAt: '2026-05-31' } }),
      });
      expect(outcome(f, 'RENEWAL-WINDOW')).toMatchObject({ outcome: 'pass', facts: { windowOpens: '2026-02-28' } });
    });
    it('the submission date is taken in Riyadh', () => {
      expect(outcome(goodRequest({ submittedAt: '2025-12-31T22:00:00Z' }), 'RENEWAL-WINDOW').outcome).toBe('pass');
    });
    it('no current card fails', () => expect(outcome(goodRequest({ applicant: applicant({ card: null }) }), 'RENEWAL-WINDOW').outcome).toBe('fail'));
  });

  describe('CPD-HOURS (consultant: 30 sample hours)', () => {
    const hours = (recordedHours: number, activity: number, category = 'consultant') =>
      outcome(goodRequest({ cpd: { recordedHours, activities: [{ hours: activity }] }, applicant: applicant({ category }) }), 'CPD-HOURS');
    it('exactly the required hours pass', () => expect(hours(22, 8).outcome).toBe('pass'));
    it('one short fails, naming both figures', () => {
      const r = hours(21, 8);
      expect(r.outcome).toBe('fail');
      expect(r.explanation.en).toContain('29 recognised CPD hours');
      expect(r.explanation.en).toContain('30 required');
    });
    it('activities can bring the required hours to zero', () => expect(hours(0, 30).outcome).toBe('pass'));
    it('an unknown category needs a person', () => expect(hours(40, 0, 'astronaut').outcome).toBe('needs_review'));
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

  describe('CONTACT', () => {
    it.each([
      ['0501234567', 'pass'],
      ['+966501234567', 'pass'],
      ['٠٥٠١٢٣٤٥٦٧', 'pass'],
      ['050 123 4567', 'pass'],
      ['+966401234567', 'fail'],
      ['501234567', 'fail'],
    ])('mobile %s → %s', (mobile, expected) => expect(outcome(goodRequest({ applicant: applicant({ mobile }) }), 'CONTACT').outcome).toBe(expected));
    it('a bad e-mail fails', () => expect(outcome(goodRequest({ applicant: applicant({ email: 'not-an-email' }) }), 'CONTACT').outcome).toBe('fail'));
    it('applicants abroad need no Saudi mobile', () => {
      expect(outcome(goodRequest({ service: 'CLASSIFICATION_OUTSIDE', applicant: applicant({ mobile: '+201001234567' }) }), 'CONTACT').outcome).toBe(
        'pass',
      );
    });
  });

  describe('DOCUMENTS and PHOTO', () => {
    const reg = (f: (a: RequestFacts['attachments']) => RequestFacts['attachments'], internshipCompleted = true) =>
      outcome(withAttachments(f, { service: 'REGISTRATION', internshipCompleted }), 'DOCUMENTS');
    it('all present passes', () => expect(reg((a) => a).outcome).toBe('pass'));
    it('names each missing document', () => {
      const r = reg((a) => a.filter((x) => x.kind !== 'transcript' && x.kind !== 'national_id'));
      expect(r.outcome).toBe('fail');
      expect(r.explanation.en).toContain('Academic transcript');
      expect(r.explanation.en).toContain('proof of identity');
    });
    it('the internship certificate only when the internship year was completed', () => {
      const without = (a: RequestFacts['attachments']) => a.filter((x) => x.kind !== 'internship_certificate');
      expect(reg(without, true).outcome).toBe('fail');
      expect(reg(without, false).outcome).toBe('pass');
    });
    it('an uncertified bachelor certificate fails', () =>
      expect(reg((a) => a.map((x) => (x.kind === 'bachelor_certificate' ? { ...x, certified: false } : x))).outcome).toBe('fail'));
    it('a card service without a photo fails PHOTO', () => {
      expect(
        outcome(
          withAttachments((a) => a.filter((x) => x.kind !== 'photo')),
          'PHOTO',
        ).outcome,
      ).toBe('fail');
      expect(outcome(goodRequest({ service: 'TRAINING_LETTER' }), 'PHOTO').outcome).toBe('not_applicable');
    });
  });

  it('RENEWAL needs the work certificate and the employer data', () => {
    expect(
      outcome(
        withAttachments((a) => a.filter((x) => x.kind !== 'work_certificate')),
        'WORK-CERTIFICATE',
      ).outcome,
    ).toBe('fail');
    expect(outcome(goodRequest({ employer: { type: 'private', facility: ' ' } }), 'EMPLOYER-DATA').outcome).toBe('fail');
  });
});
