/** The document rules: DOCUMENTS, PHOTO. */
import { describe, expect, it } from 'vitest';
import { goodRequest } from '../testing/good-request';
import { outcome, withAttachments } from '../testing/eligibility-outcome';
import type { RequestFacts } from '../types';

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
