import { describe, expect, it, vi } from 'vitest';
import { createClient, DeskCallError, mockTransport } from './client';

describe('createClient over the mock transport', () => {
  it('returns values and throws DeskCallError with the code', async () => {
    const onUnauth = vi.fn();
    const client = createClient(
      mockTransport({
        'auth.me': () => ({ id: 1, username: 'a', displayName: 'A', roles: ['reviewer'] }),
        'queues.counts': () => {
          throw new DeskCallError({ code: 'unauthenticated', message: 'sign in' });
        },
      }),
      onUnauth,
    );
    expect((await client.call('auth.me', {})).username).toBe('a');
    await expect(client.call('queues.counts', {})).rejects.toMatchObject({ code: 'unauthenticated' });
    expect(onUnauth).toHaveBeenCalledOnce();
    await expect(client.call('users.list', {})).rejects.toMatchObject({ code: 'not_found' });
  });
});
