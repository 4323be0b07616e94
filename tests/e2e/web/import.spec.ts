import { expect, test } from '@playwright/test';
import { GOOD_FILES, goodRequestJson, writeZip } from '../../../electron/core/intake/testing/request-bundles';
import { signIn, snap } from './helpers';

test('an admin imports bundles by file, sees each result, returns one and imports its resubmission', async ({ page }) => {
  const reference = 'REQ-2026-900001';
  const good = writeZip(goodRequestJson({ reference }), GOOD_FILES, false, 'good.zip');
  const bad = writeZip(
    goodRequestJson({ service: 'TELEPORT', applicant: { ...goodRequestJson().applicant, birthDate: '1980-02-30' } }),
    GOOD_FILES,
    false,
    'bad.zip',
  );

  await signIn(page, 'admin');
  await page.getByRole('link', { name: 'استيراد الطلبات' }).click();
  await page.locator('input[type=file]').setInputFiles([good, bad]);
  await expect(page.getByText('2 / 2')).toBeVisible();
  await expect(page.getByText('good.zip')).toBeVisible();
  await expect(page.getByText('bad.zip')).toBeVisible();
  await expect(page.getByText('applicant.birthDate')).toBeVisible();
  await snap(page, 'import-ar');

  await page.getByRole('link', { name: reference }).click();
  await expect(page.getByRole('heading', { name: reference })).toBeVisible();
  await expect(page.getByText('محمد بن عبدالله الشهري').first()).toBeVisible();
  await page.getByRole('button', { name: 'استلام الطلب' }).click();
  await page.getByRole('button', { name: 'إعادة للممارس' }).click();
  await page.getByLabel('الرسالة إلى الممارس').fill('يرجى إرفاق شهادة البكالوريوس مصدقة.');
  await page.getByRole('button', { name: 'تأكيد' }).click();
  await expect(page.getByTestId('desk-toast')).toContainText(`أعيد الطلب ${reference} إلى الممارس`);

  const resubmission = writeZip(
    goodRequestJson({ reference, notes: [{ text: 'أرفقت الشهادة المصدقة.', at: '2026-03-05T10:00:00+03:00' }] }),
    GOOD_FILES,
    false,
    'resubmission.zip',
  );
  await page.getByRole('link', { name: 'استيراد الطلبات' }).click();
  await page.locator('input[type=file]').setInputFiles([resubmission]);
  await expect(page.getByText('إعادة تقديم')).toBeVisible();
  await page.getByRole('link', { name: reference }).click();
  await expect(page.getByText('أعيد تقديمه').first()).toBeVisible();
  await page.getByRole('tab', { name: /الملاحظات/ }).click();
  await expect(page.getByText('أرفقت الشهادة المصدقة.')).toBeVisible();

  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('link', { name: 'Import requests' }).click();
  await snap(page, 'import-en');
  await page.getByRole('button', { name: 'العربية' }).click();
});
