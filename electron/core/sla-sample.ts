/**
 * The shipped SLA figures: SAMPLE values, like the rest of the sample policy. The commission sets its own
 * on the Policy page (a new version, activated by a second admin).
 */
import type { SlaPolicy } from '../../shared/domain';

export function sampleSla(): SlaPolicy {
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
