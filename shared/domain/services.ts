/** Request types (domain.md "Services"). */
export const SERVICES = [
  'CLASSIFICATION_INSIDE',
  'CLASSIFICATION_OUTSIDE',
  'REGISTRATION',
  'RECLASSIFICATION',
  'REREGISTRATION',
  'RENEWAL',
  'DATA_UPDATE',
  'CARD_REPLACEMENT',
  'ELIGIBILITY_NUMBER',
  'TRAINING_LETTER',
  'GOOD_STANDING',
  'QUALIFICATION_STUDY',
  'CPD_RECOGNITION',
  'EXAM_ELIGIBILITY',
  'INQUIRY',
] as const;
export type Service = (typeof SERVICES)[number];

/** Services that end with a printed classification / registration card. */
export const CARD_SERVICES: readonly Service[] = [
  'CLASSIFICATION_INSIDE',
  'CLASSIFICATION_OUTSIDE',
  'REGISTRATION',
  'RECLASSIFICATION',
  'REREGISTRATION',
  'RENEWAL',
  'CARD_REPLACEMENT',
];

/** Services that end with an issued PDF letter or certificate. */
export const DOCUMENT_SERVICES: readonly Service[] = [
  'TRAINING_LETTER',
  'GOOD_STANDING',
  'ELIGIBILITY_NUMBER',
  'EXAM_ELIGIBILITY',
  'QUALIFICATION_STUDY',
  'CPD_RECOGNITION',
];

export const isCardService = (s: Service): boolean => CARD_SERVICES.includes(s);
export const isDocumentService = (s: Service): boolean => DOCUMENT_SERVICES.includes(s);

/** Arabic and English names of each service (domain.md). */
export const SERVICE_LABELS: Record<Service, { ar: string; en: string }> = {
  CLASSIFICATION_INSIDE: { ar: 'التصنيف المهني من داخل المملكة', en: 'Professional classification (inside KSA)' },
  CLASSIFICATION_OUTSIDE: { ar: 'التصنيف المهني من خارج المملكة', en: 'Professional classification (outside KSA)' },
  REGISTRATION: { ar: 'التسجيل المهني من داخل المملكة', en: 'Professional registration (inside KSA)' },
  RECLASSIFICATION: { ar: 'إعادة التصنيف المهني', en: 'Re-classification' },
  REREGISTRATION: { ar: 'إعادة التسجيل المهني', en: 'Re-registration' },
  RENEWAL: { ar: 'تجديد بطاقة التسجيل / التصنيف', en: 'Card renewal' },
  DATA_UPDATE: { ar: 'تحديث بيانات ممارس', en: 'Practitioner data update' },
  CARD_REPLACEMENT: { ar: 'إصدار بطاقة بدل فاقد', en: 'Lost card replacement' },
  ELIGIBILITY_NUMBER: { ar: 'إصدار رقم أحقية للممارسين من خارج المملكة', en: 'Eligibility number (from abroad)' },
  TRAINING_LETTER: { ar: 'إصدار خطاب تدريب', en: 'Training letter' },
  GOOD_STANDING: { ar: 'شهادة براءة مهنية', en: 'Good-standing certificate' },
  QUALIFICATION_STUDY: { ar: 'دراسة مؤهل جديد', en: 'Study of a new qualification' },
  CPD_RECOGNITION: { ar: 'الاعتراف بساعات التطوير المهني المستمر', en: 'Recognition of CPD hours' },
  EXAM_ELIGIBILITY: { ar: 'أحقية الاختبارات الوطنية', en: 'National exam eligibility' },
  INQUIRY: { ar: 'استفسار / شكوى / ملاحظة / اقتراح', en: 'Inquiry, complaint or suggestion' },
};
