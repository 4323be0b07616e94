/**
 * The policy a new database starts with: SAMPLE values (fees from the handbook's terms.json, SLA working days
 * and holidays), clearly marked `sample: true`. The commission sets its own on the Policy page (a new version,
 * activated by a second admin); a field added to the policy later takes its sample value until an admin sets it.
 */
import { TERMS } from '../../../shared/domain/terms';
import type { Policy, SlaPolicy } from '../../../shared/domain';

const sar = (n: number) => Math.round(n * 100);

/** The shipped defaults: SAMPLE values from the handbook's terms.json, clearly marked `sample: true`. */
export function samplePolicy(): Policy {
  const fees: Policy['fees'] = {};
  for (const [service, f] of Object.entries(TERMS.fees_sample)) {
    if (typeof f !== 'object') continue;
    const fee = f as { service: number; administrative: number; late_per_month?: number };
    fees[service] = {
      service: sar(fee.service),
      administrative: sar(fee.administrative),
      ...(fee.late_per_month !== undefined ? { latePerMonth: sar(fee.late_per_month) } : {}),
    };
  }
  const cpdHours: Record<string, number> = {};
  // Sample: the handbook gives yearly hours; a card period here is counted as one year.
  for (const [cat, c] of Object.entries(TERMS.categories)) cpdHours[cat] = c.cpdHoursPerYear_sample;
  return {
    sample: true,
    returnWindowDays: 30,
    refundWindowMonths: 1,
    refundSubmissionWindowMonths: 1,
    generalRefundRate: 0.5,
    renewalWindowMonths: 3,
    employerLetterMaxAgeMonths: 3,
    medicalReportAge: 65,
    cpdHours,
    fees,
    // Sample: a government employer's letter exempts these services (domain.md's example).
    feeExemptions: [
      {
        id: 'government-employer',
        labelAr: 'إعفاء موظفي الجهات الحكومية بخطاب من جهة العمل',
        labelEn: 'Government employees, with their employer letter',
        services: ['TRAINING_LETTER', 'GOOD_STANDING'],
        employerTypes: ['government'],
      },
    ],
    paymentWindowDays: 14,
    fourEyesServices: ['CLASSIFICATION_OUTSIDE', 'ELIGIBILITY_NUMBER', 'QUALIFICATION_STUDY'],
    maxAttachmentBytes: 20 * 1024 * 1024,
    slaWorkingDays: 5,
    sla: sampleSla(),
    cardValidityYears: 3,
    sessionIdleMinutes: 30,
    backupIntervalHours: 24,
    backupKeep: 14,
    duplicateBirthToleranceYears: 3,
    employerLetterDateToleranceDays: 0,
    // Sample: a monthly 10 % draw (Texas and Florida sample a flat share); providers are the demo's accredited ones.
    cpdAudit: {
      periodMonths: 1,
      samplePercent: 10,
      crammingWeeks: 8,
      crammingShare: 0.8,
      crammingMinHours: 15,
      recognisedProviders: ['SCFHS', 'SHA', 'MOH Academy', 'Saudi Heart Association', 'KFSH&RC Academy'],
      maxHoursPerDay: { course: 12, workshop: 8, conference: 10, lecture: 4, online: 6 },
      otherKindMaxHoursPerDay: 8,
    },
  };
}

/** The note of the shipped sample policy (version 1), in both languages in one string: the Policy page shows it as is. */
export const SAMPLE_POLICY_NOTE = 'قيم تجريبية (ليست أرقام الهيئة) — sample defaults (not official figures)';
/** The English-only note databases made before this one were given; shown as the bilingual one. */
const ENGLISH_SAMPLE_NOTE = 'sample defaults (not official figures)';

/** A version's note as shown: the old English-only sample note reads in both languages like the new one. */
export const shownPolicyNote = (note: string): string => (note === ENGLISH_SAMPLE_NOTE ? SAMPLE_POLICY_NOTE : note);

/** The shipped SLA figures: working days per service and the holidays of 2026 and 2027. */
function sampleSla(): SlaPolicy {
  return {
    workingDays: {
      CLASSIFICATION_INSIDE: 10,
      CLASSIFICATION_OUTSIDE: 10,
      REGISTRATION: 10,
      RECLASSIFICATION: 10,
      REREGISTRATION: 10,
      ELIGIBILITY_NUMBER: 10,
      QUALIFICATION_STUDY: 10,
      RENEWAL: 5,
      DATA_UPDATE: 5,
      CARD_REPLACEMENT: 5,
      TRAINING_LETTER: 5,
      GOOD_STANDING: 5,
      CPD_RECOGNITION: 5,
      EXAM_ELIGIBILITY: 5,
      INQUIRY: 3,
    },
    // The commission's to edit: the Eid dates are estimated from the Umm al-Qura calendar and the length of each
    // Eid holiday is set every year by the government's announcement; Founding Day and National Day are fixed.
    holidays: [
      { from: '2026-02-22', to: '2026-02-22', nameAr: 'يوم التأسيس', nameEn: 'Founding Day' },
      { from: '2026-03-19', to: '2026-03-24', nameAr: 'إجازة عيد الفطر', nameEn: 'Eid al-Fitr holiday' },
      { from: '2026-05-25', to: '2026-05-30', nameAr: 'إجازة عيد الأضحى', nameEn: 'Eid al-Adha holiday' },
      { from: '2026-09-23', to: '2026-09-23', nameAr: 'اليوم الوطني', nameEn: 'National Day' },
      { from: '2027-02-22', to: '2027-02-22', nameAr: 'يوم التأسيس', nameEn: 'Founding Day' },
      { from: '2027-03-08', to: '2027-03-13', nameAr: 'إجازة عيد الفطر', nameEn: 'Eid al-Fitr holiday' },
      { from: '2027-05-14', to: '2027-05-19', nameAr: 'إجازة عيد الأضحى', nameEn: 'Eid al-Adha holiday' },
      { from: '2027-09-23', to: '2027-09-23', nameAr: 'اليوم الوطني', nameEn: 'National Day' },
    ],
  };
}
