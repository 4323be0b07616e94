import type { z } from 'zod';
import { arabicIssue } from '../validation/issue-arabic';

/** Arabic for the bundle schema's own messages (bundle-schema.ts); anything else is worded as any call's would be. */
const BUNDLE_MESSAGES: Record<string, string> = {
  'expected a date as YYYY-MM-DD': 'المتوقع تاريخ بالصيغة YYYY-MM-DD',
  'not a real date-time': 'ليس وقتاً وتاريخاً صحيحين',
  'must not be empty': 'يجب ألا يكون فارغاً',
  'must be a path relative to the bundle, not absolute': 'يجب أن يكون مساراً نسبياً داخل الحزمة لا مساراً مطلقاً',
  'must not leave the bundle ("..")': 'يجب ألا يخرج المسار من الحزمة ("..")',
  'contains a NUL character': 'يحتوي على محرف NUL',
  'is before the issue date': 'يسبق تاريخ الإصدار',
  'is before "from"': 'يسبق تاريخ البداية',
  'expected "mumaris-request/1"': 'المتوقع "mumaris-request/1"',
  'expected a two-letter country code such as SA': 'المتوقع رمز دولة من حرفين مثل SA',
  'expected a reference like REQ-2026-000123': 'المتوقع رقم طلب مثل REQ-2026-000123',
  'expected one e-mail address, such as name@example.com': 'المتوقع عنوان بريد إلكتروني واحد، مثل name@example.com',
  'expected a mobile number': 'المتوقع رقم جوال',
  'expected a Saudi mobile: 05XXXXXXXX or +9665XXXXXXXX': 'المتوقع رقم جوال سعودي: 05XXXXXXXX أو ‎+9665XXXXXXXX',
  'expected an international mobile such as +201001234567': 'المتوقع رقم جوال دولي مثل ‎+201001234567',
};

export function bundleIssueArabic(issue: z.core.$ZodIssue): string {
  if (BUNDLE_MESSAGES[issue.message]) return BUNDLE_MESSAGES[issue.message]!;
  if (issue.message.startsWith('expected a date-time with its offset')) return 'المتوقع تاريخ ووقت مع فرق التوقيت، مثل 2026-03-01T09:30:00+03:00';
  if (issue.message.startsWith('is required for ')) return `مطلوب لنوع الهوية ${issue.message.slice('is required for '.length)}`;
  if (issue.message.startsWith('expected one of ')) return `قيمة غير مقبولة؛ المسموح: ${issue.message.slice('expected one of '.length)}`;
  return arabicIssue(issue);
}
