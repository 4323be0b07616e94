import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { pdfText } from '../../../electron/core/documents/testing/pdf-tools';
import { signIn, snap } from './helpers';

test("a supervisor's Monday: the dashboard, last week's decisions to Excel in Arabic, one case report", async ({ page }) => {
  await signIn(page, 'approver1');
  await page.getByRole('link', { name: 'لوحة المتابعة' }).click();
  await expect(page.getByRole('heading', { name: 'الوارد والقرارات يومياً' })).toBeVisible();
  await expect(page.locator('.recharts-surface').first()).toBeVisible();
  await snap(page, 'dashboard-ar');
  const csv = page.waitForEvent('download');
  await page.getByRole('button', { name: 'تنزيل CSV: الطلبات حسب الحالة' }).click();
  const bytes = readFileSync(await (await csv).path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = bytes.toString('utf8').slice(1).trim().split('\r\n');
  expect(rows[0]).toBe('الحالة,العدد');
  expect(rows.length).toBeGreaterThan(1);

  // The All queue as it stands, to Excel in Arabic.
  await page.getByRole('link', { name: /^جميع الطلبات/ }).click();
  // The header row and one row per request, as many as the queue shows.
  const shown = Number(await page.getByRole('table', { name: 'جميع الطلبات' }).getAttribute('aria-rowcount'));
  await page.getByRole('button', { name: 'تصدير' }).click();
  await page.getByRole('menuitem', { name: 'Excel (xlsx)' }).click();
  const dialog = page.getByRole('dialog', { name: 'تصدير' });
  await expect(dialog.getByRole('status')).toContainText('اكتمل التصدير', { timeout: 30_000 });
  const xlsx = page.waitForEvent('download');
  await dialog.getByRole('link', { name: 'حفظ الملف' }).click();
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await (await xlsx).path());
  const sheet = book.worksheets[0]!;
  expect(sheet.views[0]).toMatchObject({ rightToLeft: true });
  expect(sheet.getRow(1).getCell(1).value).toBe('رقم الطلب');
  expect(sheet.rowCount).toBe(shown);
  await page.keyboard.press('Escape');

  await page.getByRole('table').getByRole('row').nth(1).getByRole('link').click();
  // The case's own heading (the queue's heading stays until the case has loaded).
  const reference = (await page.getByRole('heading', { level: 2, name: /^REQ-\d{4}-\d{6}$/ }).textContent())!.trim();
  await page.getByRole('button', { name: 'تقرير الطلب' }).click();
  await page.getByRole('menuitem', { name: 'نسخة الموظفين بالعربية' }).click();
  const preview = page.getByRole('dialog', { name: 'تقرير الطلب' });
  await expect(preview.locator('canvas').first()).toBeVisible();
  await snap(page, 'case-report-ar');
  const pdf = page.waitForEvent('download');
  await preview.getByRole('link', { name: 'حفظ ملف PDF' }).click();
  const text = pdfText(readFileSync(await (await pdf).path()));
  expect(text).toContain(reference);
  expect(text).toContain('سجل القرارات');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByRole('heading', { name: 'Intake and decisions per day' })).toBeVisible();
  await snap(page, 'dashboard-en');
  await page.getByRole('button', { name: 'العربية' }).click();
});
