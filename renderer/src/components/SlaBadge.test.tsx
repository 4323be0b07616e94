import { describe, expect, it } from 'vitest';
import { createClient, mockTransport } from '../api/client';
import { queryClientForTests, renderForTest } from '../testing/render-for-test';
import { SlaBadge } from './SlaBadge';

const render = (plainTitle: boolean) =>
  renderForTest(<SlaBadge sla={{ state: 'running', dueOn: '2026-11-30', daysLeft: -3 }} plainTitle={plainTitle} />, {
    client: createClient(mockTransport({})),
    queryClient: queryClientForTests(),
    user: { id: 1, username: 'r', displayName: 'R', roles: ['reviewer'] },
  });

describe('the SLA badge', () => {
  it('in a queue row, carries its due day as its own title; elsewhere in a tooltip, with no title', () => {
    const row = render(true);
    expect(row).toContain('overdue by 3 working days');
    expect(row).toMatch(/data-testid="sla-badge" title="due on 30 Nov 2026 [^"]*"/);
    const header = render(false);
    expect(header).toContain('overdue by 3 working days');
    expect(header).not.toContain('title="due on');
  });
});
