/** The employer: a recent introduction letter, the employer's data and, for a renewal, the work certificate. */
import { dayWords } from '../../../../shared/domain/day-words';
import { calendarDate } from '../../time/riyadh-day';
import { describeAge, monthsBetween, plusMonths } from '../../time/day-arithmetic';
import { attachmentRequired, ids, missingAttachment, ofKind, type Rule } from './rule';

export const employerLetter: Rule = {
  id: 'EMPLOYER-LETTER',
  source: '002, 004',
  appliesTo: (s) => s === 'REGISTRATION' || s === 'REREGISTRATION' || s === 'CLASSIFICATION_INSIDE',
  run: (f, { submitted, policy }) => {
    const letters = ofKind(f, 'employer_letter');
    if (letters.length === 0) return missingAttachment('employer_letter');
    // The newest dated letter decides; an undated one counts only when no letter has a date.
    const dated = letters.filter((l) => l.issuedAt).sort((a, b) => (a.issuedAt! < b.issuedAt! ? 1 : -1));
    const letter = dated[0];
    if (!letter) {
      return {
        outcome: 'fail',
        facts: { issuedAt: null },
        attachmentIds: ids(letters),
        explanation: { ar: 'تاريخ خطاب جهة العمل غير مقروء؛ أدخله', en: 'The employer letter’s date is unreadable; enter it' },
        applicantMessage: {
          ar: 'يرجى إرفاق خطاب تعريف من جهة العمل يظهر فيه تاريخه بوضوح.',
          en: 'Please attach an employer introduction letter with a clearly readable date.',
        },
      };
    }
    const limit = plusMonths(submitted, -policy.employerLetterMaxAgeMonths);
    const issued = calendarDate(letter.issuedAt!);
    const age = describeAge(monthsBetween(issued, submitted));
    const facts = { issuedAt: issued, submitted, oldestAllowed: limit, maxMonths: policy.employerLetterMaxAgeMonths };
    if (issued >= limit) {
      return {
        outcome: 'pass',
        facts,
        attachmentIds: ids([letter]),
        explanation: {
          ar: `الخطاب مؤرخ ${dayWords(issued, 'ar')}، ضمن ${policy.employerLetterMaxAgeMonths} أشهر قبل التقديم ${dayWords(submitted, 'ar')}`,
          en: `Letter dated ${dayWords(issued, 'en')} is within ${policy.employerLetterMaxAgeMonths} months before submission ${dayWords(submitted, 'en')}`,
        },
      };
    }
    return {
      outcome: 'fail',
      facts,
      attachmentIds: ids([letter]),
      explanation: {
        ar: `الخطاب مؤرخ ${dayWords(issued, 'ar')}، أي قبل التقديم ${dayWords(submitted, 'ar')} بـ ${age.ar}؛ الحد ${policy.employerLetterMaxAgeMonths} أشهر (أقدم تاريخ مقبول ${dayWords(limit, 'ar')})`,
        en: `Letter dated ${dayWords(issued, 'en')} is ${age.en} before submission ${dayWords(submitted, 'en')}; at most ${policy.employerLetterMaxAgeMonths} months are allowed (oldest accepted ${dayWords(limit, 'en')})`,
      },
      applicantMessage: {
        ar: `يرجى إرفاق خطاب تعريف من جهة العمل لا يتجاوز تاريخه ${policy.employerLetterMaxAgeMonths} أشهر.`,
        en: `Please attach an employer introduction letter dated within the last ${policy.employerLetterMaxAgeMonths} months.`,
      },
    };
  },
};

export const employerData: Rule = {
  id: 'EMPLOYER-DATA',
  source: '001',
  appliesTo: (s) => s === 'RENEWAL',
  run: (f) => {
    const facts = { type: f.employer.type, facility: f.employer.facility };
    if (f.employer.type?.trim() && f.employer.facility?.trim())
      return { outcome: 'pass', facts, explanation: { ar: `جهة العمل: ${f.employer.facility}`, en: `Employer: ${f.employer.facility}` } };
    return {
      outcome: 'fail',
      facts,
      explanation: { ar: 'نوع جهة العمل أو اسم المنشأة غير مدخل', en: 'The employer type or facility name is missing' },
      applicantMessage: { ar: 'يرجى إدخال نوع جهة العمل واسم المنشأة.', en: 'Please enter your employer type and facility name.' },
    };
  },
};

export const workCertificate: Rule = {
  id: 'WORK-CERTIFICATE',
  source: '003',
  appliesTo: (s) => s === 'RENEWAL',
  run: attachmentRequired('work_certificate'),
};
