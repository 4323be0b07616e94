import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { demoUrl, emptyUrl, signIn, snap } from './helpers';

// Each test audits up to fifteen pages (1.3–4.4 s an audit on this machine): 60 s was too close on a busy one.
test.describe.configure({ timeout: 150_000 });

/** WCAG 2.1 AA on each page, in Arabic and English: no serious or critical violation. */
async function audit(page: Page, name: string) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map(
      (v) =>
        `${name}: ${v.id} (${v.impact}) ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(' | ')}`,
    ),
  ).toEqual([]);
}

test('each page passes axe in both languages', async ({ page }) => {
  await page.goto(demoUrl);
  await audit(page, 'sign-in ar');
  await signIn(page, 'approver1');
  await expect(page.getByRole('heading', { name: /طلبات جديدة/ })).toBeVisible();
  await audit(page, 'queue ar');
  await page.getByRole('table').getByRole('row').nth(1).getByRole('link').click();
  await expect(page.getByRole('tabpanel')).toBeVisible();
  await audit(page, 'case ar');
  await page.getByRole('link', { name: 'صندوق الصادر' }).click();
  await audit(page, 'outbox ar');
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('link', { name: /^New/ }).click();
  await expect(page.getByRole('heading', { name: /New/ })).toBeVisible();
  await audit(page, 'queue en');
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await snap(page, 'shortcuts-en');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog').getByRole('textbox', { name: /^Type a queue or an action/ });
  await palette.fill('outbox');
  await page.getByRole('dialog').getByRole('button', { name: 'Outbox' }).click();
  await expect(page.getByRole('heading', { name: 'Outbox' })).toBeVisible();
  // The palette fades out; auditing mid-fade measures a half-transparent search box (a flake seen in CI).
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await audit(page, 'outbox en');
  await page.getByRole('button', { name: 'العربية' }).click();
});

test('the first-run screen and the admin pages pass axe too', async ({ page }) => {
  // Runs before first-run.spec.ts (files run in name order, one worker): the empty database still shows it.
  await page.goto(emptyUrl);
  await expect(page.getByRole('heading', { name: 'الإعداد الأول: إنشاء حساب المشرف' })).toBeVisible();
  await audit(page, 'first-run ar');
  await signIn(page, 'admin');
  for (const [link, heading] of [
    ['استيراد الطلبات', 'استيراد الطلبات'],
    ['المستخدمون', 'المستخدمون'],
    ['سجل التدقيق', 'سجل التدقيق'],
  ]) {
    await page.getByRole('link', { name: link }).click();
    await expect(page.getByRole('heading', { name: heading })).toBeVisible();
    await audit(page, `${link} ar`);
  }
  for (const [link, heading] of [
    ['مركز الطباعة', 'مركز الطباعة'],
    ['لوحة المتابعة', 'لوحة المتابعة'],
    ['النسخ الاحتياطية', 'النسخ الاحتياطية'],
    ['الإعدادات', 'الإعدادات'],
    ['التحقق من بطاقة', 'التحقق من بطاقة'],
  ]) {
    await page.getByRole('link', { name: link }).click();
    await expect(page.getByRole('heading', { name: heading })).toBeVisible();
    await audit(page, `${link} ar`);
  }
  await page.getByRole('button', { name: 'English' }).click();
  await audit(page, 'verify en');
  await page.getByRole('link', { name: 'Audit log' }).click();
  await audit(page, 'audit en');
  await page.getByRole('button', { name: 'العربية' }).click();
});

test('the finance pages and the policy page pass axe in both languages', async ({ page }) => {
  await signIn(page, 'finance1');
  await page.getByRole('link', { name: 'المالية' }).click();
  for (const tab of [
    'الفواتير بانتظار السداد',
    'استيراد المدفوعات',
    'مدفوعات غير مطابقة',
    'تحويلات بانتظار التأكيد',
    'الاستردادات حسب المرحلة',
    'التسوية اليومية',
  ]) {
    await page.getByRole('tab', { name: tab }).click();
    await expect(page.getByRole('heading', { name: `المالية · ${tab}` })).toBeVisible();
    await audit(page, `finance ${tab} ar`);
  }
  await page.getByRole('link', { name: 'السياسات والرسوم' }).click();
  await expect(page.getByRole('heading', { name: 'جدول الرسوم' })).toBeVisible();
  await audit(page, 'policy (read only) ar');
  await page.getByRole('button', { name: 'English' }).click();
  await audit(page, 'policy (read only) en');
  await page.getByRole('link', { name: 'Finance', exact: true }).click();
  for (const tab of [
    'Invoices awaiting payment',
    'Import payments',
    'Unmatched payments',
    'Manual payments to confirm',
    'Refunds by stage',
    'Daily reconciliation',
  ]) {
    await page.getByRole('tab', { name: tab }).click();
    await expect(page.getByRole('heading', { name: `Finance · ${tab}` })).toBeVisible();
    await audit(page, `finance ${tab} en`);
  }
  await page.getByRole('button', { name: 'العربية' }).click();
  await page.getByRole('button', { name: 'تسجيل الخروج' }).click();
  await signIn(page, 'admin');
  await page.getByRole('link', { name: 'السياسات والرسوم' }).click();
  await expect(page.getByRole('button', { name: 'اقتراح إصدار جديد' })).toBeVisible();
  await audit(page, 'policy (admin) ar');
});
