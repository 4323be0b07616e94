import { useMemo } from 'react';
import { TERMS } from '../../../shared/domain';
import { useLocale } from '../i18n/locale';

/** Amounts as the finance desk reads them: riyals with both halala digits, Latin digits, the currency after. */
export function useMoney() {
  const { lang, pick } = useLocale();
  return useMemo(() => {
    const number = new Intl.NumberFormat(lang === 'ar' ? 'ar-SA-u-nu-latn' : 'en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const unit = lang === 'ar' ? 'ريال' : 'SAR';
    return {
      /** An amount in halalas. */
      halalas: (h: number) => `${number.format(h / 100)} ${unit}`,
      /** An amount already in riyals (CaseFinance). */
      riyals: (r: number) => `${number.format(r)} ${unit}`,
      channel: (c: string) => pick((TERMS.payment_channels as Record<string, { ar: string; en: string }>)[c] ?? { ar: c, en: c }),
    };
  }, [lang, pick]);
}

/** "150.5" or "150,50" as typed → halalas; null when it is not an amount with at most two decimals. */
export function parseRiyals(text: string): number | null {
  const t = text
    .trim()
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[٫,]/g, '.');
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(t)) return null;
  const [whole, frac = ''] = t.split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
}
