/**
 * cpd-deadline-cramming: most of the CPD hours dated in the last weeks before the card's expiry (the renewal
 * deadline). The weeks and the share that warns are policy (cpdAudit.crammingWeeks, crammingShare).
 */
import type { IntegritySignal } from './signal';
import { calendarDate } from '../time/riyadh-day';
import { addDays } from '../time/day-arithmetic';
import { CPD_SERVICES, cardExpiry, hoursText, view } from './cpd-subject';
import { dayWords } from '../../../shared/domain/day-words';

const ID = 'cpd-deadline-cramming';
const title = { ar: 'تركز الساعات قبيل موعد التجديد', en: 'Hours crammed before the deadline' };

export const cpdDeadlineCramming: IntegritySignal = {
  id: ID,
  title,
  async run(ctx) {
    if (!CPD_SERVICES.includes(ctx.subject.service)) return [];
    const { crammingWeeks: weeks, crammingShare: threshold, crammingMinHours: minHours } = ctx.policy.cpdAudit;
    // Without a card the submission is the deadline the applicant worked toward.
    const deadline = (await cardExpiry(ctx)) ?? calendarDate(ctx.subject.submittedAt);
    const from = addDays(deadline, -7 * weeks);
    const total = ctx.subject.cpd.reduce((s, a) => s + a.hours, 0);
    const crammed = ctx.subject.cpd.filter((a) => a.date >= from);
    const inWindow = crammed.reduce((s, a) => s + a.hours, 0);
    const share = total > 0 ? inWindow / total : 0;
    const percent = Math.round(share * 100);
    const evidence = {
      deadline,
      windowStart: from,
      weeks,
      hoursInWindow: inWindow,
      totalHours: total,
      share: Math.round(share * 1000) / 1000,
      threshold,
      minHours,
      activities: crammed.map((a) => ({ title: a.title, date: a.date, hours: a.hours })),
    };
    // A few hours late in the period is ordinary: it takes most of the hours, and enough of them, to warn.
    if (total === 0 || share < threshold || inWindow < minHours)
      return [
        view(
          ID,
          title,
          'pass',
          {
            ar: `${hoursText(inWindow)} من ${hoursText(total)} ساعة (${percent}٪) في الأسابيع الـ${weeks} السابقة لـ ${dayWords(deadline, 'ar')}؛ ينبه من ${Math.round(threshold * 100)}٪ و${hoursText(minHours)} ساعة`,
            en: `${hoursText(inWindow)} of ${hoursText(total)} hours (${percent}%) in the ${weeks} weeks before ${dayWords(deadline, 'en')}; it warns from ${Math.round(threshold * 100)}% and ${hoursText(minHours)} hours`,
          },
          evidence,
        ),
      ];
    return [
      view(
        ID,
        title,
        'warn',
        {
          ar: `${hoursText(inWindow)} من ${hoursText(total)} ساعة (${percent}٪) مؤرخة في الأسابيع الـ${weeks} السابقة لانتهاء البطاقة في ${dayWords(deadline, 'ar')} (من ${dayWords(from, 'ar')})؛ ينبه من ${Math.round(threshold * 100)}٪ و${hoursText(minHours)} ساعة: تحقق من شهادات هذه الأنشطة`,
          en: `${hoursText(inWindow)} of ${hoursText(total)} hours (${percent}%) are dated in the ${weeks} weeks before the card's expiry on ${dayWords(deadline, 'en')} (from ${dayWords(from, 'en')}); it warns from ${Math.round(threshold * 100)}% and ${hoursText(minHours)} hours: check these activities' certificates`,
        },
        evidence,
      ),
    ];
  },
};
