import { describe, expect, it } from 'vitest';
import { retryLostRaces } from './lost-races';

const pgError = (code: string) => Object.assign(new Error(code === '40P01' ? 'deadlock detected' : 'other'), { code });

describe('retryLostRaces', () => {
  it('tries a transaction PostgreSQL aborted for a deadlock or a serialization failure again', async () => {
    let calls = 0;
    const value = await retryLostRaces(async () => {
      calls += 1;
      if (calls === 1) throw pgError('40P01');
      if (calls === 2) throw pgError('40001');
      return 'done';
    });
    expect(value).toBe('done');
    expect(calls).toBe(3);
  });

  it('gives up after the attempts allowed, and never retries any other error', async () => {
    let calls = 0;
    await expect(
      retryLostRaces(async () => {
        calls += 1;
        throw pgError('40P01');
      }, 3),
    ).rejects.toThrow('deadlock detected');
    expect(calls).toBe(3);
    calls = 0;
    await expect(
      retryLostRaces(async () => {
        calls += 1;
        throw pgError('23505');
      }),
    ).rejects.toThrow('other');
    expect(calls).toBe(1);
  });
});
