import { expect, test, type Page } from '@playwright/test';
import { signIn, snap } from './helpers';

/**
 * SLA (issue #17): every queue row says how it stands against its due day (due in / due today / overdue by N
 * working days, or paused with the applicant), the queues list overdue first by default, the case header
 * says the same, and supervisors have an escalation list by assignee with counts, in Arabic and English.
 */

/** The SLA state of every row now rendered, in order. */
const rowStates = (page: Page) =>
  page
    .getByTestId('queue-scroll')
    .locator('tbody tr[aria-rowindex]')
    .evaluateAll((rows) => rows.map((r) => r.querySelector('[data-testid="sla-badge"]')?.getAttribute('data-sla') ?? 'none'));

test('queue rows show due and overdue, overdue first by default; the case header says it too', async ({ page }) => {
  await signIn(page, 'reviewer1');
  await expect(page.getByRole('heading', { name: /طلبات جديدة/ })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'الاستحقاق' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'الترتيب' })).toHaveValue('المتأخر أولاً');
  const firstBadge = page.getByTestId('queue-scroll').locator('tbody tr[aria-rowindex]').first().getByTestId('sla-badge');
  await expect(firstBadge).toHaveAttribute('data-sla', 'overdue');
  await expect(firstBadge).toHaveText(/^متأخر: (يوم عمل واحد|يوما عمل|\d+ (أيام|يوم) عمل)$/);
  // Overdue first, then due today, then the rest: never an overdue row after one that is not.
  const states = await rowStates(page);
  expect(states.length).toBeGreaterThan(5);
  const firstNotOverdue = states.findIndex((s) => s !== 'overdue');
  if (firstNotOverdue >= 0) expect(states.slice(firstNotOverdue)).not.toContain('overdue');
  await snap(page, 'sla-queue-ar');

  // The Awaiting-the-applicant queue: the clock is paused there.
  await page
    .getByRole('link', { name: /بانتظار الممارس|بانتظار مقدم الطلب/ })
    .first()
    .click();
  await expect(page.getByTestId('sla-badge').first()).toHaveText('متوقف: لدى الممارس');

  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('link', { name: /^New/ }).first().click();
  await expect(page.getByRole('columnheader', { name: 'Due' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Sort by' })).toHaveValue('Overdue first');
  const first = page.getByTestId('queue-scroll').locator('tbody tr[aria-rowindex]').first();
  await expect(first.getByTestId('sla-badge')).toHaveText(/^overdue by \d+ working days?$/);
  await snap(page, 'sla-queue-en');

  // The case header carries the same standing.
  const reference = (await first.getByRole('link').first().textContent())!.trim();
  await first.getByRole('link', { name: reference }).click();
  await expect(page.getByRole('heading', { name: reference })).toBeVisible();
  await expect(page.getByTestId('sla-badge').first()).toHaveText(/^overdue by \d+ working days?$/);
  await snap(page, 'sla-case-en');

  // A reviewer has no escalation list.
  await expect(page.getByRole('link', { name: /Escalations/ })).toHaveCount(0);

  // The other orders are still there: oldest first.
  await page.getByRole('link', { name: /^New/ }).first().click();
  await page.getByRole('combobox', { name: 'Sort by' }).click();
  await page.getByRole('option', { name: 'Oldest first' }).click();
  await expect(page.getByRole('combobox', { name: 'Sort by' })).toHaveValue('Oldest first');
  await expect(page.getByTestId('queue-scroll').locator('tbody tr[aria-rowindex]').first().getByTestId('sla-badge')).toBeVisible();
});

test('a supervisor sees overdue and due-today requests by assignee, with counts, in Arabic and English', async ({ page }) => {
  await signIn(page, 'admin');
  const link = page.getByRole('link', { name: /المتأخرات والتصعيد/ });
  // The first sign-in after start may wait for the desk's background work (signals, OCR) on a busy machine.
  await expect(link.getByTestId('escalations-count')).toHaveText(/^[1-9][\d,]*$/, { timeout: 20_000 });
  await link.click();
  await expect(page).toHaveURL(/#\/escalations$/);
  await expect(page.getByRole('heading', { name: 'المتأخرات والتصعيد' })).toBeVisible();
  const totals = page.getByTestId('escalation-totals');
  await expect(totals).toContainText(/متأخرة: [1-9]/);
  const groups = page.getByTestId('escalation-group');
  await expect(groups.first()).toBeVisible();
  // The demo's reviewers hold overdue requests: each has a group of its own, named.
  await expect(page.getByRole('heading', { name: 'لم يستلمها أحد' })).toBeVisible();
  expect(await groups.count()).toBeGreaterThan(1);
  // The counts add up to the total of the navigation.
  const navCount = Number((await link.getByTestId('escalations-count').textContent())!.replace(/,/g, ''));
  const countIn = async (id: string) => Number(/: ([\d,]+)$/.exec((await page.getByTestId(id).textContent())!)![1]!.replace(/,/g, ''));
  expect((await countIn('escalations-overdue')) + (await countIn('escalations-due-today'))).toBe(navCount);
  await expect(groups.first().getByTestId('sla-badge').first()).toHaveText(/^(متأخر: .+|مستحق اليوم)$/);
  await snap(page, 'sla-escalations-ar');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Escalations' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Not claimed by anyone' })).toBeVisible();
  await expect(groups.first().getByTestId('sla-badge').first()).toHaveText(/^(overdue by \d+ working days?|due today)$/);
  await snap(page, 'sla-escalations-en');
  // A row opens its case.
  const ref = (await groups.first().getByRole('link').first().textContent())!.trim();
  await groups.first().getByRole('link').first().click();
  await expect(page.getByRole('heading', { name: ref })).toBeVisible();
});

test('the policy holds the working days by service and the public holidays, for the commission to edit', async ({ page }) => {
  await signIn(page, 'admin');
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('link', { name: 'Policy and fees' }).click();
  const section = page.getByRole('region', { name: 'Service levels and public holidays' });
  await expect(section).toBeVisible();
  await expect(section.getByRole('textbox', { name: 'Card renewal' })).toHaveValue('5');
  await expect(section.getByRole('textbox', { name: 'Professional registration (inside KSA)' })).toHaveValue('10');
  const holidays = section.getByTestId('policy-holiday');
  await expect(holidays).toHaveCount(8);
  await expect(section.getByLabel('Public holidays: Founding Day').first()).toBeVisible();
  await holidays.first().scrollIntoViewIfNeeded();
  await snap(page, 'sla-policy-en');
});
