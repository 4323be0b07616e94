import type { RequestFacts } from '../rules/types';
import type { RequestBundle } from './bundle-schema';

/** What the eligibility checks read from a bundle (before it is imported). */
export function factsFromBundle(b: RequestBundle): RequestFacts {
  return {
    service: b.service,
    submittedAt: b.submittedAt,
    applicant: {
      nationality: b.applicant.nationality,
      idType: b.applicant.idType,
      idNumber: b.applicant.idNumber,
      idExpiry: b.applicant.idExpiry,
      birthDate: b.applicant.birthDate,
      email: b.applicant.email,
      mobile: b.applicant.mobile,
      category: b.applicant.category,
      card: b.applicant.card ?? null,
    },
    employer: { type: b.employer?.type ?? null, facility: b.employer?.facility ?? null },
    internshipCompleted: b.internshipCompleted ?? null,
    questionnaire: b.questionnaire.map((q) => ({ id: q.id, answer: q.answer })),
    cpd: { recordedHours: b.cpd.recordedHours, activities: b.cpd.activities.map((a) => ({ hours: a.hours })) },
    attachments: b.attachments.map((a) => ({ kind: a.kind, issuedAt: a.issuedAt ?? null, certified: a.certified ?? null })),
  };
}
