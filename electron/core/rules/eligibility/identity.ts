/** Who the applicant is and how to reach them: the ID's form, nationality against the ID held, the contact data. */
import { countryName } from '../../../../shared/country-name';
import type { Bilingual } from '../../../../shared/domain';
import { dayWords } from '../../../../shared/domain/day-words';
import { parseSaudiId, normaliseDigits } from '../../identity/national-id';
import type { RequestFacts } from '../types';
import { OUTSIDE_KSA, type Rule } from './rule';

/** Explanations name things in words, never by their codes (a reviewer reads them in Arabic). */
const ID_TYPES: Record<RequestFacts['applicant']['idType'], Bilingual> = {
  national_id: { ar: 'هوية وطنية', en: 'a national ID' },
  iqama: { ar: 'إقامة', en: 'an iqama' },
  passport: { ar: 'جواز سفر', en: 'a passport' },
};

export const idFormat: Rule = {
  id: 'ID-FORMAT',
  source: 'Decision (standard Saudi ID format)',
  appliesTo: () => true,
  run: (f) => {
    const { idType, idNumber } = f.applicant;
    if (idType === 'passport') {
      return idNumber.trim()
        ? {
            outcome: 'pass',
            facts: { idType, idNumber },
            explanation: { ar: `رقم الجواز ${idNumber} مدخل`, en: `Passport number ${idNumber} is given` },
          }
        : {
            outcome: 'fail',
            facts: { idType, idNumber },
            explanation: { ar: 'رقم الجواز فارغ', en: 'The passport number is empty' },
            applicantMessage: { ar: 'يرجى إدخال رقم جواز السفر.', en: 'Please enter your passport number.' },
          };
    }
    const r = parseSaudiId(idNumber);
    if (r.ok)
      return {
        outcome: 'pass',
        facts: { idType, idNumber: r.number },
        explanation: {
          ar: `رقم الهوية ${r.number} صحيح البنية ورقم التحقق`,
          en: `ID number ${r.number} is well formed and its check digit is valid`,
        },
      };
    const why = {
      format: { ar: 'ليس عشرة أرقام', en: 'is not 10 digits' },
      first_digit: { ar: 'لا يبدأ بالرقم 1 أو 2', en: 'does not start with 1 or 2' },
      check_digit: { ar: 'رقم التحقق فيه غير صحيح', en: 'has a wrong check digit' },
    }[r.reason];
    return {
      outcome: 'fail',
      facts: { idType, idNumber, reason: r.reason },
      explanation: { ar: `رقم الهوية ${idNumber} ${why.ar}`, en: `ID number ${idNumber} ${why.en}` },
      applicantMessage: {
        ar: 'رقم الهوية أو الإقامة المدخل غير صحيح؛ يرجى تصحيحه.',
        en: 'The national ID or iqama number is not valid; please correct it.',
      },
    };
  },
};

export const idNationality: Rule = {
  id: 'ID-NATIONALITY',
  source: '002, 004',
  appliesTo: (s) => !OUTSIDE_KSA.includes(s),
  run: (f, { submitted }) => {
    const { nationality, idType, idNumber, idExpiry } = f.applicant;
    const number = normaliseDigits(idNumber.trim());
    const facts = { nationality, idType, idNumber: number, idExpiry, submitted };
    if (nationality === 'SA') {
      if (idType === 'national_id' && number.startsWith('1'))
        return { outcome: 'pass', facts, explanation: { ar: 'مواطن سعودي يحمل هوية وطنية', en: 'A Saudi citizen with a national ID' } };
      return {
        outcome: 'fail',
        facts,
        explanation: {
          ar: `المتقدم سعودي لكن هويته ${ID_TYPES[idType].ar} برقم ${number}`,
          en: `The applicant is Saudi but the ID is ${ID_TYPES[idType].en} ${number}`,
        },
        applicantMessage: { ar: 'يرجى إدخال رقم الهوية الوطنية.', en: 'Please enter your national ID number.' },
      };
    }
    if (idType !== 'iqama' || !number.startsWith('2')) {
      return {
        outcome: 'fail',
        facts,
        explanation: {
          ar: `المتقدم غير سعودي (${countryName(nationality, 'ar')}) ولا يحمل إقامة`,
          en: `The applicant is not Saudi (${countryName(nationality, 'en')}) and has no iqama`,
        },
        applicantMessage: { ar: 'يرجى إدخال رقم الإقامة السارية.', en: 'Please enter your valid iqama number.' },
      };
    }
    if (!idExpiry || idExpiry < submitted) {
      return {
        outcome: 'fail',
        facts,
        explanation: {
          ar: `الإقامة منتهية (${idExpiry ? dayWords(idExpiry, 'ar') : 'بلا تاريخ'}) في تاريخ التقديم ${dayWords(submitted, 'ar')}`,
          en: `The iqama expired (${idExpiry ? dayWords(idExpiry, 'en') : 'no date'}) by the submission date ${dayWords(submitted, 'en')}`,
        },
        applicantMessage: { ar: 'الإقامة منتهية؛ يرجى تجديدها وتحديث بياناتها.', en: 'Your iqama has expired; please renew it and update it.' },
      };
    }
    return {
      outcome: 'pass',
      facts,
      explanation: {
        ar: `مقيم بإقامة سارية حتى ${dayWords(idExpiry, 'ar')}`,
        en: `A resident with an iqama valid until ${dayWords(idExpiry, 'en')}`,
      },
    };
  },
};

export const contact: Rule = {
  id: 'CONTACT',
  source: '000',
  appliesTo: () => true,
  run: (f) => {
    const inside = !OUTSIDE_KSA.includes(f.service);
    const email = f.applicant.email.trim();
    const mobile = normaliseDigits(f.applicant.mobile.replace(/[\s-]/g, ''));
    const emailOk = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(email);
    const mobileOk = !inside || /^(05\d{8}|\+9665\d{8})$/.test(mobile);
    const facts = { email, mobile, insideKsa: inside, emailOk, mobileOk };
    if (emailOk && mobileOk)
      return { outcome: 'pass', facts, explanation: { ar: 'البريد الإلكتروني ورقم الجوال صحيحان', en: 'The e-mail and mobile number are valid' } };
    const wrong = [
      !emailOk ? { ar: `البريد ${email}`, en: `e-mail ${email}` } : null,
      !mobileOk
        ? { ar: `الجوال ${mobile} (المطلوب 05XXXXXXXX أو ‎+9665XXXXXXXX)`, en: `mobile ${mobile} (expected 05XXXXXXXX or +9665XXXXXXXX)` }
        : null,
    ].filter((x) => x !== null);
    return {
      outcome: 'fail',
      facts,
      explanation: {
        ar: `بيانات تواصل غير صحيحة: ${wrong.map((w) => w.ar).join('، ')}`,
        en: `Invalid contact data: ${wrong.map((w) => w.en).join(', ')}`,
      },
      applicantMessage: {
        ar: 'يرجى تصحيح البريد الإلكتروني ورقم الجوال السعودي.',
        en: 'Please correct your e-mail address and Saudi mobile number.',
      },
    };
  },
};
