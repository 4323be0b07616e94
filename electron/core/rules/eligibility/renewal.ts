/** A card's renewal: filed within its window, with the CPD hours the applicant's category requires. */
import type { Bilingual } from '../../../../shared/domain';
import { TERMS } from '../../../../shared/domain/terms';
import { dayWords } from '../../../../shared/domain/day-words';
import { plusMonths } from '../../time/day-arithmetic';
import type { Rule } from './rule';

const categoryName = (category: string): Bilingual =>
  (TERMS.categories as Record<string, { ar: string; en: string }>)[category] ?? { ar: category, en: category };

export const renewalWindow: Rule = {
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
};

export const cpdHours: Rule = {
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
};
