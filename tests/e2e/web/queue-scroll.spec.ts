import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

test('the All queue renders only the rows in view and scrolls to the last request', async ({ page }) => {
  await signIn(page, 'reviewer1');
  await page.getByRole('link', { name: /جميع الطلبات/ }).click();
  const table = page.getByRole('table', { name: 'جميع الطلبات' });
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  const total = Number(await table.getAttribute('aria-rowcount')) - 1;
  expect(total).toBeGreaterThan(300);
  // Far fewer rows in the page than in the queue: the table is virtualised.
  expect(await table.getByRole('row').count()).toBeLessThan(60);
  const scroller = page.getByTestId('queue-scroll');
  await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect(table.locator(`tr[aria-rowindex="${total + 1}"]`)).toBeVisible();
  // j/k move the cursor and keep it in view.
  await scroller.evaluate((el) => el.scrollTo({ top: 0 }));
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  for (let i = 0; i < 30; i++) await page.keyboard.press('j');
  await expect(table.locator('tr[aria-selected="true"]')).toHaveAttribute('aria-rowindex', '32');
  // The list followed the cursor down.
  await expect.poll(() => scroller.evaluate((el) => el.scrollTop)).toBeGreaterThan(300);
});
