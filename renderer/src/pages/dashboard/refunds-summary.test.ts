import { describe, expect, it } from 'vitest';
import { refundsSummary } from './refunds-summary';

describe('refundsSummary', () => {
  it('says when nothing was refunded instead of "0 · 0 ريال"', () => {
    expect(refundsSummary('ar', 0, 0)).toBe('لم تُصرف مبالغ مستردة في هذه المدة');
    expect(refundsSummary('en', 0, 0)).toBe('No refunds paid in this period');
  });
  it('counts the refunds in their plural form and gives the amount in SAR', () => {
    expect(refundsSummary('ar', 1, 5_000)).toBe('استرداد واحد بمجموع 50.00 ريال سعودي');
    expect(refundsSummary('ar', 3, 150_050)).toBe('3 استردادات بمجموع 1,500.50 ريال سعودي');
    expect(refundsSummary('en', 2, 150_050)).toBe('2 refunds totalling SAR\u00a01,500.50');
  });
});
