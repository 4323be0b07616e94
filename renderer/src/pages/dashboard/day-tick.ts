import type { Lang } from '../../i18n/locale';

/**
 * A day on a chart's time axis as the language writes it, short: "1 ديسمبر" / "1 Dec" (an ISO
 * "2026-12-01" is a Latin-looking code in an Arabic chart, and twice as wide).
 */
export function dayTick(lang: Lang): (iso: string) => string {
  const format = new Intl.DateTimeFormat(lang === 'ar' ? 'ar-SA-u-ca-gregory-nu-latn' : 'en-GB', {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
  return (iso) => (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? format.format(new Date(`${iso}T00:00:00Z`)) : iso);
}
