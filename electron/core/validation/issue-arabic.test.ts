import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { arabicIssue } from './issue-arabic';
import { bundleIssueArabic } from '../intake/bundle-issue-arabic';

const firstIssue = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error!.issues[0]!;

describe('Arabic for a refused argument', () => {
  it('words the contract’s own messages and zod’s issue kinds', () => {
    expect(arabicIssue(firstIssue(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD'), 'soon'))).toBe(
      'المتوقع تاريخ بالصيغة YYYY-MM-DD',
    );
    expect(arabicIssue(firstIssue(z.object({ a: z.string() }), {}))).toBe('حقل مطلوب غير موجود');
    expect(arabicIssue(firstIssue(z.string().max(3, 'at most 3 characters'), 'abcd'))).toBe('الحد الأقصى 3 characters');
  });

  it('a bundle’s own messages are intake’s, and anything else is worded as any call’s', () => {
    const bundleOnly = firstIssue(
      z.string().refine(() => false, 'must not leave the bundle ("..")'),
      'x',
    );
    expect(bundleIssueArabic(bundleOnly)).toBe('يجب ألا يخرج المسار من الحزمة ("..")');
    expect(arabicIssue(bundleOnly)).toBe('قيمة غير صالحة');
    expect(bundleIssueArabic(firstIssue(z.enum(['a', 'b']), 'c'))).toBe('قيمة غير مقبولة؛ المسموح: a، b');
  });
});
