/** A complete, passing request to vary in tests: one change per case shows what a rule does. */
import { TERMS } from '../../../../shared/domain/terms';
import type { RequestFacts } from '../types';

export function goodRequest(over: Partial<RequestFacts> = {}): RequestFacts {
  return {
    service: 'RENEWAL',
    submittedAt: '2026-03-01T09:30:00+03:00',
    applicant: {
      nationality: 'SA',
      idType: 'national_id',
      idNumber: '1000000008',
      idExpiry: null,
      birthDate: '1980-05-14',
      email: 'm.alshehri@example.com',
      mobile: '+966501234567',
      category: 'consultant',
      card: { number: 'C-2023-001122', issuedAt: '2023-04-01', expiresAt: '2026-04-01' },
    },
    employer: { type: 'government', facility: 'King Fahad Medical City' },
    internshipCompleted: true,
    questionnaire: TERMS.questionnaire.map((q) => ({ id: q.id, answer: false })),
    cpd: { recordedHours: 22, activities: [{ hours: 8 }] },
    attachments: [
      { id: 1, kind: 'employer_letter', issuedAt: '2026-01-15' },
      { id: 2, kind: 'photo' },
      { id: 3, kind: 'work_certificate' },
      { id: 4, kind: 'bachelor_certificate', certified: true },
      { id: 5, kind: 'transcript' },
      { id: 6, kind: 'internship_certificate' },
      { id: 7, kind: 'national_id' },
    ],
    ...over,
  };
}
