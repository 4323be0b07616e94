import type { z } from 'zod';

/** Arabic for the schema's own messages (bundle-schema.ts) and zod's common issue kinds. */
const CUSTOM: Record<string, string> = {
  'not a real calendar date': 'ليس تاريخاً صحيحاً في التقويم',
  'expected a date as YYYY-MM-DD': 'المتوقع تاريخ بالصيغة YYYY-MM-DD',
  'not a real date-time': 'ليس وقتاً وتاريخاً صحيحين',
  'must not be empty': 'يجب ألا يكون فارغاً',
  'contains control or direction-override characters': 'يحتوي على محارف تحكم أو تغيير اتجاه مخفية',
  'must be a path relative to the bundle, not absolute': 'يجب أن يكون مساراً نسبياً داخل الحزمة لا مساراً مطلقاً',
  'must not leave the bundle ("..")': 'يجب ألا يخرج المسار من الحزمة ("..")',
  'contains a NUL character': 'يحتوي على محرف NUL',
  'is before the issue date': 'يسبق تاريخ الإصدار',
  'is before "from"': 'يسبق تاريخ البداية',
  'expected "mumaris-request/1"': 'المتوقع "mumaris-request/1"',
  'expected a two-letter country code such as SA': 'المتوقع رمز دولة من حرفين مثل SA',
  'expected a two-letter country code': 'المتوقع رمز دولة من حرفين',
  'expected a reference like REQ-2026-000123': 'المتوقع رقم طلب مثل REQ-2026-000123',
  'expected one e-mail address, such as name@example.com': 'المتوقع عنوان بريد إلكتروني واحد، مثل name@example.com',
  'expected a mobile number': 'المتوقع رقم جوال',
  'expected a Saudi mobile: 05XXXXXXXX or +9665XXXXXXXX': 'المتوقع رقم جوال سعودي: 05XXXXXXXX أو ‎+9665XXXXXXXX',
  'expected an international mobile such as +201001234567': 'المتوقع رقم جوال دولي مثل ‎+201001234567',
  'expected a date YYYY-MM-DD': 'المتوقع تاريخ بالصيغة YYYY-MM-DD',
  'contains a direction-override character (U+202A–U+202E, U+2066–U+2069)': 'يحتوي على محرف تغيير اتجاه مخفي (U+202A–U+202E أو U+2066–U+2069)',
};

export function arabicIssue(issue: z.core.$ZodIssue): string {
  if (CUSTOM[issue.message]) return CUSTOM[issue.message]!;
  if (issue.message.startsWith('expected a date-time with its offset')) return 'المتوقع تاريخ ووقت مع فرق التوقيت، مثل 2026-03-01T09:30:00+03:00';
  if (issue.message.startsWith('is required for ')) return `مطلوب لنوع الهوية ${issue.message.slice('is required for '.length)}`;
  if (issue.message.startsWith('at most ')) return `الحد الأقصى ${issue.message.slice(8)}`;
  if (issue.message.startsWith('expected one of ')) return `قيمة غير مقبولة؛ المسموح: ${issue.message.slice('expected one of '.length)}`;
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'حقل مطلوب غير موجود' : `نوع القيمة غير صحيح (المتوقع ${issue.expected})`;
    case 'invalid_value':
      return `قيمة غير مقبولة؛ المسموح: ${issue.values.map(String).join('، ')}`;
    case 'too_small':
      return `أقل من الحد الأدنى (${String(issue.minimum)})`;
    case 'too_big':
      return `أكبر من الحد الأقصى (${String(issue.maximum)})`;
    case 'unrecognized_keys':
      return `حقول غير معروفة: ${issue.keys.join('، ')}`;
    default:
      return 'قيمة غير صالحة';
  }
}
