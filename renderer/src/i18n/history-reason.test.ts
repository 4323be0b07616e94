import { describe, expect, it } from 'vitest';
import { historyReason } from './history-reason';

describe("a history step's reason", () => {
  it('words the codes and the desk’s own sentences, and leaves typed words as typed', () => {
    expect(historyReason('documents_invalid', 'ar')).toBe('المستندات غير صحيحة أو غير مصدقة');
    expect(historyReason('no resubmission within the response window', 'ar')).toBe('عدم الاستجابة للمتطلبات الإضافية خلال المهلة');
    expect(historyReason('override:CONTACT,PHOTO', 'ar')).toBe('تجاوز الشروط غير المستوفاة: بيانات التواصل، الصورة الشخصية');
    expect(historyReason('override:CONTACT,PHOTO', 'en')).toBe('Failed checks overridden: Contact details, Personal photo');
    expect(historyReason('المؤهل لا يطابق المهنة', 'ar')).toBe('المؤهل لا يطابق المهنة');
  });
});
