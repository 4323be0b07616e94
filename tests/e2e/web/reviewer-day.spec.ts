import { expect, test } from '@playwright/test';
import { signIn, snap } from './helpers';

test('a reviewer signs in, claims the next request, writes to the applicant and returns it', async ({ page }) => {
  await signIn(page, 'wrong-user', 'not-the-password');
  await expect(page.getByRole('alert')).toContainText('اسم المستخدم أو كلمة المرور غير صحيحة');

  await signIn(page, 'reviewer1');
  await expect(page.getByRole('heading', { name: /طلبات جديدة/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'طلبات جديدة' })).toBeVisible();
  await snap(page, 'queue-new-ar');

  await page.keyboard.press('n');
  await expect(page.getByText('قيد المراجعة').first()).toBeVisible();
  const reference = (await page.getByRole('heading', { level: 2, name: /^REQ-\d{4}-\d{6}$/ }).textContent())!.trim();
  expect(reference).toMatch(/^REQ-\d{4}-\d{6}$/);
  await snap(page, 'case-ar');

  await expect(page.getByRole('tabpanel', { name: 'الشروط' })).toBeVisible();
  await page.getByRole('tab', { name: /الملاحظات/ }).click();
  await page.getByLabel('نص الملاحظة').fill('ملاحظة داخلية: تم التحقق من الهوية.');
  await page.locator('label', { hasText: 'ملاحظة داخلية' }).click();
  await page.getByRole('button', { name: 'إضافة ملاحظة' }).click();
  await expect(page.getByText('ملاحظة داخلية: تم التحقق من الهوية.')).toBeVisible();

  // The return needs words for the applicant: pre-filled from failed checks, here cleared first.
  await page.getByRole('button', { name: 'إعادة للممارس' }).click();
  await page.getByLabel('الرسالة إلى الممارس').fill('');
  await page.getByRole('button', { name: 'تأكيد' }).click();
  await expect(page.getByRole('dialog')).toContainText('ملاحظة واحدة على الأقل');
  await page.getByLabel('الرسالة إلى الممارس').fill('يرجى إرفاق خطاب تعريف حديث من جهة العمل.');
  await snap(page, 'return-dialog-ar');
  await page.getByRole('button', { name: 'تأكيد' }).click();
  // Confirmed; the next request of New opens (the desk's default after a decision).
  await expect(page.getByTestId('desk-toast')).toContainText(`أعيد الطلب ${reference} إلى الممارس`);
  await expect(page.getByRole('heading', { level: 2, name: reference })).toHaveCount(0);

  await page.getByRole('link', { name: 'صندوق الصادر' }).click();
  // The e-mail and, once the worker takes it, its SMS copy carry the same subject.
  await expect(page.getByText(`طلبكم ${reference}: مطلوب استكمال النواقص`).first()).toBeVisible();
  await snap(page, 'outbox-ar');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.getByText(`Your request ${reference}: more information needed`).first()).toBeVisible();
  await snap(page, 'outbox-en');
  await page.getByRole('link', { name: /^New/ }).click();
  await expect(page.getByRole('heading', { name: /New/ })).toBeVisible();
  await snap(page, 'queue-new-en');
  // The choice persists across a reload.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await page.getByRole('button', { name: 'العربية' }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
});

test('an approver countersigns a four-eyes request that another approved', async ({ page }) => {
  await signIn(page, 'approver1');
  await page.getByRole('link', { name: /بانتظار الاعتماد الثاني/ }).click();
  await expect(page.getByRole('heading', { name: /بانتظار الاعتماد الثاني/ })).toBeVisible();
  // Open a request whose first signature is not approver1's own.
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows.nth(1)).toBeVisible();
  const count = await rows.count();
  for (let i = 1; i < count; i++) {
    await rows.nth(i).getByRole('link').click();
    await expect(page.getByRole('heading', { level: 2, name: /^REQ-/ })).toBeVisible();
    // Offered only where approver1 may sign (not a request they signed first: core/cases/allowed-actions.ts).
    const sign = page.getByRole('button', { name: 'الاعتماد الثاني' });
    if (await sign.isVisible()) {
      const reference = (await page.getByRole('heading', { level: 2, name: /^REQ-/ }).textContent())!.trim();
      await sign.click();
      await expect(page.getByTestId('desk-toast')).toContainText(`اعتُمد الطلب ${reference} اعتماداً ثانياً`, { timeout: 15_000 });
      await snap(page, 'countersigned-ar');
      return;
    }
    await page.goBack();
    await expect(rows.nth(1)).toBeVisible();
  }
  throw new Error('no request could be countersigned');
});

test('an admin sees users and verifies the audit chain, in English', async ({ page }) => {
  await signIn(page, 'admin');
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('link', { name: 'Users' }).click();
  await expect(page.getByRole('table', { name: 'Users' })).toContainText('reviewer1');
  await snap(page, 'users-en');
  await page.getByRole('link', { name: 'Audit log' }).click();
  await page.getByRole('button', { name: 'Verify the audit chain' }).click();
  await expect(page.getByRole('status')).toContainText('The chain is intact');
  await page.getByRole('button', { name: 'العربية' }).click();
});
