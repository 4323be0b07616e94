import { describe, expect, it } from 'vitest';
import { countText } from './counts';

describe('countText', () => {
  it('Arabic counted nouns take the form their number asks for', () => {
    expect(['lines', 'requests', 'cards'].map((noun) => [1, 2, 5, 11, 100].map((n) => countText('ar', noun as 'lines', n)))).toEqual([
      ['سطر واحد', 'سطران', '5 أسطر', '11 سطراً', '100 سطر'],
      ['طلب واحد', 'طلبان', '5 طلبات', '11 طلباً', '100 طلب'],
      ['بطاقة واحدة', 'بطاقتان', '5 بطاقات', '11 بطاقة', '100 بطاقة'],
    ]);
  });
  it('English says one line, two lines; numbers are grouped in Latin digits', () => {
    expect(countText('en', 'lines', 1)).toBe('1 line');
    expect(countText('en', 'lines', 5)).toBe('5 lines');
    expect(countText('en', 'cards', 0)).toBe('0 cards');
    expect(countText('en', 'requests', 1500)).toBe('1,500 requests');
    expect(countText('ar', 'refunds', 1)).toBe('استرداد واحد');
    expect(countText('ar', 'requests', 1500)).toBe('1,500 طلب');
  });
  it('has every form Arabic needs for each noun: 0, 1, 2, 3–10, 11–99, 100', () => {
    expect([0, 1, 2, 3, 11, 100].map((n) => countText('ar', 'workingDays', n))).toEqual([
      '0 يوم عمل',
      'يوم عمل واحد',
      'يوما عمل',
      '3 أيام عمل',
      '11 يوم عمل',
      '100 يوم عمل',
    ]);
    expect([1, 2, 4, 12].map((n) => countText('ar', 'attachments', n))).toEqual(['مرفق واحد', 'مرفقان', '4 مرفقات', '12 مرفقاً']);
    expect([1, 2, 4].map((n) => countText('ar', 'messages', n))).toEqual(['رسالة واحدة', 'رسالتان', '4 رسائل']);
    expect(countText('en', 'payments', 1)).toBe('1 payment');
    expect(countText('en', 'workingDays', 2)).toBe('2 working days');
  });
});
