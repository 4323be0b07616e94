import { describe, expect, it } from 'vitest';
import { typedPage } from './use-current-page';

describe('a page number as typed', () => {
  it('reads Latin and Arabic-Indic digits, and nothing else', () => {
    expect(typedPage('3')).toBe(3);
    expect(typedPage(' ١٢ ')).toBe(12);
    expect(typedPage('')).toBeNull();
    expect(typedPage('2a')).toBeNull();
    expect(typedPage('-1')).toBeNull();
  });
});
