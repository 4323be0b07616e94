import type { z } from 'zod';

/**
 * Arabic for the contract's own schema messages (shared/contract.ts, shared/domain) and zod's common issue
 * kinds: the sentence the command line and the log get beside the English. The screen words a refused
 * argument from its issue code instead (input-issue.ts). Intake words its bundle schema's own messages
 * first (intake/bundle-issue-arabic.ts) and falls back on these.
 */
const CONTRACT_MESSAGES: Record<string, string> = {
  'not a real calendar date': 'ليس تاريخاً صحيحاً في التقويم',
  'expected a date YYYY-MM-DD': 'المتوقع تاريخ بالصيغة YYYY-MM-DD',
  'expected a two-letter country code': 'المتوقع رمز دولة من حرفين',
  'contains control or direction-override characters': 'يحتوي على محارف تحكم أو تغيير اتجاه مخفية',
};

export function arabicIssue(issue: z.core.$ZodIssue): string {
  if (CONTRACT_MESSAGES[issue.message]) return CONTRACT_MESSAGES[issue.message]!;
  if (issue.message.startsWith('at most ')) return `الحد الأقصى ${issue.message.slice(8)}`;
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
