import type { Bilingual } from './terms';

/**
 * The eligibility rules of domain.md's table by the names a reviewer reads (the Checks panel, the
 * case report); the id (ID-FORMAT…) stays the key the handbook and the code use. terms.json has no
 * rule names, so they are worded here; rule-titles.test.ts checks every rule the engine runs has one.
 */
export const RULE_TITLES: Record<string, Bilingual> = {
  'ID-FORMAT': { ar: 'صحة رقم الهوية', en: 'ID number format' },
  'ID-NATIONALITY': { ar: 'نوع الهوية حسب الجنسية', en: 'ID type for the nationality' },
  'EMPLOYER-LETTER': { ar: 'خطاب التعريف من جهة العمل', en: 'Employer introduction letter' },
  'AGE-MEDICAL': { ar: 'التقرير الطبي حسب العمر', en: 'Medical report by age' },
  'RENEWAL-WINDOW': { ar: 'فترة التجديد', en: 'Renewal window' },
  'WORK-CERTIFICATE': { ar: 'شهادة العمل', en: 'Work certificate' },
  'EMPLOYER-DATA': { ar: 'بيانات جهة العمل', en: 'Employer data' },
  'CPD-HOURS': { ar: 'ساعات التطوير المهني المستمر', en: 'CPD hours' },
  QUESTIONNAIRE: { ar: 'الإقرارات', en: 'Declarations' },
  CONTACT: { ar: 'بيانات التواصل', en: 'Contact details' },
  DOCUMENTS: { ar: 'المستندات المطلوبة', en: 'Required documents' },
  PHOTO: { ar: 'الصورة الشخصية', en: 'Personal photo' },
};

/** A rule's title; a rule missing from the table (a newer engine) is named "a check", never by its id. */
export const ruleTitle = (rule: string): Bilingual => RULE_TITLES[rule] ?? { ar: 'شرط', en: 'Check' };
