import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { signIn, snap } from './helpers';

/** States a message stays in once there (unless an admin acts): the list filtered by one of them cannot empty under the test. */
const SETTLED = ['sent', 'cancelled', 'dead'];

/** The filter's states and their counts, as the page shows them ("أُرسلت (12)"). */
async function stateCounts(page: Page): Promise<Array<{ value: string; count: number }>> {
  const filter = page.getByRole('radiogroup', { name: /حالة التسليم|Delivery state/ });
  await expect(filter.locator('label').first()).toHaveText(/\(\d[\d,]*\)$/);
  // Mantine renders each choice as its radio then its label, so the two lists line up.
  const values = await filter.locator('input[type=radio]').evaluateAll((inputs) => inputs.map((i) => i.getAttribute('value') ?? ''));
  const labels = await filter.locator('label').allTextContents();
  return values.map((value, n) => ({ value, count: Number(/\(([\d,]+)\)$/.exec(labels[n] ?? '')?.[1]?.replace(/,/g, '') ?? '0') }));
}

test('an administrator follows the outbox by delivery state, searches it and opens a message history', async ({ page }) => {
  await signIn(page, 'admin');
  await page.getByRole('link', { name: 'صندوق الصادر' }).click();
  await expect(page.getByRole('heading', { name: 'صندوق الصادر' })).toBeVisible();
  const messages = page.locator('article[data-message-state]');
  await expect(messages.first()).toBeVisible();

  // The demo desk delivers to a local capture as time goes by: filter by whichever state has messages
  // now, preferring one they stay in, so what the page shows does not depend on the worker's pace.
  const counts = await stateCounts(page);
  const states = counts.filter((c) => c.value !== 'all' && c.count > 0);
  expect(states.length).toBeGreaterThan(0);
  const chosen = states.find((c) => SETTLED.includes(c.value)) ?? states[0]!;
  const filter = page.getByRole('radiogroup', { name: 'حالة التسليم' });
  await filter.locator(`label[for="${await filter.locator(`input[value="${chosen.value}"]`).getAttribute('id')}"]`).click();
  await expect(page).toHaveURL(new RegExp(`#/outbox/${chosen.value}$`));
  await expect(filter.locator(`input[value="${chosen.value}"]`)).toBeChecked();
  // Every message listed is in that state, said in words on its badge.
  await expect(page.getByText('لا توجد رسائل هنا.').or(messages.first())).toBeVisible();
  for (const state of await messages.evaluateAll((els) => els.map((e) => e.getAttribute('data-message-state')))) expect(state).toBe(chosen.value);
  if (!SETTLED.includes(chosen.value) && (await messages.count()) === 0) {
    // The worker moved them on meanwhile: the history is opened from the whole outbox instead.
    await filter.locator('label').first().click();
    await expect(page).toHaveURL(/#\/outbox$/);
  }
  await snap(page, 'outbox-filtered-ar');

  // A message's history: opened by its button, each try with the relay's words (or none yet).
  const first = messages.first();
  const reference = /REQ-\d{4}-\d{6}/.exec((await first.textContent()) ?? '')?.[0];
  const history = first.getByRole('button', { name: 'سجل التسليم' });
  await expect(history).toHaveAttribute('aria-expanded', 'false');
  await history.click();
  await expect(history).toHaveAttribute('aria-expanded', 'true');
  await expect(first.getByRole('table', { name: 'سجل التسليم' }).or(first.getByText('لا محاولات بعد.'))).toBeVisible();
  await snap(page, 'outbox-history-ar');

  // The search (reference, address or subject) keeps the state chosen and lists only what matches.
  if (reference) {
    await page.getByLabel('بحث في الصادر').fill(reference);
    await expect(messages.filter({ hasNotText: reference })).toHaveCount(0);
    await expect(messages.filter({ hasText: reference }).first()).toBeVisible();
    await page.getByLabel('بحث في الصادر').fill('');
  }

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Outbox' })).toBeVisible();
  await expect(page.getByRole('radiogroup', { name: 'Delivery state' }).getByText(/^All \(\d[\d,]*\)$/)).toBeVisible();
  await snap(page, 'outbox-en');
  await page.getByRole('button', { name: 'العربية' }).click();
});

test("the admin's outbox with a history open passes axe", async ({ page }) => {
  // axe reads every message on the page: slow on a busy machine.
  test.slow();
  await signIn(page, 'admin');
  await page.getByRole('link', { name: 'صندوق الصادر' }).click();
  const first = page.locator('article[data-message-state]').first();
  await first.getByRole('button', { name: 'سجل التسليم' }).click();
  await expect(first.getByRole('table', { name: 'سجل التسليم' }).or(first.getByText('لا محاولات بعد.'))).toBeVisible();
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
});

test("the admin's dashboard counts the failing messages and links to them", async ({ page }) => {
  await signIn(page, 'admin');
  await page.getByRole('link', { name: 'لوحة المتابعة' }).click();
  const failing = page.getByRole('region', { name: 'رسائل متعثرة' });
  await expect(failing).toBeVisible();
  await failing.getByRole('link', { name: /^تعذر تسليمها: \d+$/ }).click();
  await expect(page).toHaveURL(/#\/outbox\/dead$/);
  await expect(page.getByRole('radiogroup', { name: 'حالة التسليم' }).locator('input[value="dead"]')).toBeChecked();
  for (const state of await page.locator('article[data-message-state]').evaluateAll((els) => els.map((e) => e.getAttribute('data-message-state'))))
    expect(state).toBe('dead');
});

test('a reviewer sees the outbox without the admin buttons or the delivery settings notice', async ({ page }) => {
  await signIn(page, 'reviewer1');
  await page.getByRole('link', { name: 'صندوق الصادر' }).click();
  await expect(page.locator('article[data-message-state]').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'إعادة الإرسال' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'إلغاء الرسالة' })).toHaveCount(0);
  await expect(page.getByText('لم يُضبط خادم للبريد')).toHaveCount(0);
});
