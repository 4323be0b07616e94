/** The identity rules: ID-FORMAT, ID-NATIONALITY, CONTACT. */
import { describe, expect, it } from 'vitest';
import { goodRequest } from '../testing/good-request';
import { outcome, applicant } from '../testing/eligibility-outcome';

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
