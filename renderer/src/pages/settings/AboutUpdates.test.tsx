import { describe, expect, it } from 'vitest';
import type { UserInfo } from '../../../../shared/domain';
import type { UpdatesView } from '../../../../shared/updates';
import { createClient, mockTransport } from '../../api/client';
import { queryClientForTests, renderForTest } from '../../testing/render-for-test';
import { AboutUpdates } from './AboutUpdates';

const admin: UserInfo = { id: 1, username: 'admin', displayName: 'Admin', roles: ['admin'] };

async function shown(view: UpdatesView, lang: 'ar' | 'en' = 'en') {
  const client = createClient(mockTransport({ 'app.updates': () => view }));
  const queryClient = queryClientForTests();
  await queryClient.prefetchQuery({ queryKey: ['app.updates'], queryFn: () => client.call('app.updates', {}) });
  return renderForTest(<AboutUpdates />, { client, queryClient, user: admin, lang });
}

describe('About and updates', () => {
  it('shows the version, the channel, the server and the last check', async () => {
    const html = await shown({
      version: '0.1.0',
      channel: 'latest',
      feedUrl: 'https://updates.scfhs.internal/desk/',
      settingsFile: '/data/updates.json',
      lastCheck: { at: '2026-11-30T08:00:00.000Z', outcome: 'downloaded', version: '0.2.0' },
      problem: null,
    });
    expect(html).toContain('About and updates');
    expect(html).toContain('0.1.0');
    expect(html).toContain('latest');
    expect(html).toContain('https://updates.scfhs.internal/desk/');
    expect(html).toContain('Version 0.2.0 is downloaded and installs when the app is closed');
  });

  it('without a server says no updates are looked for, in Arabic too, and shows what to fix', async () => {
    const view: UpdatesView = {
      version: '0.1.0',
      channel: 'latest',
      feedUrl: null,
      settingsFile: '/data/updates.json',
      lastCheck: null,
      problem: '/data/updates.json: "url" must be an https:// address',
    };
    const en = await shown(view);
    expect(en).toContain('None named; the desk does not look for updates.');
    expect(en).toContain('Not checked yet');
    expect(en).toContain('must be an https:// address');
    expect(await shown(view, 'ar')).toContain('لم يُحدد خادم');
  });
});
