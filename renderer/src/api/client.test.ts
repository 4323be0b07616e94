import { describe, expect, it, vi } from 'vitest';
import { createClient, DeskCallError, mockTransport } from './client';
import { fileKeyFor } from '../../../shared/file-key';

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

describe('file links in answers', () => {
  it("carry the session's file key, never the token; other answers are left alone", async () => {
    const client = createClient(
      mockTransport({
        'attachments.open': () => ({ url: '/files/TICKET', mime: 'application/pdf', fileName: 'a.pdf' }),
        'auth.me': () => ({ id: 1, username: 'a', displayName: 'A', roles: ['reviewer'] }),
      }),
    );
    expect((await client.call('attachments.open', { id: 1 })).url).toBe('/files/TICKET');
    client.setSession('the-session-token');
    const { url } = await client.call('attachments.open', { id: 1 });
    expect(url).toBe(`/files/TICKET?k=${await fileKeyFor('the-session-token')}`);
    expect(url).not.toContain('the-session-token');
    expect(await client.call('auth.me', {})).toMatchObject({ username: 'a' });
  });
});
