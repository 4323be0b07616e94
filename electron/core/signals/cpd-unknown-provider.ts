/** cpd-unknown-provider: activities from a provider not on the policy's list of recognised providers. */
import type { IntegritySignal } from './signal';
import { CPD_SERVICES, hoursSaid, hoursText, providerKey, view } from './cpd-subject';

const ID = 'cpd-unknown-provider';
const title = { ar: 'جهة تدريب غير معتمدة', en: 'Provider not recognised' };

export const cpdUnknownProvider: IntegritySignal = {
  id: ID,
  title,
  async run(ctx) {
    if (!CPD_SERVICES.includes(ctx.subject.service)) return [];
    const known = new Set(ctx.policy.cpdAudit.recognisedProviders.map(providerKey));
    const unknown = ctx.subject.cpd.filter((a) => !known.has(providerKey(a.provider)));
    const n = ctx.subject.cpd.length;
    if (unknown.length === 0)
      return [
        view(
          ID,
          title,
          'pass',
          { ar: `جهات الأنشطة الـ${n} كلها في قائمة الجهات المعتمدة`, en: `All ${n} activities are from providers on the recognised list` },
          { activities: n, unknown: [] },
        ),
      ];
    const names = [...new Set(unknown.map((a) => a.provider))].join('، ');
    const namesEn = [...new Set(unknown.map((a) => a.provider))].join(', ');
    const hours = unknown.reduce((s, a) => s + a.hours, 0);
    return [
      view(
        ID,
        title,
        'warn',
        {
          ar: `${unknown.length} من ${n} أنشطة (${hoursSaid(hours, 'ar')}) من جهات ليست في قائمة الجهات المعتمدة: ${names}`,
          en: `${unknown.length} of ${n} activities (${hoursText(hours)} hours) are from providers not on the recognised list: ${namesEn}`,
        },
        { activities: n, unknown: unknown.map((a) => ({ title: a.title, provider: a.provider, date: a.date, hours: a.hours })) },
      ),
    ];
  },
};
