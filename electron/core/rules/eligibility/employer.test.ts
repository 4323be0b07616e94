/** The employer rules: EMPLOYER-LETTER, EMPLOYER-DATA, WORK-CERTIFICATE. */
import { describe, expect, it } from 'vitest';
import { goodRequest } from '../testing/good-request';
import { outcome, withAttachments } from '../testing/eligibility-outcome';

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

it('RENEWAL needs the work certificate and the employer data', () => {
  expect(
    outcome(
      withAttachments((a) => a.filter((x) => x.kind !== 'work_certificate')),
      'WORK-CERTIFICATE',
    ).outcome,
  ).toBe('fail');
  expect(outcome(goodRequest({ employer: { type: 'private', facility: ' ' } }), 'EMPLOYER-DATA').outcome).toBe('fail');
});
