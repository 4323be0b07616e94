import { expect, test } from '@playwright/test';
import { signIn, snap } from './helpers';

test('an admin browses the audit log by user, request, action and day, page after page, and checks the chain', async ({ page, browser }) => {
  // A reviewer's day leaves entries: a sign-in and a look at a request.
  const other = await browser.newPage();
  await signIn(other, 'reviewer2');
  await other.getByRole('link', { name: /جميع الطلبات/ }).click();
  const row = other.getByRole('table', { name: 'جميع الطلبات' }).getByRole('row').nth(1);
  const reference = (await row.getByRole('link').first().textContent())!.trim();
  await row.getByRole('link').first().click();
  await expect(other.getByRole('tablist')).toBeVisible();
  await other.close();

  await signIn(page, 'admin');
  await page.getByRole('link', { name: 'سجل التدقيق' }).click();
  const trail = page.getByRole('table', { name: 'قيود السجل' });
  await expect(trail.getByRole('row').nth(1)).toBeVisible();
  // Newest first, 50 to a page; older ones below, continuing where the page ended.
  await expect(trail.getByRole('row')).toHaveCount(51);
  const lastOfFirst = Number(await trail.getByRole('row').nth(50).getByRole('cell').first().textContent());
  await page.getByRole('button', { name: 'قيود أقدم' }).click();
  await expect(trail.getByRole('row').nth(51).getByRole('cell').first()).toHaveText(String(lastOfFirst - 1));
  await page.getByRole('button', { name: 'العودة إلى الأحدث' }).click();
  await expect(trail.getByRole('row')).toHaveCount(51);

  // By user: every row is theirs.
  await page.getByRole('combobox', { name: 'المستخدم' }).click();
  await page.getByRole('option', { name: 'reviewer2', exact: true }).click();
  await expect(trail.getByRole('row').nth(1)).toContainText('reviewer2');
  for (const r of (await trail.getByRole('row').all()).slice(1)) await expect(r.getByRole('cell').nth(2)).toHaveText('reviewer2');
  // And by action, in words: the request they looked at.
  await page.getByRole('combobox', { name: 'الإجراء' }).click();
  await page.getByRole('option', { name: 'عرض الطلب', exact: true }).click();
  // Newest first: the look just taken heads the list; every row is that action by that user.
  await expect(trail.getByRole('row').nth(1)).toContainText(reference);
  for (const r of (await trail.getByRole('row').all()).slice(1)) {
    await expect(r.getByRole('cell').nth(2)).toHaveText('reviewer2');
    await expect(r.getByRole('cell').nth(3)).toHaveText('عرض الطلب');
  }
  await snap(page, 'audit-filtered-ar');

  // By request reference (applied on Enter), the user and action cleared first.
  await page.getByRole('button', { name: 'مسح التصفية' }).click();
  await page.getByRole('textbox', { name: 'رقم الطلب' }).fill(reference.toLowerCase());
  await page.keyboard.press('Enter');
  await expect(trail.getByRole('row').nth(1)).toBeVisible();
  for (const r of (await trail.getByRole('row').all()).slice(1)) await expect(r.getByRole('cell').nth(4)).toHaveText(reference);
  await page.getByRole('textbox', { name: 'رقم الطلب' }).fill('REQ-2099-999999');
  await page.keyboard.press('Enter');
  await expect(page.getByText('لا يوجد طلب بالرقم المرجعي REQ-2099-999999')).toBeVisible();

  // By days: none in a year to come; today's are there.
  await page.getByRole('button', { name: 'مسح التصفية' }).click();
  await page.getByRole('textbox', { name: 'من' }).fill('2099-01-01');
  await page.keyboard.press('Enter');
  await expect(page.getByText('لا قيود بهذه الشروط.')).toBeVisible();

  // The chain check, on the same page.
  await page.getByRole('button', { name: 'التحقق من سلسلة التدقيق' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'السلسلة سليمة' })).toBeVisible({ timeout: 30_000 });

  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByRole('combobox', { name: 'Action' }).click();
  await page.getByRole('option', { name: 'Request viewed', exact: true }).click();
  await expect(page.getByRole('table', { name: 'Log entries' }).getByRole('row').nth(1)).toContainText('Request viewed');
  await snap(page, 'audit-filtered-en');
  await page.getByRole('button', { name: 'العربية' }).click();
});
