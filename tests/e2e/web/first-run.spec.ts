import { expect, test } from '@playwright/test';
import { emptyUrl, snap } from './helpers';

test('an empty database opens on the first-run screen, which creates the first admin', async ({ page }) => {
  await page.goto(emptyUrl);
  await expect(page.getByRole('heading', { name: 'الإعداد الأول: إنشاء حساب المشرف' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await snap(page, 'first-run-ar');
  await page.getByLabel('اسم المستخدم').fill('chief');
  await page.getByLabel('الاسم الظاهر').fill('رئيس القسم');
  await page.getByLabel('كلمة المرور').fill('short');
  await page.getByRole('button', { name: 'إنشاء' }).click();
  await expect(page.getByRole('alert')).toContainText('كلمة المرور');
  await page.getByLabel('كلمة المرور').fill('a-long-admin-password');
  await page.getByRole('button', { name: 'إنشاء' }).click();
  await expect(page.getByRole('heading', { name: /طلبات جديدة/ })).toBeVisible();
  await expect(page.getByText('لا توجد طلبات في هذه القائمة.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'المستخدمون' })).toBeVisible();
});
