import { expect, test } from '@playwright/test';
import { signIn, snap } from './helpers';

test('search a queue by Arabic name (any alef or ta marbuta), English name, ID and reference', async ({ page }) => {
  await signIn(page, 'reviewer1');
  await page.getByRole('link', { name: /جميع الطلبات/ }).click();
  const table = page.getByRole('table', { name: 'جميع الطلبات' });
  const first = table.getByRole('row').nth(1);
  const nameAr = (await first.getByRole('cell').nth(3).locator('p').first().textContent())!.trim();
  const idNumber = (await first.getByRole('cell').nth(4).textContent())!.trim();
  const reference = (await first.getByRole('link').textContent())!.trim();

  const total = page.getByRole('heading', { level: 2 }).locator('.mantine-Badge-root');
  const before = (await total.textContent())!;
  await page.keyboard.press('/');
  // Typed without hamza and with ه for ة, as people do.
  const typed = nameAr.split(' ')[0]!.replace(/[أإآ]/g, 'ا').replace(/ة/g, 'ه');
  await page.keyboard.type(typed);
  await expect(total).not.toHaveText(before);
  for (const row of await table.getByRole('row').all())
    if (!(await row.getByRole('columnheader').count())) await expect(row).toContainText(typed.length >= 3 ? nameAr.split(' ')[0]! : '');
  await snap(page, 'search-ar');

  await page.getByRole('textbox', { name: /بحث/ }).fill(idNumber);
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table).toContainText(reference);

  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('textbox', { name: /Search/ }).fill(reference);
  await expect(page.getByRole('table', { name: 'All requests' }).getByRole('row')).toHaveCount(2);
  await page.getByRole('textbox', { name: /Search/ }).fill('zzzz-nobody');
  await expect(page.getByText('No requests in this queue.')).toBeVisible();
  await snap(page, 'search-en-empty');
  await page.getByRole('button', { name: 'العربية' }).click();
});
