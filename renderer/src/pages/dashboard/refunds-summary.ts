import { countText } from '../../i18n/counts';
import { fill } from '../../i18n/fill';
import type { Lang } from '../../i18n/locale';
import { MESSAGES } from '../../i18n/messages';
import { moneyFormat } from '../../components/money';

/**
 * The refunds tile as a sentence: "لم تُصرف مبالغ مستردة في هذه المدة", or "3 استردادات بمجموع
 * 1,500.00 ريال سعودي" (a bare "0 · 0 ريال" read as one number, or as nothing at all).
 */
export function refundsSummary(lang: Lang, count: number, totalHalalas: number): string {
  if (count === 0) return MESSAGES.refundsPaidNone[lang];
  return fill(MESSAGES.refundsPaidSummary[lang], { count: countText(lang, 'refunds', count), amount: moneyFormat(lang).halalas(totalHalalas) });
}
