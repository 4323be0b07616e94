import { expect, test, type Page } from '@playwright/test';
import { signIn, snap } from './helpers';

// A laptop's screen: the queue's first request must show without scrolling, and nothing may need a sideways scroll.
test.use({ viewport: { width: 1280, height: 720 } });

async function noSidewaysScroll(page: Page, where: string) {
  // As text: the tests are type-checked without the DOM's types.
  const [scroll, client] = await page.evaluate<[number, number]>('[document.documentElement.scrollWidth, document.documentElement.clientWidth]');
  expect(scroll, `${where}: the page scrolls sideways`).toBeLessThanOrEqual(client);
}

async function firstRowAboveTheFold(page: Page, table: string | RegExp) {
  const row = page.getByRole('table', { name: table }).getByRole('row').nth(1);
  await expect(row).toBeVisible();
  const box = (await row.boundingBox())!;
  expect(box.y + box.height, 'the first request ends below the fold').toBeLessThanOrEqual(720);
}

async function toEnglish(page: Page) {
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  // The navigation slides to the other side: measured and pictured once it has.
  await page.waitForTimeout(400);
}

test('a reviewer at 1280×720: queue and case fit, in Arabic and English', async ({ page }) => {
  await signIn(page, 'reviewer1');
  await page.getByRole('link', { name: /جميع الطلبات/ }).click();
  await firstRowAboveTheFold(page, 'جميع الطلبات');
  await noSidewaysScroll(page, 'queue (ar)');
  await snap(page, 'small-queue-ar');

  // Filters beyond the search open on demand, and say how many are set while closed.
  await page.getByRole('button', { name: /عرض عوامل التصفية/ }).click();
  await expect(page.getByRole('combobox', { name: 'الخدمة' })).toBeVisible();
  await snap(page, 'small-queue-filters-ar');
  await page.getByRole('button', { name: /إخفاء عوامل التصفية/ }).click();
  await expect(page.getByRole('combobox', { name: 'الخدمة' })).toBeHidden();

  await page.getByRole('table', { name: 'جميع الطلبات' }).getByRole('row').nth(1).getByRole('link').click();
  await expect(page.getByRole('tablist')).toBeVisible();
  await noSidewaysScroll(page, 'case (ar)');
  await snap(page, 'small-case-ar');

  await toEnglish(page);
  await expect(page.getByRole('tablist')).toBeVisible();
  await noSidewaysScroll(page, 'case (en)');
  await snap(page, 'small-case-en');
  await page.goBack();
  await firstRowAboveTheFold(page, 'All requests');
  await noSidewaysScroll(page, 'queue (en)');
  await snap(page, 'small-queue-en');
  await page.getByRole('button', { name: 'العربية' }).click();
});

test('outbox, audit and finance at 1280×720, in Arabic and English', async ({ page }) => {
  await signIn(page, 'admin');
  await page.getByRole('link', { name: 'صندوق الصادر' }).click();
  await expect(page.getByRole('searchbox', { name: 'بحث في الصادر' })).toBeVisible();
  await noSidewaysScroll(page, 'outbox (ar)');
  await snap(page, 'small-outbox-ar');
  await page.getByRole('link', { name: 'سجل التدقيق' }).click();
  await expect(page.getByRole('table', { name: 'قيود السجل' }).getByRole('row').nth(1)).toBeVisible();
  await noSidewaysScroll(page, 'audit (ar)');
  await snap(page, 'small-audit-ar');
  await page.getByRole('link', { name: 'المالية' }).click();
  await expect(page.getByRole('table').first()).toBeVisible();
  await noSidewaysScroll(page, 'finance (ar)');
  await snap(page, 'small-finance-ar');

  await toEnglish(page);
  await expect(page.getByRole('table').first()).toBeVisible();
  await noSidewaysScroll(page, 'finance (en)');
  await snap(page, 'small-finance-en');
  await page.getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByRole('table', { name: 'Log entries' }).getByRole('row').nth(1)).toBeVisible();
  await noSidewaysScroll(page, 'audit (en)');
  await snap(page, 'small-audit-en');
  await page.getByRole('link', { name: 'Outbox' }).click();
  await expect(page.getByRole('searchbox', { name: 'Search the outbox' })).toBeVisible();
  await noSidewaysScroll(page, 'outbox (en)');
  await snap(page, 'small-outbox-en');
  await page.getByRole('button', { name: 'العربية' }).click();
});
