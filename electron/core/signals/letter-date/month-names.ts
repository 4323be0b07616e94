/**
 * Month names as letters write them, folded as fold-text.ts folds (أ → ا, ى → ي, lower case).
 * Gregorian months in Saudi (يناير…) and Levantine (كانون الثاني…) Arabic and in English; Hijri
 * months in Arabic and in the usual English transliterations.
 */
const GREGORIAN: string[][] = [
  ['يناير', 'كانون الثاني', 'january', 'jan'],
  ['فبراير', 'شباط', 'february', 'feb'],
  ['مارس', 'اذار', 'march', 'mar'],
  ['ابريل', 'نيسان', 'april', 'apr'],
  ['مايو', 'ايار', 'may'],
  ['يونيو', 'يونيه', 'حزيران', 'june', 'jun'],
  ['يوليو', 'يوليه', 'تموز', 'july', 'jul'],
  ['اغسطس', 'اب', 'august', 'aug'],
  ['سبتمبر', 'ايلول', 'september', 'sept', 'sep'],
  ['اكتوبر', 'تشرين الاول', 'october', 'oct'],
  ['نوفمبر', 'تشرين الثاني', 'november', 'nov'],
  ['ديسمبر', 'كانون الاول', 'december', 'dec'],
];

const HIJRI: string[][] = [
  ['محرم', 'المحرم', 'muharram'],
  ['صفر', 'safar'],
  ['ربيع الاول', 'rabi al-awwal', "rabi' al-awwal", 'rabi al awwal', 'rabi i'],
  ['ربيع الاخر', 'ربيع الثاني', 'rabi al-thani', "rabi' al-thani", 'rabi al-akhir', "rabi' al-akhir", 'rabi ii'],
  ['جمادي الاولي', 'جمادي الاول', 'jumada al-awwal', 'jumada al-ula', 'jumada i'],
  ['جمادي الاخره', 'جمادي الاخرة', 'جمادي الثانيه', 'جمادي الثانية', 'jumada al-thani', 'jumada al-akhirah', 'jumada ii'],
  ['رجب', 'rajab'],
  ['شعبان', "sha'ban", 'shaban', 'shaaban'],
  ['رمضان', 'ramadan'],
  ['شوال', 'shawwal'],
  ['ذو القعده', 'ذو القعدة', 'ذي القعده', 'ذي القعدة', "dhu al-qi'dah", 'dhu al-qadah', "dhul-qi'dah", 'dhul qadah'],
  ['ذو الحجه', 'ذو الحجة', 'ذي الحجه', 'ذي الحجة', 'dhu al-hijjah', 'dhul-hijjah', 'dhul hijjah'],
];

export interface MonthName {
  month: number;
  hijri: boolean;
}

const BY_NAME = new Map<string, MonthName>();
GREGORIAN.forEach((names, i) => names.forEach((n) => BY_NAME.set(n, { month: i + 1, hijri: false })));
HIJRI.forEach((names, i) => names.forEach((n) => BY_NAME.set(n, { month: i + 1, hijri: true })));

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One alternation of every name, longest first so "ربيع الاول" wins over a shorter name inside it. */
export const MONTH_PATTERN = [...BY_NAME.keys()]
  .sort((a, b) => b.length - a.length)
  .map((n) => escape(n).replace(/ /g, '\\s+'))
  .join('|');

/** The month a (folded) name stands for; spaces inside it are read as one. */
export const monthNamed = (name: string): MonthName | undefined => BY_NAME.get(name.replace(/\s+/g, ' '));
