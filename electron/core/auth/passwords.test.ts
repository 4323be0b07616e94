import { describe, expect, it } from 'vitest';
import { checkPassword, costFactor, hashPassword, verifyPassword } from './passwords';

describe('password hashes', () => {
  it('keep their own parameters: a hash made at any N verifies, and a wrong password does not', async () => {
    const stored = await hashPassword('correct-horse-battery');
    expect(stored).toMatch(/^scrypt\$\d+\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(await verifyPassword('correct-horse-battery', stored)).toBe(true);
    expect(await verifyPassword('correct-horse-batterY', stored)).toBe(false);
    expect(await checkPassword('anything', null)).toBe(false);
  });

  it('use the full cost outside the test runner, whatever the environment asks', () => {
    expect(costFactor({})).toBe(32768);
    expect(costFactor({ MUMARIS_TEST_SCRYPT_N: '1024' })).toBe(32768);
    expect(costFactor({ VITEST: 'true', MUMARIS_TEST_SCRYPT_N: '1024' })).toBe(1024);
    // Not a power of two, too small, not lower than the real cost, or not a number: the full cost.
    for (const n of ['1000', '512', '65536', 'x', '']) expect(costFactor({ VITEST: 'true', MUMARIS_TEST_SCRYPT_N: n })).toBe(32768);
  });
});
