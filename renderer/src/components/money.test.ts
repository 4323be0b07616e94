import { describe, expect, it } from 'vitest';
import { moneyFormat, parseRiyals } from './money';

describe('moneyFormat', () => {
  it('writes SAR amounts by the currency rules of each language, with both halala digits', () => {
    expect(moneyFormat('ar').halalas(150_050)).toBe('1,500.50 ريال سعودي');
    expect(moneyFormat('ar').riyals(0)).toBe('0.00 ريال سعودي');
    expect(moneyFormat('en').halalas(150_050)).toBe('SAR\u00a01,500.50');
    expect(moneyFormat('en').riyals(3)).toBe('SAR\u00a03.00');
  });
});

describe('parseRiyals', () => {
  it('reads typed amounts in either digit set and refuses more than two decimals', () => {
    expect(parseRiyals('١٥٠٫٥')).toBe(15_050);
    expect(parseRiyals('150.505')).toBeNull();
  });
});
