import { describe, expect, it } from 'vitest';
import type { ArgsOf } from '../../../shared/contract';
import type { DeliverySettingsView, DeliveryState, OutboxMessage, UserInfo } from '../../../shared/domain/index';
import { createClient, mockTransport } from '../api/client';
import { queryClientForTests, renderForTest } from '../testing/render-for-test';
import { OutboxPage } from './OutboxPage';
import { deliverySettingsQuery, outboxCountsQuery, outboxListQuery, OUTBOX_PAGE } from './outbox/outbox-queries';

const admin: UserInfo = { id: 1, username: 'admin', displayName: 'Admin', roles: ['admin'] };
const reviewer: UserInfo = { id: 2, username: 'reviewer1', displayName: 'Reviewer', roles: ['reviewer'] };

const message = (id: number, state: DeliveryState, extra: Partial<OutboxMessage> = {}): OutboxMessage => ({
  id,
  requestId: id,
  reference: `REQ-2026-00000${id}`,
  to: `applicant${id}@example.sa`,
  subjectAr: `موضوع ${state}`,
  subjectEn: `Subject ${state}`,
  bodyAr: 'نص',
  bodyEn: 'Text',
  createdAt: '2026-11-30T08:00:00Z',
  sentAt: state === 'sent' ? '2026-11-30T08:01:00Z' : null,
  kind: 'returned',
  channel: 'email',
  state,
  attempts: state === 'queued' ? 0 : 2,
  nextAttemptAt: state === 'failed' ? '2026-11-30T09:00:00Z' : null,
  lastError: state === 'failed' || state === 'dead' ? '421 4.7.0 try again later' : null,
  relayAnswer: state === 'sent' ? '250 2.0.0 Ok: queued as ABC123' : null,
  messageId: `<outbox-${id}@desk>`,
  hasAttachment: false,
  ...extra,
});
const ALL = [message(1, 'queued'), message(2, 'sent'), message(3, 'failed'), message(4, 'dead'), message(5, 'cancelled')];
const COUNTS = { queued: 1, sending: 0, sent: 1, failed: 1, dead: 1, cancelled: 1 };
const noRelay: DeliverySettingsView = { email: null, sms: null, capture: null, maxAttempts: 5, why: 'no_relay', canSave: true };

/** A desk behind the mock transport that filters like the real one and remembers what it was asked. */
function desk() {
  const asked: Array<ArgsOf<'outbox.list'>> = [];
  const client = createClient(
    mockTransport({
      'outbox.list': (args) => {
        asked.push(args);
        const search = args.search?.toLowerCase();
        return ALL.filter((m) => !args.state || m.state === args.state).filter(
          (m) => !search || [m.reference, m.to, m.subjectAr, m.subjectEn].some((v) => v?.toLowerCase().includes(search)),
        );
      },
      'outbox.counts': () => COUNTS,
      'delivery.settings': () => noRelay,
    }),
  );
  return { client, asked, queryClient: queryClientForTests() };
}

describe('the Outbox page', () => {
  it('asks the desk for the chosen state only and lists just those, with the counts on the filter', async () => {
    const d = desk();
    await d.queryClient.prefetchQuery(outboxCountsQuery(d.client));
    await d.queryClient.prefetchQuery(outboxListQuery(d.client, { state: 'dead', search: '' }));
    const html = renderForTest(<OutboxPage state="dead" />, { ...d, user: admin });

    expect(d.asked).toEqual([{ limit: OUTBOX_PAGE, state: 'dead' }]);
    expect(html).toContain('Subject dead');
    for (const other of ['queued', 'sent', 'failed', 'cancelled']) expect(html).not.toContain(`Subject ${other}`);
    // The state in words on the badge, not colour alone, and the relay's last refusal.
    expect(html).toMatch(/data-state="dead"[^>]*>.*?Undeliverable/s);
    expect(html).toContain('421 4.7.0 try again later');
    // The filter: every state with its count, the chosen one checked.
    expect(html).toContain('All (5)');
    expect(html).toContain('Failed, will retry (1)');
    expect(html).toMatch(/<input[^>]*value="dead"[^>]*checked=""|<input[^>]*checked=""[^>]*value="dead"/);
    // A dead message is the admin's to resend or cancel.
    expect(html).toContain('Resend');
    expect(html).toContain('Cancel the message');
  });

  it('sends a search trimmed, with the state, and lists what matches', async () => {
    const d = desk();
    const search = '  applicant3@  ';
    await d.queryClient.prefetchQuery(outboxListQuery(d.client, { state: null, search }));
    expect(d.asked).toEqual([{ limit: OUTBOX_PAGE, search: 'applicant3@' }]);
    expect(d.queryClient.getQueryData(outboxListQuery(d.client, { state: null, search }).queryKey)?.map((m) => m.id)).toEqual([3]);
    await d.queryClient.prefetchQuery(outboxListQuery(d.client, { state: 'sent', search: 'REQ-2026-000003' }));
    expect(d.asked.at(-1)).toEqual({ limit: OUTBOX_PAGE, state: 'sent', search: 'REQ-2026-000003' });
    expect(d.queryClient.getQueryData(outboxListQuery(d.client, { state: 'sent', search: 'REQ-2026-000003' }).queryKey)).toEqual([]);
  });

  it('tells an admin, in Arabic, why nothing leaves; a sent message shows the relay answer and no admin buttons', async () => {
    const d = desk();
    await d.queryClient.prefetchQuery(outboxCountsQuery(d.client));
    await d.queryClient.prefetchQuery(deliverySettingsQuery(d.client));
    await d.queryClient.prefetchQuery(outboxListQuery(d.client, { state: 'sent', search: '' }));
    const html = renderForTest(<OutboxPage state="sent" />, { ...d, user: admin, lang: 'ar' });
    expect(html).toContain('لم يُضبط خادم للبريد: تبقى الرسائل في الانتظار حتى يضبطه مشرف في صفحة الإعدادات');
    expect(html).toContain('موضوع sent');
    expect(html).toContain('250 2.0.0 Ok: queued as ABC123');
    expect(html).not.toContain('إعادة الإرسال');
    expect(html).not.toContain('إلغاء الرسالة');
  });

  it('infers nothing for someone who may not read the delivery settings: no notice, no admin buttons', async () => {
    const d = desk();
    // Even with the settings somehow in the cache, a reviewer's page says nothing about them.
    await d.queryClient.prefetchQuery(deliverySettingsQuery(d.client));
    await d.queryClient.prefetchQuery(outboxListQuery(d.client, { state: 'dead', search: '' }));
    const html = renderForTest(<OutboxPage state="dead" />, { ...d, user: reviewer });
    expect(html).toContain('Subject dead');
    expect(html).not.toContain('No mail relay is set');
    expect(html).not.toContain('Resend');
    expect(html).not.toContain('Cancel the message');
  });
});
