import { SERVICE_LABELS, type Bilingual } from '../../../../shared/domain';
import type { LetterFacts } from './letter-facts';
import { ltr } from '../text/shape-line';

/** The Arabic words that agree with the holder: a letter about a woman says الممارسة, مسجلة, بحقها. */
const AGREEMENT = {
  male: { practitioner: 'الممارس', registered: 'مسجل', againstThem: 'بحقه', theirConduct: 'سلوكه', granted: 'منح' },
  female: { practitioner: 'الممارسة', registered: 'مسجلة', againstThem: 'بحقها', theirConduct: 'سلوكها', granted: 'منحت' },
} as const;

/** The title and body of each kind of letter, in both languages. */
export function letterText(f: LetterFacts): { title: Bilingual; body: Bilingual } {
  const g = AGREEMENT[f.gender] ?? AGREEMENT.male;
  const who = {
    ar: `${f.nameAr}، ${f.profession.ar} — ${f.specialty.ar}، بتصنيف ${f.category.ar}`,
    en: `${f.nameEn}, ${f.profession.en} — ${f.specialty.en}, classified as ${f.category.en}`,
  };
  const reg = f.registrationNumber
    ? { ar: `، رقم التسجيل المهني ${ltr(f.registrationNumber)}`, en: `, professional registration number ${f.registrationNumber}` }
    : { ar: '', en: '' };
  switch (f.service) {
    case 'TRAINING_LETTER':
      return {
        title: { ar: 'خطاب تدريب', en: 'Training letter' },
        body: {
          ar: `تفيد الهيئة السعودية للتخصصات الصحية بأنه لا مانع لديها من تدريب ${g.practitioner} ${who.ar}${reg.ar}${f.facility ? ` لدى ${f.facility}` : ''}، وفق الأنظمة واللوائح المعمول بها، دون أن يعد هذا الخطاب ترخيصاً بمزاولة المهنة.`,
          en: `The Saudi Commission for Health Specialties has no objection to the training of ${who.en}${reg.en}${f.facility ? ` at ${f.facility}` : ''}, under the regulations in force. This letter is not a licence to practise.`,
        },
      };
    case 'GOOD_STANDING':
      return {
        title: { ar: 'شهادة براءة مهنية', en: 'Certificate of good standing' },
        body: {
          ar: `تشهد الهيئة السعودية للتخصصات الصحية بأن ${g.practitioner} ${who.ar}${reg.ar}، ${g.registered} لديها، ولم يصدر ${g.againstThem} ما يمس ${g.theirConduct} المهني حتى تاريخ هذه الشهادة.`,
          en: `The Saudi Commission for Health Specialties certifies that ${who.en}${reg.en}, is registered with the Commission and that nothing affecting their professional conduct has been recorded up to the date of this certificate.`,
        },
      };
    case 'ELIGIBILITY_NUMBER':
      return {
        title: { ar: 'خطاب رقم الأحقية', en: 'Eligibility number letter' },
        body: {
          ar: `تفيد الهيئة السعودية للتخصصات الصحية بأن ${g.practitioner} ${who.ar}، قد ${g.granted} رقم الأحقية ${ltr(f.reference)} لاستكمال إجراءات التعاقد والتصنيف المهني، ويسري هذا الرقم وفق السياسات المعتمدة.`,
          en: `The Saudi Commission for Health Specialties confirms that ${who.en}, has been granted eligibility number ${f.reference} to complete recruitment and professional classification, valid under the policies in force.`,
        },
      };
    case 'EXAM_ELIGIBILITY':
      return {
        title: { ar: 'خطاب أحقية دخول الاختبار', en: 'Exam eligibility letter' },
        body: {
          ar: `تفيد الهيئة السعودية للتخصصات الصحية بأحقية ${g.practitioner} ${who.ar}، في التقدم للاختبار الوطني للتخصص، ويحجز موعد الاختبار عبر القنوات المعتمدة.`,
          en: `The Saudi Commission for Health Specialties confirms that ${who.en}, is eligible to sit the national exam of the specialty; the exam is booked through the approved channels.`,
        },
      };
    default: {
      const label = SERVICE_LABELS[f.service] ?? { ar: f.service, en: f.service };
      return {
        title: label,
        body: {
          ar: `تفيد الهيئة السعودية للتخصصات الصحية بأنه تم البت في طلب ${g.practitioner} ${who.ar}${reg.ar}، الخاص بخدمة «${label.ar}» واعتماده.`,
          en: `The Saudi Commission for Health Specialties confirms that the request of ${who.en}${reg.en}, for "${label.en}" has been decided and approved.`,
        },
      };
    }
  }
}
