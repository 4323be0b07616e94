import { describe, expect, it } from 'vitest';
import { backoffMs } from './backoff';

describe('back-off', () => {
  it('doubles from a minute after each failed try, never beyond an hour', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 20].map((n) => backoffMs(n) / 60_000)).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
  });
});
