/**
 * cpd-hours-per-day: more hours on one day of one activity kind than that kind allows (a course day holds
 * 8 hours, a lecture 4…: policy cpdAudit.maxHoursPerDay). Activities of a kind on the same day add up.
 */
import type { IntegritySignal } from './signal';
import { CPD_SERVICES, hoursSaid, view } from './cpd-subject';
import { cpdActivityKind } from '../../../shared/domain/cpd';
import { counted, DAYS } from '../../../shared/domain/counted';
import { dayWords } from '../../../shared/domain/day-words';

const ID = 'cpd-hours-per-day';
const title = { ar: 'ساعات في اليوم أكثر مما يتسع له النشاط', en: 'More hours in a day than the activity allows' };

export const cpdHoursPerDay: IntegritySignal = {
  id: ID,
  title,
  async run(ctx) {
    if (!CPD_SERVICES.includes(ctx.subject.service)) return [];
    const { maxHoursPerDay, otherKindMaxHoursPerDay } = ctx.policy.cpdAudit;
    const days = new Map<string, { date: string; kind: string; hours: number; titles: string[] }>();
    for (const a of ctx.subject.cpd) {
      const key = `${a.date}|${a.kind}`;
      const d = days.get(key) ?? days.set(key, { date: a.date, kind: a.kind, hours: 0, titles: [] }).get(key)!;
      d.hours += a.hours;
      d.titles.push(a.title);
    }
    const over = [...days.values()]
      .map((d) => ({ ...d, max: maxHoursPerDay[d.kind] ?? otherKindMaxHoursPerDay }))
      .filter((d) => d.hours > d.max)
      .sort((a, b) => a.date.localeCompare(b.date));
    if (over.length === 0)
      return [
        view(
          ID,
          title,
          'pass',
          { ar: 'لا يتجاوز أي يوم الساعات التي يتسع لها نوع النشاط', en: 'No day holds more hours than its activity kind allows' },
          { days: days.size, over: [] },
        ),
      ];
    const ar = over
      .map((d) => `${dayWords(d.date, 'ar')}: ${hoursSaid(d.hours, 'ar')} من نوع «${cpdActivityKind(d.kind).ar}» والحد ${hoursSaid(d.max, 'ar')}`)
      .join('؛ ');
    const en = over
      .map((d) => `${dayWords(d.date, 'en')}: ${hoursSaid(d.hours, 'en')} of ${cpdActivityKind(d.kind).en}, at most ${hoursSaid(d.max, 'en')}`)
      .join('; ');
    return [
      view(
        ID,
        title,
        'warn',
        {
          ar: `${counted(DAYS.ar, 'ar', over.length)} فيه ساعات أكثر مما يتسع له نوع النشاط — ${ar}`,
          en: `${counted(DAYS.en, 'en', over.length)} with more hours than the activity kind allows — ${en}`,
        },
        { days: days.size, over },
      ),
    ];
  },
};
