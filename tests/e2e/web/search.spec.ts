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

test('search is literal text with a length limit, and the nationality is chosen by its name in either language', async ({ page }) => {
  await signIn(page, 'reviewer1');
  await page.getByRole('link', { name: /جميع الطلبات/ }).click();
  const total = page.getByRole('heading', { level: 2 }).locator('.mantine-Badge-root');
  await expect(total).not.toHaveText('0');
  const all = (await total.textContent())!;
  const search = page.getByRole('textbox', { name: /بحث/ });

  // % and _ are characters like any other: no request's name or number holds them.
  for (const wildcard of ['%', '_', '%%%', 'a_b']) {
    await search.fill(wildcard);
    await expect(page.getByText('لا توجد طلبات في هذه القائمة.')).toBeVisible();
  }

  // A pasted book stops at the limit, says so, and no refusal or useless Retry follows.
  await search.fill('م'.repeat(4_440));
  await expect(search).toHaveValue('م'.repeat(200));
  await expect(page.getByText('البحث: عدد الأحرف لا يزيد على 200')).toBeVisible();
  await expect(page.getByRole('button', { name: 'إعادة المحاولة' })).toHaveCount(0);
  await snap(page, 'search-limit-ar');
  await search.fill('');
  await expect(total).toHaveText(all);

  // "باكستان" typed in Arabic stays and is taken by Enter; the list narrows to it (not "PA", not none).
  // The filters open on demand (and may be open already: the desk remembers).
  const filters = page.getByRole('button', { name: /عوامل التصفية/ });
  if ((await filters.getAttribute('aria-expanded')) !== 'true') await filters.click();
  const nationality = page.getByRole('combobox', { name: 'الجنسية' });
  await nationality.click();
  await page.keyboard.type('باكستان');
  await expect(nationality).toHaveValue('باكستان');
  await page.keyboard.press('Enter');
  await expect(nationality).toHaveValue('باكستان');
  await expect(total).not.toHaveText(all);
  await expect(page.getByText('لا توجد طلبات في هذه القائمة.')).toHaveCount(0);
  const pakistan = (await total.textContent())!;

  // The choice is the country, not the words: in English it reads "Pakistan" and lists the same requests.
  await page.getByRole('button', { name: 'English' }).click();
  const nationalityEn = page.getByRole('combobox', { name: 'Nationality' });
  await expect(nationalityEn).toHaveValue('Pakistan');
  await expect(total).toHaveText(pakistan);
  await snap(page, 'search-nationality-en');
  await page.getByRole('button', { name: 'العربية' }).click();
});
