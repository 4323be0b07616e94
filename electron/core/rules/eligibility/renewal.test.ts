/** The renewal rules: RENEWAL-WINDOW, CPD-HOURS. */
import { describe, expect, it } from 'vitest';
import { goodRequest } from '../testing/good-request';
import { outcome, applicant } from '../testing/eligibility-outcome';

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
