import { counted, type CountForms as Forms } from '../../../shared/domain/counted';
import type { Lang } from './locale';

/**
 * Counted nouns in the forms Arabic grammar asks for (one, two, three to ten, eleven to ninety-nine,
 * hundreds) and English's one/other, chosen by Intl.PluralRules: "سطر واحد", "5 أسطر", "1 line".
 */
const NOUNS = {
  lines: {
    ar: { zero: '# سطر', one: 'سطر واحد', two: 'سطران', few: '# أسطر', many: '# سطراً', other: '# سطر' },
    en: { one: '# line', other: '# lines' },
  },
  requests: {
    ar: { zero: '# طلب', one: 'طلب واحد', two: 'طلبان', few: '# طلبات', many: '# طلباً', other: '# طلب' },
    en: { one: '# request', other: '# requests' },
  },
  cards: {
    ar: { zero: '# بطاقة', one: 'بطاقة واحدة', two: 'بطاقتان', few: '# بطاقات', many: '# بطاقة', other: '# بطاقة' },
    en: { one: '# card', other: '# cards' },
  },
  refunds: {
    ar: { zero: '# استرداد', one: 'استرداد واحد', two: 'استردادان', few: '# استردادات', many: '# استرداداً', other: '# استرداد' },
    en: { one: '# refund', other: '# refunds' },
  },
  entries: {
    ar: { zero: '# قيد', one: 'قيد واحد', two: 'قيدان', few: '# قيود', many: '# قيداً', other: '# قيد' },
    en: { one: '# entry', other: '# entries' },
  },
  hours: {
    ar: { zero: '# ساعة', one: 'ساعة واحدة', two: 'ساعتان', few: '# ساعات', many: '# ساعة', other: '# ساعة' },
    en: { one: '# hour', other: '# hours' },
  },
  attachments: {
    ar: { zero: '# مرفق', one: 'مرفق واحد', two: 'مرفقان', few: '# مرفقات', many: '# مرفقاً', other: '# مرفق' },
    en: { one: '# attachment', other: '# attachments' },
  },
  messages: {
    ar: { zero: '# رسالة', one: 'رسالة واحدة', two: 'رسالتان', few: '# رسائل', many: '# رسالة', other: '# رسالة' },
    en: { one: '# message', other: '# messages' },
  },
  payments: {
    ar: { zero: '# دفعة', one: 'دفعة واحدة', two: 'دفعتان', few: '# دفعات', many: '# دفعة', other: '# دفعة' },
    en: { one: '# payment', other: '# payments' },
  },
  workingDays: {
    ar: { zero: '# يوم عمل', one: 'يوم عمل واحد', two: 'يوما عمل', few: '# أيام عمل', many: '# يوم عمل', other: '# يوم عمل' },
    en: { one: '# working day', other: '# working days' },
  },
} satisfies Record<string, Record<Lang, Forms>>;

export type CountedNoun = keyof typeof NOUNS;

/** "3 أسطر" / "3 lines": the number (Latin digits, grouped) with the noun in the form its count takes. */
export function countText(lang: Lang, noun: CountedNoun, n: number): string {
  return counted(NOUNS[noun][lang], lang, n);
}
