import { expect, test, type Locator, type Page } from '@playwright/test';
import { RESIDENTS } from '../../../electron/core/demo/names';
import { demoUrl, signIn, snap } from './helpers';

const ARABIC_MONTHS = /يناير|فبراير|مارس|أبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر/;

/** The horizontal middle of each element, in page pixels. */
async function middles(items: Locator): Promise<number[]> {
  const xs = await items.evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => r.x + r.width / 2));
  expect(xs.length, 'the chart drew these').toBeGreaterThan(1);
  return xs;
}

/** The demo resident of a country, by first and last name (the seed may add a middle name). */
function residentOf(code: string, lang: 'ar' | 'en'): RegExp {
  const resident = RESIDENTS.find((r) => r[2] === code)!;
  const words = resident[lang === 'ar' ? 0 : 1].split(' ');
  return new RegExp(`${words[0]}.*${words[words.length - 1]}`);
}

/** Only the applicant of the filtered country is left: every row names them. */
async function everyRowNames(page: Page, tableName: string, name: RegExp) {
  const table = page.getByRole('table', { name: tableName });
  const rows = table.getByRole('row').filter({ has: page.getByRole('cell') });
  await expect(rows.first()).toBeVisible();
  await expect(rows.first()).toContainText(name);
  for (const row of (await rows.all()).slice(0, 10)) await expect(row).toContainText(name);
}

test('the nationality filter takes a country name in Arabic or English, never a raw code', async ({ page }) => {
  await signIn(page, 'reviewer1');
  await page.getByRole('link', { name: /جميع الطلبات/ }).click();
  const total = page.getByRole('heading', { level: 2 }).locator('.mantine-Badge-root');
  const before = (await total.textContent())!;
  const nationality = page.getByRole('combobox', { name: 'الجنسية' });
  // Typed as a person types (a combobox highlights the first match as the letters come).
  await nationality.pressSequentially('باكستان');
  await nationality.press('Enter');
  await expect(nationality).toHaveValue('باكستان');
  await expect(total).not.toHaveText(before);
  // Demo data has one Pakistani resident.
  await everyRowNames(page, 'جميع الطلبات', residentOf('PK', 'ar'));
  await snap(page, 'nationality-filter-ar');

  await page.getByRole('button', { name: 'English' }).click();
  const inEnglish = page.getByRole('combobox', { name: 'Nationality' });
  // The chosen country follows the language switch; another is chosen by its English name.
  await expect(inEnglish).toHaveValue('Pakistan');
  await inEnglish.click();
  await inEnglish.press('Control+A');
  await inEnglish.pressSequentially('Egypt');
  await expect(page.getByRole('option', { name: /^Egypt/ })).toBeVisible();
  await inEnglish.press('Enter');
  await expect(inEnglish).toHaveValue('Egypt');
  // Demo data's one Egyptian resident.
  await everyRowNames(page, 'All requests', residentOf('EG', 'en'));
  await snap(page, 'nationality-filter-en');
  await page.getByRole('button', { name: 'العربية' }).click();
});

test('the public verify page switches language and says what to do on an empty submit', async ({ page }) => {
  await page.goto(demoUrl);
  await page.getByRole('link', { name: 'التحقق من بطاقة' }).click();
  await expect(page.getByRole('heading', { name: 'التحقق من بطاقة' })).toBeVisible();
  await page.getByRole('button', { name: 'تحقق' }).click();
  await expect(page.getByText(/^لم يُدخل شيء/)).toBeVisible();
  await expect(page.getByLabel('محتوى رمز QR')).toBeFocused();
  await snap(page, 'verify-empty-ar');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Verify a card' })).toBeVisible();
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(page.getByText(/^Nothing entered/)).toBeVisible();
  // Typing clears the message; a forged code gets its verdict and what it means.
  await page.getByLabel('QR code content').fill('MUMARIS1|C|C-2026-000001|1234567890|20991231|AAAA');
  await expect(page.getByText(/^Nothing entered/)).toHaveCount(0);
  await page.getByLabel('QR code content').press('Enter');
  await expect(page.getByRole('status')).toContainText('Do not accept it');
  await snap(page, 'verify-forged-en');
  await page.getByRole('button', { name: 'العربية' }).click();
  await expect(page.getByRole('heading', { name: 'التحقق من بطاقة' })).toBeVisible();
});

test('the dashboard in Arabic: charts mirrored, date boxes in Arabic months', async ({ page }) => {
  await signIn(page, 'approver1');
  await page.getByRole('link', { name: 'لوحة المتابعة' }).click();
  const byStatus = page.locator('.mantine-Paper-root').filter({ has: page.getByRole('heading', { name: 'الطلبات حسب الحالة' }) });
  await expect(byStatus.locator('.recharts-bar-rectangle').first()).toBeVisible();
  const labels = await middles(byStatus.locator('.recharts-yAxis-tick-labels text'));
  const bars = await middles(byStatus.locator('.recharts-bar-rectangle'));
  // Labels on the right, bars to their left (growing leftwards from them).
  expect(Math.min(...labels)).toBeGreaterThan(Math.max(...bars));
  const intake = page.locator('.mantine-Paper-root').filter({ has: page.getByRole('heading', { name: 'الوارد والقرارات يومياً' }) });
  const dayX = await middles(intake.locator('.recharts-xAxis-tick-labels text'));
  // Time runs from the right: the earliest day shown is the rightmost, named in Arabic.
  expect(dayX[0]!).toBeGreaterThan(dayX[dayX.length - 1]!);
  await expect(intake.locator('.recharts-xAxis-tick-labels text').first()).toHaveText(ARABIC_MONTHS);

  const from = page.getByRole('textbox', { name: 'من' });
  await expect(from).toHaveValue(ARABIC_MONTHS);
  await from.fill('2026-10-01');
  await from.press('Tab');
  await expect(from).toHaveValue('1 أكتوبر 2026');
  await from.click();
  // The calendar names its month and each day in Arabic.
  await expect(page.getByRole('button', { name: 'أكتوبر 2026', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: '15 أكتوبر 2026', exact: true })).toBeVisible();
  await snap(page, 'dashboard-date-ar');
  await page.keyboard.press('Escape');
  await snap(page, 'dashboard-mirrored-ar');

  await page.getByRole('button', { name: 'English' }).click();
  const enStatus = page.locator('.mantine-Paper-root').filter({ has: page.getByRole('heading', { name: 'Requests by status' }) });
  await expect(enStatus.locator('.recharts-bar-rectangle').first()).toBeVisible();
  const enLabels = await middles(enStatus.locator('.recharts-yAxis-tick-labels text'));
  const enBars = await middles(enStatus.locator('.recharts-bar-rectangle'));
  expect(Math.max(...enLabels)).toBeLessThan(Math.min(...enBars));
  await expect(page.getByRole('textbox', { name: 'From' })).toHaveValue('1 October 2026');
  await page.getByRole('button', { name: 'العربية' }).click();
});
