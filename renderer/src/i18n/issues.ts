import type { Bilingual, InputIssue, IssueCode } from '../../../shared/domain';
import { fill } from './fill';
import { fieldName } from './field-names';
import type { Lang } from './locale';

/**
 * What each kind of refused argument says, in both languages ({min}/{max} filled from the issue).
 * Worded so a figure ends the sentence: Arabic counted nouns change form with the number.
 */
export const ISSUE_MESSAGES: Record<IssueCode, Bilingual> = {
  required: { ar: 'مطلوب إدخاله', en: 'required' },
  too_short: { ar: 'عدد الأحرف لا يقل عن {min}', en: 'at least {min} characters' },
  too_long: { ar: 'عدد الأحرف لا يزيد على {max}', en: 'at most {max} characters' },
  too_small: { ar: 'القيمة لا تقل عن {min}', en: 'at least {min}' },
  too_large: { ar: 'القيمة لا تزيد على {max}', en: 'at most {max}' },
  too_few: { ar: 'عدد العناصر لا يقل عن {min}', en: 'at least {min} items' },
  too_many: { ar: 'عدد العناصر لا يزيد على {max}', en: 'at most {max} items' },
  not_whole: { ar: 'يجب أن يكون عدداً صحيحاً', en: 'must be a whole number' },
  wrong_type: { ar: 'نوع القيمة غير صحيح', en: 'not the kind of value expected' },
  not_allowed: { ar: 'قيمة غير مقبولة؛ اختر من القائمة', en: 'not one of the values offered; choose from the list' },
  unknown_fields: { ar: 'يحمل حقولاً لا يعرفها المكتب', en: 'carries fields the desk does not know' },
  invalid_format: { ar: 'الصيغة غير صحيحة', en: 'not in the expected form' },
  date_format: { ar: 'المتوقع تاريخ كامل: يوم وشهر وسنة', en: 'expected a full date: day, month and year' },
  month_format: { ar: 'المتوقع شهر وسنة', en: 'expected a month and year' },
  not_a_date: { ar: 'ليس تاريخاً صحيحاً في التقويم', en: 'not a real calendar date' },
  date_order: { ar: 'تاريخ البداية بعد تاريخ النهاية', en: 'the start date is after the end date' },
  same_request: { ar: 'اختر طلبين مختلفين للمقارنة', en: 'compare two different requests' },
  email: { ar: 'المتوقع عنوان بريد إلكتروني صحيح', en: 'expected an e-mail address' },
  username_format: {
    ar: 'من 3 إلى 32 محرفاً: أحرف لاتينية صغيرة وأرقام والنقطة والشرطة والشرطة السفلية',
    en: '3 to 32 characters: lower-case letters, digits, . _ -',
  },
  password_repeated: { ar: 'لا تكتفِ بتكرار حرف واحد', en: 'not one character repeated' },
  password_common: { ar: 'كلمة مرور شائعة؛ اختر غيرها', en: 'too common: choose another' },
  country_code: { ar: 'اختر دولة من القائمة', en: 'choose a country from the list' },
  invoice_number: { ar: 'رقم الفاتورة غير صحيح الصيغة', en: 'expected an invoice number such as INV-2026-000123' },
  gateway_url: { ar: 'المتوقع عنوان ويب للبوابة', en: 'expected the gateway as an http(s) address' },
  database_address: { ar: 'أدخل مسار ملف أو عنوان خادم قاعدة البيانات', en: 'enter a file or a postgres:// address' },
  base64: { ar: 'الملف المرسل تالف؛ أعد اختياره', en: 'the file sent is damaged; choose it again' },
  export_id: { ar: 'عملية التصدير غير معروفة', en: 'not a known export' },
  hidden_characters: {
    ar: 'يحتوي على محارف مخفية تغير اتجاه النص أو تتحكم به؛ احذفها',
    en: 'contains hidden control or direction-override characters; remove them',
  },
  nul_character: { ar: 'يحتوي على محرف صفري مخفي؛ احذفه', en: 'contains a hidden NUL character; remove it' },
  invalid: { ar: 'قيمة غير صالحة', en: 'not a valid value' },
};

/** A refused argument in words: "البحث: عدد الأحرف لا يزيد على 100" / "Search: at most 100 characters". */
export function issueText(issue: InputIssue, lang: Lang, fields?: Record<string, Bilingual>): string {
  const template = (ISSUE_MESSAGES[issue.code] ?? ISSUE_MESSAGES.invalid)[lang];
  const figures = Object.fromEntries(
    Object.entries(issue.params ?? {}).map(([k, v]) => [k, new Intl.NumberFormat(lang === 'ar' ? 'ar-SA-u-nu-latn' : 'en-GB').format(v)]),
  );
  const said = fill(template, figures);
  const name = issue.field ? fieldName(issue.field, fields) : null;
  return name ? `${name[lang]}: ${said}` : lang === 'en' ? said.charAt(0).toUpperCase() + said.slice(1) : said;
}
