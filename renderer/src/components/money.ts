import { useMemo } from 'react';
import { TERMS } from '../../../shared/domain';
import { useLocale, type Lang } from '../i18n/locale';

/**
 * Amounts as the finance desk reads them, by Intl's currency rules for SAR: both halala digits,
 * Latin digits, "1,500.50 ريال سعودي" in Arabic and "SAR 1,500.50" in English.
 */
export function moneyFormat(lang: Lang) {
  const currency =
    lang === 'ar'
      ? new Intl.NumberFormat('ar-SA-u-nu-latn', { style: 'currency', currency: 'SAR', currencyDisplay: 'name' })
      : new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'SAR', currencyDisplay: 'code' });
  // The code and the number are separated by a no-break space in English so they never part at a line end.
  const riyals = (r: number) => currency.format(r).replace(/^SAR\s?/, 'SAR\u00a0');
  return {
    /** An amount in halalas. */
    halalas: (h: number) => riyals(h / 100),
    /** An amount already in riyals (CaseFinance). */
    riyals,
  };
}

export function useMoney() {
  const { lang, pick } = useLocale();
  return useMemo(
    () => ({
      ...moneyFormat(lang),
      channel: (c: string) => pick((TERMS.payment_channels as Record<string, { ar: string; en: string }>)[c] ?? { ar: c, en: c }),
    }),
    [lang, pick],
  );
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
