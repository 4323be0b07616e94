import { describe, expect, it } from 'vitest';
import type { QueuePage, QueueRow, UserInfo } from '../../../shared/domain';
import type { ArgsOf } from '../../../shared/contract';
import { createClient, mockTransport } from '../api/client';
import { queryClientForTests, renderForTest } from '../testing/render-for-test';
import { caseByReferenceQuery } from './case-by-reference';
import { CaseByReference } from './CaseByReference';

const clerk: UserInfo = { id: 3, username: 'clerk', displayName: 'Clerk', roles: ['card_clerk'] };
const row = (id: number, reference: string) => ({ id, reference }) as QueueRow;

function desk(answer: (args: ArgsOf<'queues.page'>) => QueuePage) {
  const asked: Array<ArgsOf<'queues.page'>> = [];
  const client = createClient(
    mockTransport({
      'queues.page': (args) => {
        asked.push(args);
        return answer(args);
      },
    }),
  );
  return { client, asked, queryClient: queryClientForTests() };
}

describe('a request opened by its reference', () => {
  it('is looked up in the All queue and only an exact match counts', async () => {
    const d = desk(() => ({ rows: [row(7, 'REQ-2026-0001234'), row(12, 'REQ-2026-000123')], total: 2 }));
    expect(await d.queryClient.fetchQuery(caseByReferenceQuery(d.client, 'REQ-2026-000123'))).toBe(12);
    expect(d.asked).toEqual([{ queue: 'all', search: 'REQ-2026-000123', sort: 'age', offset: 0, limit: 5 }]);
    const none = desk(() => ({ rows: [row(7, 'REQ-2026-0001234')], total: 1 }));
    expect(await none.queryClient.fetchQuery(caseByReferenceQuery(none.client, 'REQ-2026-000123'))).toBeNull();
  });

  it('says politely, in both languages, when the request is not there or not the user’s to see', async () => {
    const d = desk(() => ({ rows: [], total: 0 }));
    await d.queryClient.prefetchQuery(caseByReferenceQuery(d.client, 'REQ-2026-000999'));
    const en = renderForTest(<CaseByReference reference="REQ-2026-000999" />, { ...d, user: clerk });
    expect(en).toContain('Request REQ-2026-000999 cannot be opened');
    expect(en).toContain('not among those your roles let you see');
    const ar = renderForTest(<CaseByReference reference="REQ-2026-000999" />, { ...d, user: clerk, lang: 'ar' });
    expect(ar).toContain('تعذر فتح الطلب REQ-2026-000999');
  });
});
