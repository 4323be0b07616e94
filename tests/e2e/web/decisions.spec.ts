import { expect, test } from '@playwright/test';
import { signIn, snap } from './helpers';

test('a reviewer reads the attachments, re-routes one request and rejects another, by keyboard', async ({ page }) => {
  await signIn(page, 'reviewer2');
  const picker = page.locator('input[aria-label="المرفقات"]');
  // Claim next by keyboard until the request carries more than one attachment (some services carry one).
  for (let tries = 0; ; tries++) {
    await expect(page.getByRole('heading', { name: /طلبات جديدة/ })).toBeVisible();
    await page.keyboard.press('n');
    await expect(page.getByText('قيد المراجعة').first()).toBeVisible();
    // The first attachment is on screen: a PDF page drawn by pdf.js, or an image.
    await expect(page.locator('canvas[data-page="1"], img[alt]').first()).toBeVisible({ timeout: 15_000 });
    await picker.click();
    const attachments = await page.getByRole('option').count();
    await page.keyboard.press('Escape');
    await picker.blur();
    if (attachments > 1) break;
    expect(tries, 'five claimed requests in a row had one attachment each').toBeLessThan(5);
    await page.getByRole('link', { name: /طلبات جديدة/ }).click();
  }
  const first = await picker.inputValue();
  await page.keyboard.press('a');
  await expect(picker).not.toHaveValue(first);
  await snap(page, 'viewer-ar');

  // This test reads the decided request afterwards: the reviewer turns off moving on to the next one.
  const moveOn = page.getByRole('switch', { name: 'بعد القرار، افتح الطلب التالي' });
  await expect(moveOn).toBeChecked();
  await moveOn.focus();
  await page.keyboard.press('Space');
  await expect(moveOn).not.toBeChecked();
  await moveOn.blur();
  await page.getByRole('button', { name: 'تحويل إلى خدمة أخرى' }).click();
  await page.getByRole('dialog').locator('input').first().click();
  // (An inquiry would be answered, not rejected: re-routed to a certificate, it can be rejected.)
  await page.getByRole('option', { name: 'شهادة براءة مهنية' }).click();
  await page.getByRole('button', { name: 'تأكيد' }).click();
  await expect(page.getByText('شهادة براءة مهنية').first()).toBeVisible();

  await page.keyboard.press('x');
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.getByRole('dialog').getByLabel('التوضيح').fill('الطلب مكرر لطلب سابق قيد الدراسة.');
  await page.getByRole('button', { name: 'تأكيد' }).click();
  await expect(page.getByText('مرفوض').first()).toBeVisible();
  await page.getByRole('tab', { name: 'سجل الطلب' }).click();
  await expect(page.getByRole('tabpanel')).toContainText('تحويل إلى خدمة أخرى');
  await snap(page, 'history-ar');

  await page.getByRole('link', { name: 'صندوق الصادر' }).click();
  await expect(page.getByText(/تحويل طلبكم .* إلى الخدمة الصحيحة/).first()).toBeVisible();
  await expect(page.getByText(/قرار بشأن طلبكم/).first()).toBeVisible();
});

test('an approver signs a four-eyes service first; it then waits for a second approver', async ({ page }) => {
  await signIn(page, 'approver1');
  await page.getByRole('link', { name: /طلبات جديدة/ }).click();
  await page.locator('.mantine-Select-root', { hasText: 'الخدمة' }).locator('input').first().click();
  await page.getByRole('option', { name: 'التصنيف المهني من خارج المملكة' }).click();
  await expect(page.getByRole('table').getByRole('row').nth(1)).toContainText('التصنيف المهني من خارج المملكة');
  await page.getByRole('table').getByRole('row').nth(1).getByRole('link').click();
  await expect(page.getByRole('button', { name: 'استلام الطلب', exact: true })).toBeVisible();
  await page.keyboard.press('c');
  await expect(page.getByText('قيد المراجعة').first()).toBeVisible();
  const moveOn = page.getByRole('switch', { name: 'بعد القرار، افتح الطلب التالي' });
  await moveOn.focus();
  await page.keyboard.press('Space');
  await expect(moveOn).not.toBeChecked();
  await moveOn.blur();
  await page.keyboard.press('y');
  await expect(page.getByRole('dialog')).toContainText('سيعتمد الطلب');
  const override = page.getByRole('dialog').getByLabel('تجاوز الشرط مع التسبيب');
  if (await override.isVisible()) await override.fill('تم التحقق من المستندات الأصلية في الفرع.');
  await page.getByRole('button', { name: 'تأكيد' }).click();
  await expect(page.getByText('بانتظار الاعتماد الثاني').first()).toBeVisible();
  // The same approver cannot give the second signature: the desk does not offer it to them (core/cases/allowed-actions.ts).
  await expect(page.getByRole('button', { name: 'الاعتماد الثاني' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'رفض' })).toBeVisible();
});
