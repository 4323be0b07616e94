/** cpd-late-renewal: a renewal filed after the card expired (RENEWAL-WINDOW's late case) is a CPD audit risk. */
import type { IntegritySignal } from './signal';
import { calendarDate } from '../rules/dates';
import { cardExpiry, view } from './cpd-subject';

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
          { ar: `قدم في ${submitted} قبل انتهاء البطاقة في ${expiresAt}`, en: `Filed on ${submitted}, before the card expired on ${expiresAt}` },
          { submitted, cardExpiresAt: expiresAt, daysLate: 0 },
        ),
      ];
    return [
      view(
        ID,
        title,
        'warn',
        {
          ar: `قدم في ${submitted}، بعد ${days} يوماً من انتهاء البطاقة في ${expiresAt}: تحقق من أن ساعات التطوير المهني اكتسبت خلال فترة البطاقة`,
          en: `Filed on ${submitted}, ${days} day${days === 1 ? '' : 's'} after the card expired on ${expiresAt}: check the CPD hours were earned within the card's period`,
        },
        { submitted, cardExpiresAt: expiresAt, daysLate: days },
      ),
    ];
  },
};
