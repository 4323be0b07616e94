import { describe, expect, it } from 'vitest';
import type { AttachmentView } from '../../../../shared/domain';
import { earlierVersionOf } from './attachment-versions';

let nextId = 1;
const file = (kind: string, version: number, fileName = `${kind}-${version}.pdf`): AttachmentView => ({
  id: nextId++,
  kind,
  fileName,
  mime: 'application/pdf',
  size: 1000,
  sha256: 'x'.repeat(64),
  version,
  issuedAt: null,
  uploadedAt: '2026-03-10T08:00:00.000Z',
});

describe('the earlier version of a resubmitted attachment', () => {
  it('is the same kind from the latest earlier round; none for a first submission or a new kind', () => {
    const letter1 = file('employer_letter', 1);
    const photo1 = file('photo', 1);
    const letter2 = file('employer_letter', 2);
    const letter3 = file('employer_letter', 3);
    const degree3 = file('degree', 3);
    const all = [letter1, photo1, letter2, letter3, degree3];
    expect(earlierVersionOf(all, letter3)).toBe(letter2);
    expect(earlierVersionOf(all, letter2)).toBe(letter1);
    expect(earlierVersionOf(all, letter1)).toBeNull();
    expect(earlierVersionOf(all, photo1)).toBeNull();
    expect(earlierVersionOf(all, degree3)).toBeNull();
  });

  it('among several of a kind: the same file name, else the same position', () => {
    const a1 = file('cpd_certificate', 1, 'course-a.pdf');
    const b1 = file('cpd_certificate', 1, 'course-b.pdf');
    const b2 = file('cpd_certificate', 2, 'course-b.pdf');
    const x2 = file('cpd_certificate', 2, 'renamed.pdf');
    const all = [a1, b1, b2, x2];
    expect(earlierVersionOf(all, b2)).toBe(b1);
    // renamed.pdf is the second certificate of round 2: paired with the second of round 1.
    expect(earlierVersionOf(all, x2)).toBe(b1);
    const only = [a1, file('cpd_certificate', 2, 'c.pdf'), file('cpd_certificate', 2, 'd.pdf')];
    expect(earlierVersionOf(only, only[2]!)).toBe(a1);
  });
});
