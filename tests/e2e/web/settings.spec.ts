import { expect, test } from '@playwright/test';
import { signIn, snap } from './helpers';

test('an administrator sees the database in use, tests an address and saves it for the next start', async ({ page }) => {
  await signIn(page, 'admin');
  await page.getByRole('link', { name: 'الإعدادات' }).click();
  await expect(page.getByRole('heading', { name: 'قاعدة بيانات الطلبات' })).toBeVisible();
  await expect(page.getByText('ملف SQLite (مكتب واحد)')).toBeVisible();
  await expect(page.getByText(/demo\.sqlite$/)).toBeVisible();

  const address = page.getByLabel('العنوان للتشغيل القادم');
  const save = page.getByRole('button', { name: 'حفظ للتشغيل القادم' });
  // Unreachable: said so in the page's words (the server's own kept under details), and it cannot be saved.
  await address.fill('postgres://nobody@127.0.0.1:1/nowhere');
  await page.getByRole('button', { name: 'اختبار الاتصال' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'تعذر الوصول' })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText('رفض الخادم الاتصال', { exact: false })).toBeVisible();
  await expect(page.getByText(/ECONNREFUSED/)).toBeHidden();
  await expect(save).toBeDisabled();
  // Not an address at all.
  await address.fill('postgres://');
  await page.getByRole('button', { name: 'اختبار الاتصال' }).click();
  await expect(page.getByText('العنوان غير صالح', { exact: false })).toBeVisible();

  // A new SQLite file: reachable, every migration to apply; saved, the desk asks for a restart.
  await address.fill('/tmp/mumaris-settings-e2e/other.sqlite');
  await page.getByRole('button', { name: 'اختبار الاتصال' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'أمكن الوصول' })).toBeVisible();
  await expect(page.getByText('سيُنشأ ملف جديد', { exact: false })).toBeVisible();
  await snap(page, 'settings-ar');
  await save.click();
  await expect(page.getByText('حُفظ الاختيار؛ أعد تشغيل المكتب')).toHaveCount(0);
  // Started with --db, so the saved choice waits: the page says it is not used while --db is given.
  await expect(page.getByText('/tmp/mumaris-settings-e2e/other.sqlite')).toBeVisible();
  await expect(page.getByText(/يُتجاهل المحفوظ/)).toBeVisible();

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByText('the --db option at start')).toBeVisible();
  // Left to right now: the page sits beside the navigation, not under it (once the layout has moved).
  const heading = page.getByRole('heading', { name: 'Settings' });
  await expect.poll(async () => (await heading.boundingBox())?.x ?? 0).toBeGreaterThan(260);
  await snap(page, 'settings-en');
  await page.getByRole('button', { name: 'Back to the default file' }).click();
  await expect(page.getByText('/tmp/mumaris-settings-e2e/other.sqlite')).toHaveCount(0);
  await page.getByRole('button', { name: 'العربية' }).click();
});
