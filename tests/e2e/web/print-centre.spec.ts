import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPrivateKey } from 'node:crypto';
import BetterSqlite3 from 'better-sqlite3';
import { cardSignerFromKey } from '../../../electron/core/documents/card-signing';
import { demoUrl, signIn, snap } from './helpers';

test('a card clerk previews two cards, confirms printing (numbers issued then), prints them and records a delivery', async ({ page }) => {
  await signIn(page, 'clerk1');
  await page.getByRole('link', { name: 'مركز الطباعة' }).click();
  await expect(page.getByRole('heading', { name: 'مركز الطباعة' })).toBeVisible();
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows.nth(2)).toBeVisible();
  const firstRef = (await rows.nth(1).getByRole('link').textContent())!;
  await rows.nth(1).getByRole('checkbox').check();
  await rows.nth(2).getByRole('checkbox').check();
  await snap(page, 'print-centre-ar');
  await page.getByRole('button', { name: /طباعة المحدد \(2\)/ }).click();
  const preview = page.getByRole('dialog', { name: 'معاينة قبل الطباعة' });
  await expect(preview.locator('canvas')).toHaveCount(4); // front and back of each CR80 card
  await expect(preview.getByRole('link', { name: 'حفظ ملف PDF' })).toHaveAttribute('download', /cards-2-cr80-preview\.pdf/);
  await expect(preview).toContainText('معاينة فقط');
  await snap(page, 'print-preview-ar');
  await preview.getByRole('button', { name: /تأكيد الطباعة \(2\)/ }).click();
  await expect(preview).toBeHidden();
  // Confirmed: the numbered cards open, to send to the printer.
  const toPrint = page.getByRole('dialog', { name: 'البطاقات المؤكدة للطباعة' });
  await expect(toPrint.locator('canvas')).toHaveCount(4);
  await expect(toPrint.getByRole('link', { name: 'حفظ ملف PDF' })).toHaveAttribute('download', /cards-2-cr80\.pdf/);
  await page.keyboard.press('Escape');
  await expect(toPrint).toBeHidden();

  await page.getByRole('main').getByText('تمت الطباعة', { exact: true }).click();
  const printedRow = page.getByRole('row').filter({ hasText: firstRef });
  await expect(printedRow).toBeVisible();
  await expect(printedRow).toContainText(/C-\d{4}-\d{6}/);
  await printedRow.getByRole('button', { name: 'تسجيل التسليم' }).click();
  const form = page.getByRole('dialog', { name: 'تسجيل التسليم' });
  await form.getByLabel('رقم الشحنة').fill('SPL-778899');
  await form.getByRole('button', { name: 'حفظ' }).click();
  await page.getByRole('main').getByText('تم التسليم', { exact: true }).click();
  await expect(page.getByRole('row').filter({ hasText: firstRef })).toContainText('SPL-778899');

  // Reprinting asks why.
  await page.getByRole('row').filter({ hasText: firstRef }).getByRole('checkbox').check();
  await page.getByRole('button', { name: /إعادة طباعة المحدد/ }).click();
  const ask = page.getByRole('dialog', { name: /إعادة طباعة المحدد/ });
  await ask.getByLabel('سبب إعادة الطباعة').fill('تلف البطاقة أثناء التسليم');
  await ask.getByRole('button', { name: /إعادة طباعة المحدد/ }).click();
  const reprintPreview = page.getByRole('dialog', { name: 'معاينة قبل الطباعة' });
  await expect(reprintPreview.locator('canvas')).toHaveCount(2);
  await reprintPreview.getByRole('button', { name: /تأكيد الطباعة \(1\)/ }).click();
  await expect(page.getByRole('dialog', { name: 'البطاقات المؤكدة للطباعة' }).locator('canvas')).toHaveCount(2);
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('main').getByText('Ready to print', { exact: true }).click();
  await snap(page, 'print-centre-en');
  await page.getByRole('button', { name: 'العربية' }).click();
});

test('anyone can verify a card without signing in: genuine and forged', async ({ page }) => {
  const data = process.env.DESK_E2E_DATA!;
  const db = new BetterSqlite3(join(data, 'demo.sqlite'), { readonly: true });
  const card = db
    .prepare(
      "select c.number, c.expires_at, p.id_number, p.name_ar from cards c join requests r on r.id = c.request_id join practitioners p on p.id = r.practitioner_id where c.status = 'active' limit 1",
    )
    .get() as { number: string; expires_at: string; id_number: string; name_ar: string } | undefined;
  db.close();
  expect(card, 'the print-centre test issues cards first').toBeTruthy();
  const signer = cardSignerFromKey(createPrivateKey(readFileSync(join(data, 'demo.card-signing-key.pem'))));
  const payload = signer.payload({ kind: 'C', number: card!.number, holderId: card!.id_number, date: card!.expires_at });

  await page.goto(demoUrl);
  await page.getByRole('link', { name: 'التحقق من بطاقة' }).click();
  const input = page.getByLabel('محتوى رمز QR');
  await input.fill(payload);
  await input.press('Enter');
  const result = page.getByRole('status');
  await expect(result).toContainText('بطاقة سارية');
  await expect(result).toContainText(card!.name_ar);
  await expect(result).toContainText(`******${card!.id_number.slice(-4)}`);
  await snap(page, 'verify-valid-ar');
  // Another expiry under the same signature: altered.
  await input.fill(payload.replace(`|${card!.expires_at.replaceAll('-', '')}|`, '|20991231|'));
  await input.press('Enter');
  await expect(result).toContainText('رمز غير صادر من الهيئة أو معدّل');
});
