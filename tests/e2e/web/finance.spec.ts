import { expect, test } from '@playwright/test';
import { signIn, snap } from './helpers';

test('a finance officer computes a refund line by line; another approves it and records the payout', async ({ page }) => {
  await signIn(page, 'finance1');
  await page.getByRole('link', { name: /طلبات استرداد الرسوم/ }).click();
  await expect(page.getByRole('heading', { name: /طلبات استرداد الرسوم/ })).toBeVisible();
  await page.getByRole('table').getByRole('row').nth(1).getByRole('link').click();
  const reference = (await page.getByRole('heading', { level: 2, name: /^REQ-\d{4}-\d{6}$/ }).textContent())!.trim();
  await page.getByRole('tab', { name: 'المدفوعات' }).click();
  // A refund computed already shows the facts it used; its form opens, filled with them, to recompute.
  const recompute = page.getByRole('button', { name: 'إعادة الحساب بوقائع أخرى' });
  await expect(page.getByRole('button', { name: 'حساب الاسترداد' }).or(recompute)).toBeVisible();
  if (await recompute.isVisible()) await recompute.click();
  await page.getByRole('button', { name: 'حساب الاسترداد' }).click();
  await expect(page.getByRole('table', { name: 'بنود الاسترداد' })).toBeVisible();
  await expect(page.getByText('محسوب بانتظار الاعتماد')).toBeVisible();
  await expect(page.getByRole('button', { name: 'يعتمده موظف مالية آخر' })).toBeDisabled();
  await snap(page, 'refund-computed-ar');

  await page.getByRole('button', { name: 'تسجيل الخروج' }).click();
  await signIn(page, 'finance2');
  await page.getByRole('button', { name: 'English' }).click();
  // The Refunds queue (not the finance area's Refunds by stage).
  await page.getByRole('link', { name: /^Refunds(?! by stage)/ }).click();
  await page.getByRole('link', { name: reference }).click();
  await page.getByRole('tab', { name: 'Payments' }).click();
  await page.getByRole('button', { name: 'Approve the refund' }).click();
  await expect(page.getByText('Approved, awaiting payout')).toBeVisible();
  await page.getByRole('textbox', { name: 'Payout reference' }).fill('TRF-2026-0001');
  await page.getByRole('button', { name: 'Record the payout' }).click();
  await expect(page.getByText('Paid out')).toBeVisible();
  await snap(page, 'refund-paid-en');
  await page.getByRole('button', { name: 'العربية' }).click();
});
