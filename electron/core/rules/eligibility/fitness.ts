/** Fitness to practise: the medical report asked from a given age, and the declarations of the questionnaire. */
import type { Bilingual } from '../../../../shared/domain';
import { TERMS } from '../../../../shared/domain/terms';
import { dayWords } from '../../../../shared/domain/day-words';
import { ageOn } from '../../time/day-arithmetic';
import { ids, isCard, ofKind, type Rule } from './rule';

/** A declaration by the question the portal asked (terms.json); one the handbook does not list is named as such. */
const declaration = (id: string): Bilingual =>
  TERMS.questionnaire.find((q) => q.id === id) ?? { ar: 'إقرار غير مدرج', en: 'an unlisted declaration' };
const declarations = (ids: string[]): Bilingual => ({
  ar: ids.map((id) => `«${declaration(id).ar}»`).join('، '),
  en: ids.map((id) => `“${declaration(id).en}”`).join(', '),
});

export const ageMedical: Rule = {
  id: 'AGE-MEDICAL',
  source: '002, 004',
  appliesTo: isCard,
  run: (f, { submitted, policy }) => {
    const age = ageOn(f.applicant.birthDate, submitted);
    const facts = { birthDate: f.applicant.birthDate, submitted, age, fromAge: policy.medicalReportAge };
    if (age < policy.medicalReportAge)
      return {
        outcome: 'not_applicable',
        facts,
        explanation: { ar: `العمر ${age} سنة، أقل من ${policy.medicalReportAge}`, en: `Aged ${age}, under ${policy.medicalReportAge}` },
      };
    const reports = ofKind(f, 'medical_report');
    if (reports.length > 0)
      return {
        outcome: 'pass',
        facts: { ...facts, medicalReport: true },
        attachmentIds: ids(reports),
        explanation: { ar: `العمر ${age} سنة والتقرير الطبي مرفق`, en: `Aged ${age}; the medical report is attached` },
      };
    return {
      outcome: 'fail',
      facts: { ...facts, medicalReport: false },
      explanation: {
        ar: `العمر ${age} سنة في تاريخ التقديم ${dayWords(submitted, 'ar')} ولا يوجد تقرير طبي`,
        en: `Aged ${age} on the submission date ${dayWords(submitted, 'en')} and no medical report is attached`,
      },
      applicantMessage: {
        ar: `يرجى إرفاق تقرير طبي، فهو مطلوب ممن بلغ ${policy.medicalReportAge} عاماً.`,
        en: `Please attach a medical report; it is required from the age of ${policy.medicalReportAge}.`,
      },
    };
  },
};

export const questionnaire: Rule = {
  id: 'QUESTIONNAIRE',
  source: '001',
  appliesTo: isCard,
  run: (f) => {
    // The declarations are those the portal asked (the bundle carries them); each needs a yes or a no.
    const missing = f.questionnaire.filter((q) => q.answer === null || q.answer === undefined).map((q) => q.id);
    const yes = f.questionnaire.filter((q) => q.answer === true).map((q) => q.id);
    const facts = { answered: f.questionnaire.length - missing.length, of: f.questionnaire.length, missing, yes };
    if (f.questionnaire.length === 0) {
      return {
        outcome: 'fail',
        facts,
        explanation: { ar: 'لا توجد إقرارات مجابة في الطلب', en: 'The request holds no answered declarations' },
        applicantMessage: { ar: 'يرجى الإجابة على أسئلة الإقرار.', en: 'Please answer the declarations of the questionnaire.' },
      };
    }
    if (missing.length > 0) {
      return {
        outcome: 'fail',
        facts,
        explanation: { ar: `إقرارات غير مجابة: ${declarations(missing).ar}`, en: `Declarations not answered: ${declarations(missing).en}` },
        applicantMessage: { ar: 'يرجى الإجابة على جميع أسئلة الإقرار.', en: 'Please answer every declaration of the questionnaire.' },
      };
    }
    if (yes.length > 0)
      return {
        outcome: 'needs_review',
        facts,
        explanation: { ar: `إجابة بنعم على: ${declarations(yes).ar}`, en: `Answered yes to: ${declarations(yes).en}` },
      };
    return { outcome: 'pass', facts, explanation: { ar: 'جميع الإقرارات مجابة بلا', en: 'Every declaration is answered no' } };
  },
};
