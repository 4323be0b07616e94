import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Bilingual } from '../../../shared/domain';
import { MESSAGES, type MessageKey } from './messages';

export type Lang = 'ar' | 'en';

interface LocaleValue {
  lang: Lang;
  dir: 'rtl' | 'ltr';
  setLang(lang: Lang): void;
  t(key: MessageKey): string;
  /** Picks the side of a bilingual text for the current language. */
  pick(text: Bilingual): string;
  formatNumber(n: number): string;
  /** Gregorian and Hijri (Umm al-Qura) together, as the commission writes dates. */
  formatDate(iso: string): string;
  /** The two calendars apart, for tight table cells. */
  formatDateParts(iso: string): { gregorian: string; hijri: string };
  formatDateTime(iso: string): string;
  /** Gregorian and Hijri with the time (Riyadh), where a moment is shown on its own line. */
  formatDateTimeFull(iso: string): string;
  /** A short list as each language separates it: "مراجع، معتمد" / "Reviewer, Approver". */
  formatList(items: string[]): string;
}

const LocaleContext = createContext<LocaleValue | null>(null);
const STORAGE_KEY = 'desk-lang';

function initialLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'ar';
  } catch {
    return 'ar';
  }
}

export function LocaleProvider({ children, lang: forced }: { children: ReactNode; lang?: Lang }) {
  const [lang, setLangState] = useState<Lang>(forced ?? initialLang);
  const dir = lang === 'ar' ? 'rtl' : 'ltr';

  useEffect(() => {
    document.documentElement.lang = lang === 'ar' ? 'ar-SA' : 'en';
    document.documentElement.dir = dir;
    // A page scrolled sideways in one direction would open cut off in the other: start each language at its edge.
    document.scrollingElement?.scrollTo({ left: 0, top: document.scrollingElement.scrollTop });
  }, [lang, dir]);

  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      /* private mode: the choice lasts for this window only */
    }
  }, []);

  const value = useMemo<LocaleValue>(() => {
    const gregorian = new Intl.DateTimeFormat(lang === 'ar' ? 'ar-SA-u-ca-gregory-nu-latn' : 'en-GB-u-ca-gregory', {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'Asia/Riyadh',
    });
    const hijri = new Intl.DateTimeFormat(lang === 'ar' ? 'ar-SA-u-ca-islamic-umalqura-nu-latn' : 'en-u-ca-islamic-umalqura', {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'Asia/Riyadh',
    });
    const time = new Intl.DateTimeFormat(lang === 'ar' ? 'ar-SA-u-nu-latn' : 'en-GB', {
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'Asia/Riyadh',
    });
    const number = new Intl.NumberFormat(lang === 'ar' ? 'ar-SA-u-nu-latn' : 'en-GB');
    const asDate = (iso: string) => new Date(iso.length === 10 ? `${iso}T12:00:00+03:00` : iso);
    return {
      lang,
      dir,
      setLang,
      t: (key) => MESSAGES[key][lang],
      pick: (text) => text[lang],
      formatNumber: (n) => number.format(n),
      formatDate: (iso) => `${gregorian.format(asDate(iso))} (${hijri.format(asDate(iso))})`,
      formatDateParts: (iso) => ({ gregorian: gregorian.format(asDate(iso)), hijri: hijri.format(asDate(iso)) }),
      formatDateTime: (iso) => `${gregorian.format(asDate(iso))} ${time.format(asDate(iso))}`,
      formatDateTimeFull: (iso) => `${gregorian.format(asDate(iso))} (${hijri.format(asDate(iso))}) ${time.format(asDate(iso))}`,
      formatList: (items) => items.join(lang === 'ar' ? '، ' : ', '),
    };
  }, [lang, dir, setLang]);

  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export function useLocale(): LocaleValue {
  const v = useContext(LocaleContext);
  if (!v) throw new Error('useLocale outside LocaleProvider');
  return v;
}
