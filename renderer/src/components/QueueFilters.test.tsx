// @vitest-environment happy-dom
// In a DOM (happy-dom): the filters are clicked and typed into as a reviewer would, and the desk's mock transport says what the page asked.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor } from '@testing-library/react';
import type { ArgsOf } from '../../../shared/contract';
import type { QueuePage as QueueAnswer, QueueRow, UserInfo } from '../../../shared/domain';
import { createClient, mockTransport } from '../api/client';
import type { Lang } from '../i18n/locale';
import { QueuePage } from '../pages/QueuePage';
import { CHUNK } from '../pages/queue/queue-rows';
import { mountAs } from '../testing/dom';

const reviewer: UserInfo = { id: 2, username: 'reviewer1', displayName: 'Reviewer One', roles: ['reviewer'] };
const ASSIGNABLE = [
  { id: 2, displayName: 'Reviewer One' },
  { id: 5, displayName: 'Reviewer Two' },
];
const row = (id: number, extra: Partial<QueueRow>): QueueRow => ({
  id,
  reference: `REQ-2026-00000${id}`,
  service: 'RENEWAL',
  status: 'submitted',
  nameAr: `ممارس ${id}`,
  nameEn: `Practitioner ${id}`,
  idNumber: `10000000${id}`,
  submittedAt: '2026-11-20T08:00:00Z',
  ageDays: 3,
  assignee: null,
  version: 1,
  returnDueAt: null,
  sla: null,
  ...extra,
});
/** The queue behind the mock: what each filter leaves is known. */
const ALL = [
  row(1, {}),
  row(2, { status: 'in_review', assignee: ASSIGNABLE[1]! }),
  row(3, { service: 'GOOD_STANDING' }),
  row(4, { status: 'in_review', assignee: ASSIGNABLE[1]! }),
];
/** What the page asks for with no filter: the first chunk, most urgent first. */
const UNFILTERED = { queue: 'all', offset: 0, limit: CHUNK, sort: 'due' };

/**
 * The queue page of a signed-in reviewer in a DOM, over a desk behind the mock transport that filters
 * like the real one and remembers what it was asked.
 */
function openQueue(lang: Lang = 'en') {
  const asked: Array<ArgsOf<'queues.page'>> = [];
  const client = createClient(
    mockTransport({
      'queues.page': (args): QueueAnswer => {
        asked.push(args);
        const rows = ALL.filter(
          (r) =>
            (!args.service || r.service === args.service) &&
            (!args.status || r.status === args.status) &&
            (!args.assigneeId || r.assignee?.id === args.assigneeId) &&
            (!args.search || r.nameEn.includes(args.search)),
        );
        return { rows, total: rows.length };
      },
      'users.assignable': () => ASSIGNABLE,
    }),
  );
  const user = mountAs(<QueuePage queue="all" />, { client, user: reviewer, lang });
  return { asked, user };
}

/** The switch that folds the filters, as it reads: "Show filters" and how many are set. */
const filtersSwitch = () => screen.getByRole('button', { name: /^(Show|Hide) filters$|^(عرض|إخفاء) عوامل التصفية$/ });
/** The count beside the queue's title: how many requests the desk's answer holds. */
const titleCount = () => screen.getByRole('heading', { level: 2 }).textContent;

afterEach(() => {
  cleanup();
  sessionStorage.clear();
});

describe('the queue filters, used', () => {
  it('each filter chosen asks the desk again with it, and the folded switch counts them', async () => {
    const { asked, user } = openQueue();
    await waitFor(() => expect(titleCount()).toBe('All requests 4'));
    expect(asked).toEqual([UNFILTERED]);
    // A 768-pixel window: the filters start folded, behind a switch with no count.
    expect(filtersSwitch().textContent).toBe('Show filters');

    await user.click(filtersSwitch());
    await user.click(screen.getByRole('combobox', { name: 'Service' }));
    await user.click(screen.getByRole('option', { name: 'Card renewal' }));
    await waitFor(() => expect(titleCount()).toBe('All requests 3'));
    expect(asked.at(-1)).toEqual({ ...UNFILTERED, service: 'RENEWAL' });

    await user.click(screen.getByRole('combobox', { name: 'Assignee' }));
    await user.click(screen.getByRole('option', { name: 'Reviewer Two' }));
    await waitFor(() => expect(titleCount()).toBe('All requests 2'));
    expect(asked.at(-1)).toEqual({ ...UNFILTERED, service: 'RENEWAL', assigneeId: 5 });

    // Folded again, the switch says two filters narrow the list.
    await user.click(filtersSwitch());
    expect(filtersSwitch().textContent).toBe('Show filters2');
  });

  it('the search is sent once typing settles, and is not counted as a filter', async () => {
    const { asked, user } = openQueue();
    await waitFor(() => expect(titleCount()).toBe('All requests 4'));
    // "/" puts the cursor in the search from anywhere on the page.
    await user.keyboard('/');
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Search (/)' }));
    await user.paste('Practitioner 3');
    await waitFor(() => expect(titleCount()).toBe('All requests 1'));
    expect(asked.at(-1)).toEqual({ ...UNFILTERED, search: 'Practitioner 3' });
    expect(filtersSwitch().textContent).toBe('Show filters');
  });

  it('Clear takes every filter and the search off, and asks for the whole queue again', async () => {
    const { asked, user } = openQueue();
    await waitFor(() => expect(titleCount()).toBe('All requests 4'));
    expect(screen.getByRole('button', { name: 'Clear filters' })).toHaveProperty('disabled', true);
    await user.click(screen.getByRole('textbox', { name: 'Search (/)' }));
    await user.paste('Practitioner');
    await user.click(filtersSwitch());
    await user.click(screen.getByRole('combobox', { name: 'Status' }));
    await user.click(screen.getByRole('option', { name: 'In review' }));
    await waitFor(() => expect(asked.at(-1)).toEqual({ ...UNFILTERED, search: 'Practitioner', status: 'in_review' }));
    expect(filtersSwitch().textContent).toBe('Hide filters1');

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(titleCount()).toBe('All requests 4'));
    expect(asked.at(-1)).toEqual(UNFILTERED);
    expect(screen.getByRole('textbox', { name: 'Search (/)' })).toHaveProperty('value', '');
    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveProperty('value', '');
    expect(filtersSwitch().textContent).toBe('Hide filters');
    expect(screen.getByRole('button', { name: 'Clear filters' })).toHaveProperty('disabled', true);
  });

  it('says the count in Arabic too', async () => {
    const { user } = openQueue('ar');
    await waitFor(() => expect(titleCount()).toBe('جميع الطلبات 4'));
    await user.click(filtersSwitch());
    await user.click(screen.getByRole('combobox', { name: 'الخدمة' }));
    await user.click(screen.getByRole('option', { name: 'تجديد بطاقة التسجيل / التصنيف' }));
    await user.click(filtersSwitch());
    await waitFor(() => expect(filtersSwitch().textContent).toBe('عرض عوامل التصفية1'));
  });
});
