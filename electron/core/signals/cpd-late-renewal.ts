/** cpd-late-renewal: a renewal filed after the card expired (RENEWAL-WINDOW's late case) is a CPD audit risk. */
import type { IntegritySignal } from './signal';
import { calendarDate } from '../time/riyadh-day';
import { cardExpiry, view } from './cpd-subject';
import { counted, DAYS } from '../../../shared/domain/counted';
import { dayWords } from '../../../shared/domain/day-words';

const ID = 'cpd-late-renewal';
const title = { ar: 'تجديد بعد انتهاء البطاقة', en: 'Renewal filed after the card expired' };

export const cpdLateRenewal: IntegritySignal = {
  id: ID,
  title,
  async run(ctx) {
    if (ctx.subject.service !== 'RENEWAL') return [];
    const submitted = calendarDate(ctx.subject.submittedAt);
    const expiresAt = await cardExpiry(ctx);
    if (!expiresAt)
      return [
        view(
          ID,
          title,
          'pass',
          { ar: 'لا يوجد تاريخ انتهاء للبطاقة في الطلب، فلا تأخير يقاس', en: 'The request gives no card expiry, so no lateness to measure' },
          { submitted, cardExpiresAt: null },
        ),
      ];
    const days = Math.round((Date.parse(submitted) - Date.parse(expiresAt)) / 86_400_000);
    if (days <= 0)
      return [
        view(
          ID,
          title,
          'pass',
          {
            ar: `قدم في ${dayWords(submitted, 'ar')} قبل انتهاء البطاقة في ${dayWords(expiresAt, 'ar')}`,
            en: `Filed on ${dayWords(submitted, 'en')}, before the card expired on ${dayWords(expiresAt, 'en')}`,
          },
          { submitted, cardExpiresAt: expiresAt, daysLate: 0 },
        ),
      ];
    return [
      view(
        ID,
        title,
        'warn',
        {
          ar: `قدم في ${dayWords(submitted, 'ar')}، بعد ${counted(DAYS.ar, 'ar', days)} من انتهاء البطاقة في ${dayWords(expiresAt, 'ar')}: تحقق من أن ساعات التطوير المهني اكتسبت خلال فترة البطاقة`,
          en: `Filed on ${dayWords(submitted, 'en')}, ${counted(DAYS.en, 'en', days)} after the card expired on ${dayWords(expiresAt, 'en')}: check the CPD hours were earned within the card's period`,
        },
        { submitted, cardExpiresAt: expiresAt, daysLate: days },
      ),
    ];
  },
};
