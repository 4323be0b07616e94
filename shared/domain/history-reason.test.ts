import { describe, expect, it } from 'vitest';
import { historyReasonText } from './history-reason';

const step = (action: string, reason: string | null, reasonCode: string | null = null) => ({ action, reason, reasonCode });

describe('historyReasonText', () => {
  it('words a rejection reason and keeps the words typed with it', () => {
    expect(historyReasonText(step('reject', null, 'documents_invalid'), 'ar')).toBe('المستندات غير صحيحة أو غير مصدقة');
    expect(historyReasonText(step('reject', 'الختم غير واضح', 'documents_invalid'), 'ar')).toBe('المستندات غير صحيحة أو غير مصدقة: الختم غير واضح');
  });
  it('never shows the sweep’s English sentences', () => {
    expect(historyReasonText(step('expire', 'no resubmission within the response window', 'no_response'), 'ar')).toBe(
      'عدم الاستجابة للمتطلبات الإضافية خلال المهلة',
    );
    // Histories written before the code was kept.
    expect(historyReasonText(step('expire', 'no resubmission within the response window'), 'ar')).toBe(
      'عدم الاستجابة للمتطلبات الإضافية خلال المهلة',
    );
    expect(historyReasonText(step('expire_invoice', 'invoice INV-2026-000123 not paid by 2026-10-05', 'unpaid'), 'ar')).toBe(
      'الفاتورة INV-2026-000123 لم تسدد حتى 5 أكتوبر 2026',
    );
    expect(historyReasonText(step('approve', 'invoice INV-2026-000123, due 2026-10-05'), 'en')).toBe('Invoice INV-2026-000123, due 5 October 2026');
    expect(historyReasonText(step('no_fee', 'the fee schedule has no fee for this service', 'no_fee'), 'ar')).toBe(
      'لا رسوم على هذه الخدمة في جدول الرسوم',
    );
  });
  it('words overrides with the rule titles and the justification', () => {
    expect(historyReasonText(step('approve', null, 'override:CONTACT,PHOTO'), 'ar')).toBe(
      'تجاوز الشروط غير المستوفاة: بيانات التواصل، الصورة الشخصية',
    );
    expect(historyReasonText(step('approve', 'checked by phone', 'override:CONTACT'), 'en')).toBe(
      'Failed checks overridden: Contact details — checked by phone',
    );
  });
  it('words a reroute and a reassignment', () => {
    expect(historyReasonText(step('reroute', 'Registration → Classification', 'REGISTRATION>CLASSIFICATION_INSIDE'), 'en')).toMatch(
      /^From “.+” to “.+”$/,
    );
    expect(historyReasonText(step('reroute', 'x', 'REGISTRATION>CLASSIFICATION_INSIDE'), 'ar')).not.toMatch(/[A-Za-z]/);
    expect(historyReasonText(step('reassign', 'back to the queue'), 'ar')).toBe('أعيد إلى القائمة');
    expect(historyReasonText(step('reassign', 'نورة العتيبي', 'assigned_to'), 'ar')).toBe('أسند إلى نورة العتيبي');
  });
  it('shows words typed by a person as typed', () => {
    expect(historyReasonText(step('return', 'المؤهل لا يطابق المهنة'), 'ar')).toBe('المؤهل لا يطابق المهنة');
    expect(historyReasonText(step('claim', null), 'en')).toBeNull();
  });
});
