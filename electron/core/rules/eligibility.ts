/**
 * The eligibility checks of domain.md's table, exactly as rules.md fixes them.
 * Pure: plain facts and the policy in, one result per rule out; no database.
 */
import { countryName } from '../../../shared/country-name';
import { CARD_SERVICES, SERVICE_LABELS, type Bilingual, type Service } from '../../../shared/domain';
import { TERMS } from '../../../shared/domain/terms';
import type { Policy } from '../policy';
import { parseSaudiId, normaliseDigits } from '../identity/national-id';
import { ageOn, calendarDate, describeAge, monthsBetween, plusMonths } from './dates';
import type { AttachmentFact, RequestFacts, RuleResult } from './types';
import { sourceLabel } from './sources';
import { dayWords } from '../../../shared/domain/day-words';

const OUTSIDE_KSA: readonly Service[] = ['CLASSIFICATION_OUTSIDE', 'ELIGIBILITY_NUMBER'];
const isCard = (s: Service) => CARD_SERVICES.includes(s);
const kindName = (kind: string) => (TERMS.attachment_kinds as Record<string, { ar: string; en: string }>)[kind] ?? { ar: kind, en: kind };
/** Explanations name things in words, never by their codes (a reviewer reads them in Arabic). */
const ID_TYPES: Record<RequestFacts['applicant']['idType'], Bilingual> = {
  national_id: { ar: 'هوية وطنية', en: 'a national ID' },
  iqama: { ar: 'إقامة', en: 'an iqama' },
  passport: { ar: 'جواز سفر', en: 'a passport' },
};
const categoryName = (category: string): Bilingual =>
  (TERMS.categories as Record<string, { ar: string; en: string }>)[category] ?? { ar: category, en: category };
/** A declaration by the question the portal asked (terms.json); one the handbook does not list is named as such. */
const declaration = (id: string): Bilingual =>
  TERMS.questionnaire.find((q) => q.id === id) ?? { ar: 'إقرار غير مدرج', en: 'an unlisted declaration' };
const declarations = (ids: string[]): Bilingual => ({
  ar: ids.map((id) => `«${declaration(id).ar}»`).join('، '),
  en: ids.map((id) => `“${declaration(id).en}”`).join(', '),
});

type Rule = {
  id: string;
  source: string;
  appliesTo: (s: Service) => boolean;
  run: (f: RequestFacts, ctx: Ctx) => Omit<RuleResult, 'rule' | 'source' | 'sourceLabel'>;
};

interface Ctx {
  policy: Policy;
  /** The submission's calendar date in Riyadh. */
  submitted: string;
}

const ids = (atts: AttachmentFact[]) => atts.flatMap((a) => (a.id === undefined ? [] : [a.id]));
const ofKind = (f: RequestFacts, kind: string) => f.attachments.filter((a) => a.kind === kind);

function missingAttachment(kind: string, facts: Record<string, unknown> = {}): Omit<RuleResult, 'rule' | 'source' | 'sourceLabel'> {
  const k = kindName(kind);
  return {
    outcome: 'fail',
    facts: { ...facts, attachment: kind, present: false },
    explanation: { ar: `لا يوجد مرفق: ${k.ar}`, en: `No ${k.en.toLowerCase()} is attached` },
    applicantMessage: { ar: `يرجى إرفاق ${k.ar}.`, en: `Please attach the ${k.en.toLowerCase()}.` },
  };
}

function attachmentRequired(kind: string): Rule['run'] {
  return (f) => {
    const found = ofKind(f, kind);
    if (found.length === 0) return missingAttachment(kind);
    const k = kindName(kind);
    return {
      outcome: 'pass',
      facts: { attachment: kind, present: true },
      attachmentIds: ids(found),
      explanation: { ar: `مرفق: ${k.ar}`, en: `${k.en} is attached` },
    };
  };
}

const RULES: Rule[] = [
  {
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
  },
  {
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
  },
  {
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
  },
  {
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
  },
  {
    id: 'RENEWAL-WINDOW',
    source: '003',
    appliesTo: (s) => s === 'RENEWAL',
    run: (f, { submitted, policy }) => {
      const card = f.applicant.card;
      if (!card) {
        return {
          outcome: 'fail',
          facts: { card: null },
          explanation: { ar: 'لا توجد بطاقة حالية لتجديدها', en: 'There is no current card to renew' },
          applicantMessage: {
            ar: 'لا توجد بطاقة سابقة؛ يرجى التقديم على خدمة التسجيل أو إعادة التسجيل.',
            en: 'There is no earlier card; please apply for registration or re-registration.',
          },
        };
      }
      const opens = plusMonths(card.expiresAt, -policy.renewalWindowMonths);
      const facts = { expiresAt: card.expiresAt, windowOpens: opens, submitted };
      if (submitted < opens) {
        return {
          outcome: 'fail',
          facts,
          explanation: {
            ar: `قدم في ${dayWords(submitted, 'ar')} قبل فتح نافذة التجديد في ${dayWords(opens, 'ar')} (البطاقة تنتهي ${dayWords(card.expiresAt, 'ar')})`,
            en: `Submitted ${dayWords(submitted, 'en')}, before the renewal window opens on ${dayWords(opens, 'en')} (card expires ${dayWords(card.expiresAt, 'en')})`,
          },
          applicantMessage: {
            ar: `التجديد متاح ابتداءً من ${dayWords(opens, 'ar')}؛ يرجى التقديم في ذلك الوقت.`,
            en: `Renewal opens on ${dayWords(opens, 'en')}; please apply from then on.`,
          },
        };
      }
      if (submitted <= card.expiresAt)
        return {
          outcome: 'pass',
          facts,
          explanation: {
            ar: `قدم في ${dayWords(submitted, 'ar')} ضمن نافذة التجديد (${dayWords(opens, 'ar')} إلى ${dayWords(card.expiresAt, 'ar')})`,
            en: `Submitted ${dayWords(submitted, 'en')}, within the renewal window ${dayWords(opens, 'en')} to ${dayWords(card.expiresAt, 'en')}`,
          },
        };
      return {
        outcome: 'warn',
        facts,
        explanation: {
          ar: `قدم في ${dayWords(submitted, 'ar')} بعد انتهاء البطاقة في ${dayWords(card.expiresAt, 'ar')}: تطبق غرامة التأخير ومسار إعادة التسجيل`,
          en: `Submitted ${dayWords(submitted, 'en')}, after the card expired on ${dayWords(card.expiresAt, 'en')}: the late fee and re-registration path apply`,
        },
      };
    },
  },
  { id: 'WORK-CERTIFICATE', source: '003', appliesTo: (s) => s === 'RENEWAL', run: attachmentRequired('work_certificate') },
  {
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
  },
  {
    id: 'CPD-HOURS',
    source: '001',
    appliesTo: (s) => s === 'RENEWAL' || s === 'REREGISTRATION',
    run: (f, { policy }) => {
      // An activity refused in a CPD audit is not recognised; undecided ones count as declared.
      const activities = f.cpd.activities.filter((a) => !a.refused).reduce((sum, a) => sum + a.hours, 0);
      const refusedHours = f.cpd.activities.filter((a) => a.refused).reduce((sum, a) => sum + a.hours, 0);
      const recognised = f.cpd.recordedHours + activities;
      const required = policy.cpdHours[f.applicant.category];
      const facts = {
        category: f.applicant.category,
        recordedHours: f.cpd.recordedHours,
        activityHours: activities,
        ...(refusedHours > 0 ? { refusedInAudit: refusedHours } : {}),
        recognised,
        required: required ?? null,
      };
      if (required === undefined) {
        return {
          outcome: 'needs_review',
          facts,
          explanation: {
            ar: `الفئة «${categoryName(f.applicant.category).ar}» غير موجودة في جدول الساعات`,
            en: `Category ${categoryName(f.applicant.category).en} is not in the policy's CPD table`,
          },
        };
      }
      if (recognised >= required)
        return {
          outcome: 'pass',
          facts,
          explanation: {
            ar: `الساعات المعتمدة ${recognised} من ${required} مطلوبة${refusedHours > 0 ? ` (بعد استبعاد ${refusedHours} ساعة رفضت في التدقيق)` : ''}`,
            en: `${recognised} recognised CPD hours of ${required} required${refusedHours > 0 ? ` (after ${refusedHours} hours refused in the CPD audit)` : ''}`,
          },
        };
      return {
        outcome: 'fail',
        facts,
        explanation: {
          ar: `الساعات المعتمدة ${recognised} (${f.cpd.recordedHours} مسجلة + ${activities} أنشطة${refusedHours > 0 ? `؛ رفضت ${refusedHours} ساعة في التدقيق` : ''}) أقل من ${required} المطلوبة`,
          en: `${recognised} recognised CPD hours (${f.cpd.recordedHours} recorded + ${activities} from activities${refusedHours > 0 ? `; ${refusedHours} refused in the CPD audit` : ''}) are fewer than the ${required} required`,
        },
        applicantMessage: {
          ar: `ساعات التطوير المهني المستمر ${recognised} أقل من ${required} المطلوبة؛ يرجى إضافة الأنشطة أو الشهادات.`,
          en: `Your CPD hours (${recognised}) are fewer than the ${required} required; please add activities or certificates.`,
        },
      };
    },
  },
  {
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
  },
  {
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
  },
  {
    id: 'DOCUMENTS',
    source: '003',
    appliesTo: (s) => s === 'REGISTRATION' || s === 'CLASSIFICATION_INSIDE' || s === 'CLASSIFICATION_OUTSIDE',
    run: (f) => {
      const need = ['bachelor_certificate', 'transcript', 'photo', ...(f.internshipCompleted ? ['internship_certificate'] : [])];
      const missing = need.filter((k) => ofKind(f, k).length === 0);
      const identity = ['national_id', 'passport', 'iqama'].some((k) => ofKind(f, k).length > 0);
      if (!identity) missing.push('national_id');
      const bachelor = ofKind(f, 'bachelor_certificate');
      const uncertified = bachelor.length > 0 && bachelor.every((b) => b.certified === false);
      const looked = f.attachments.filter((a) => [...need, 'national_id', 'passport', 'iqama'].includes(a.kind));
      const facts = { required: need, identity, missing, bachelorCertified: !uncertified };
      if (missing.length === 0 && !uncertified)
        return {
          outcome: 'pass',
          facts,
          attachmentIds: ids(looked),
          explanation: { ar: 'جميع المستندات المطلوبة مرفقة', en: 'Every required document is attached' },
        };
      const names = missing.map((k) =>
        k === 'national_id' ? { ar: 'إثبات الهوية (هوية أو جواز أو إقامة)', en: 'proof of identity (national ID, passport or iqama)' } : kindName(k),
      );
      if (uncertified) names.push({ ar: 'تصديق شهادة البكالوريوس', en: "certification of the bachelor's certificate" });
      return {
        outcome: 'fail',
        facts,
        attachmentIds: ids(looked),
        explanation: { ar: `مستندات ناقصة: ${names.map((n) => n.ar).join('، ')}`, en: `Missing: ${names.map((n) => n.en).join(', ')}` },
        applicantMessage: { ar: `يرجى إرفاق: ${names.map((n) => n.ar).join('، ')}.`, en: `Please attach: ${names.map((n) => n.en).join(', ')}.` },
      };
    },
  },
  { id: 'PHOTO', source: '003', appliesTo: isCard, run: attachmentRequired('photo') },
];

export const RULE_IDS = RULES.map((r) => r.id);

/** Runs every rule of domain.md's table; rules that do not apply to the service say so. */
export function checkEligibility(facts: RequestFacts, policy: Policy): RuleResult[] {
  const ctx: Ctx = { policy, submitted: calendarDate(facts.submittedAt) };
  return RULES.map((rule) => {
    if (!rule.appliesTo(facts.service)) {
      return {
        rule: rule.id,
        source: rule.source,
        sourceLabel: sourceLabel(rule.source),
        outcome: 'not_applicable',
        facts: { service: facts.service },
        explanation: { ar: 'لا ينطبق على هذه الخدمة', en: `Does not apply to ${SERVICE_LABELS[facts.service].en}` },
      };
    }
    return { rule: rule.id, source: rule.source, sourceLabel: sourceLabel(rule.source), ...rule.run(facts, ctx) };
  });
}
