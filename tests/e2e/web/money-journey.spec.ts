/**
 * Two new requests followed from import to their end entirely in the browser, in Arabic, as the people
 * who work them would: an administrator imports the bundles, a reviewer-approver claims and approves
 * them (each gets its invoice and SADAD bill), a finance officer imports the payment gateway's file
 * (they are paid and move on), the card clerk prints and delivers the renewal's card, and the
 * good-standing certificate is issued, kept with its case and opened again.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GOOD_FILES, goodRequestJson, writeZip } from '../../../electron/core/intake/testing/request-bundles';
import { makeDemoFiles } from '../../../electron/core/demo/attachment-files';
import { SeededRandom } from '../../../electron/core/demo/random';
import { FACILITIES } from '../../../electron/core/demo/names';
import { signIn, snap } from './helpers';

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000 + 3 * 3600_000).toISOString().slice(0, 10);

async function as(browser: Browser, user: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
  await signIn(page, user);
  return page;
}

/** Opens a request from the All queue, found by its reference. */
async function openCase(page: Page, reference: string) {
  await page.getByRole('link', { name: /جميع الطلبات/ }).click();
  await page.getByRole('textbox', { name: /بحث/ }).fill(reference);
  await page.getByRole('table', { name: 'جميع الطلبات' }).getByRole('link', { name: reference }).click();
  await expect(page.getByRole('heading', { name: reference })).toBeVisible();
}

/** Claims and approves the open case; an approver overrides a failed check with a justification. */
async function claimAndApprove(page: Page) {
  await page.getByRole('button', { name: 'استلام الطلب', exact: true }).click();
  await expect(page.getByText('قيد المراجعة').first()).toBeVisible();
  // The journey follows this request on: it stays open after the approval (the setting beside the actions).
  const moveOn = page.getByRole('switch', { name: 'بعد القرار، افتح الطلب التالي' });
  if (await moveOn.isChecked()) {
    await moveOn.focus();
    await page.keyboard.press('Space');
  }
  await expect(moveOn).not.toBeChecked();
  await page.getByRole('button', { name: 'اعتماد', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('سيعتمد الطلب');
  const override = dialog.getByLabel('تجاوز الشرط مع التسبيب');
  if (await override.isVisible()) await override.fill('تم التحقق من المستندات الأصلية في الفرع.');
  await dialog.getByRole('button', { name: 'تأكيد' }).click();
  await expect(page.getByText('بانتظار سداد الرسوم').first()).toBeVisible();
}

/** The invoice on the case's payments tab: its SADAD bill number and its total in halalas. */
async function billOf(page: Page): Promise<{ bill: string; invoice: string }> {
  await page.getByRole('tab', { name: /المدفوعات/ }).click();
  const panel = page.getByRole('tabpanel');
  await expect(panel).toContainText(/INV-\d{4}-\d{6}/);
  const text = (await panel.textContent()) ?? '';
  return { invoice: /INV-\d{4}-\d{6}/.exec(text)![0], bill: /\b1\d{9}\b/.exec(text)![0] };
}

test('a renewal and a certificate go from import to a delivered card and an issued letter', async ({ browser }) => {
  test.setTimeout(120_000);
  const renewal = 'REQ-2026-900301';
  const certificate = 'REQ-2026-900302';
  const submittedAt = `${day(-1)}T09:30:00+03:00`;
  // A real photograph and letters, as the portal sends them: the card prints the photo.
  const demo = await makeDemoFiles(new SeededRandom(3), FACILITIES);
  const files = { ...GOOD_FILES, 'files/photo.jpg': demo.photo().bytes, 'files/letter.pdf': demo.letter('employer_letter').bytes };
  const renewalZip = writeZip(
    goodRequestJson({
      reference: renewal,
      submittedAt,
      applicant: {
        ...goodRequestJson().applicant,
        idNumber: '1000000016',
        card: { number: 'C-2023-004411', issuedAt: day(-1000), expiresAt: day(40) },
      },
      attachments: [
        { kind: 'employer_letter', file: 'files/letter.pdf', issuedAt: day(-20), certified: false },
        { kind: 'work_certificate', file: 'files/work.pdf' },
        { kind: 'photo', file: 'files/photo.jpg' },
      ],
    }),
    files,
    false,
    'renewal.zip',
  );
  const certificateZip = writeZip(
    goodRequestJson({
      reference: certificate,
      service: 'GOOD_STANDING',
      submittedAt,
      employer: { type: 'private', facility: 'Dr. Sulaiman Al Habib Hospital' },
      applicant: {
        ...goodRequestJson().applicant,
        idNumber: '1000000024',
        card: null,
        nameAr: 'نورة بنت سعد العتيبي',
        nameEn: 'Noura Saad Alotaibi',
        gender: 'female',
      },
    }),
    files,
    false,
    'certificate.zip',
  );

  // The administrator imports both bundles and, as an approver, decides them.
  const admin = await as(browser, 'admin');
  await admin.getByRole('link', { name: 'استيراد الطلبات' }).click();
  await admin.locator('input[type=file]').setInputFiles([renewalZip, certificateZip]);
  await expect(admin.getByText('2 / 2')).toBeVisible();
  const bills: Record<string, { bill: string; invoice: string }> = {};
  for (const reference of [renewal, certificate]) {
    await openCase(admin, reference);
    await claimAndApprove(admin);
    bills[reference] = await billOf(admin);
  }
  await snap(admin, 'journey-invoice-ar');
  // The applicant's e-mail names the bill, the amount and the due day.
  await admin.getByRole('link', { name: 'صندوق الصادر' }).click();
  await expect(admin.getByText(new RegExp(bills[renewal]!.bill)).first()).toBeVisible();

  // Finance imports the gateway's file: a SADAD payment of the renewal's bill, a card payment of the certificate's invoice.
  const csv = join(mkdtempSync(join(tmpdir(), 'gateway-')), `gateway-${day(0)}.csv`);
  writeFileSync(
    csv,
    '\uFEFFtransaction_id,sadad_bill_number,invoice_number,amount_halalas,paid_at,channel\r\n' +
      `TX-JOURNEY-0001,${bills[renewal]!.bill},,35000,${day(0)}T08:05:00+03:00,sadad\r\n` +
      `TX-JOURNEY-0002,,${bills[certificate]!.invoice},15000,${day(0)}T08:07:00+03:00,mada\r\n`,
  );
  const finance = await as(browser, 'finance1');
  // A finance officer lands on the invoices waiting for money, not on the reviewers' queue.
  await expect(finance).toHaveURL(/#\/finance\/awaiting$/);
  await finance.getByRole('link', { name: 'المالية' }).click();
  await finance.getByRole('tab', { name: 'استيراد المدفوعات' }).click();
  await finance.locator('input[type=file]').setInputFiles(csv);
  await expect(finance.getByText('طلبات سُددت وانتقلت').first()).toBeVisible();
  await expect(finance.getByText(renewal).first()).toBeVisible();
  await expect(finance.getByText(certificate).first()).toBeVisible();
  await snap(finance, 'journey-payments-import-ar');
  // The same file again changes nothing.
  await finance.locator('input[type=file]').setInputFiles(csv);
  await expect(finance.getByText(/مكررة/).first()).toBeVisible();

  // The certificate is issued, kept with its case and opens again.
  await openCase(admin, certificate);
  await expect(admin.getByText('صدرت الوثيقة').first()).toBeVisible();
  await admin.getByRole('button', { name: 'الوثيقة الصادرة' }).click();
  await expect(admin.getByRole('dialog').locator('canvas').first()).toBeVisible({ timeout: 15_000 });
  await snap(admin, 'journey-letter-ar');
  await admin.keyboard.press('Escape');

  // The card clerk prints the renewal's card, confirms it printed and records its delivery.
  const clerk = await as(browser, 'clerk1');
  await expect(clerk).toHaveURL(/#\/print$/);
  await clerk.getByRole('link', { name: 'مركز الطباعة' }).click();
  const row = clerk.getByRole('row').filter({ hasText: renewal });
  await expect(row).toBeVisible();
  await row.getByRole('checkbox').check();
  await clerk.getByRole('button', { name: /طباعة المحدد \(1\)/ }).click();
  const preview = clerk.getByRole('dialog', { name: 'معاينة قبل الطباعة' });
  await expect(preview.locator('canvas')).toHaveCount(2);
  await preview.getByRole('button', { name: /تأكيد الطباعة \(1\)/ }).click();
  await expect(preview).toBeHidden();
  // Confirmed: the numbered card opens, to send to the printer.
  const toPrint = clerk.getByRole('dialog', { name: 'البطاقات المؤكدة للطباعة' });
  await expect(toPrint.locator('canvas')).toHaveCount(2);
  await snap(clerk, 'journey-card-ar');
  await clerk.keyboard.press('Escape');
  await expect(toPrint).toBeHidden();
  await clerk.getByRole('main').getByText('تمت الطباعة', { exact: true }).click();
  const printed = clerk.getByRole('row').filter({ hasText: renewal });
  await expect(printed).toContainText(/C-\d{4}-\d{6}/);
  await printed.getByRole('button', { name: 'تسجيل التسليم' }).click();
  const form = clerk.getByRole('dialog', { name: 'تسجيل التسليم' });
  await form.getByLabel('رقم الشحنة').fill('SPL-300301');
  await form.getByRole('button', { name: 'حفظ' }).click();
  await clerk.getByRole('main').getByText('تم التسليم', { exact: true }).click();
  await expect(clerk.getByRole('row').filter({ hasText: renewal })).toContainText('SPL-300301');
  await snap(clerk, 'journey-delivered-ar');

  // The case's history tells the whole story.
  await openCase(admin, renewal);
  await expect(admin.getByText('تم التسليم').first()).toBeVisible();
  await admin.getByRole('tab', { name: 'سجل الطلب' }).click();
  for (const step of ['اعتماد', 'طلب سداد الرسوم', 'تسجيل السداد', 'طباعة البطاقة', 'تسجيل التسليم'])
    await expect(admin.getByRole('tabpanel')).toContainText(step);
});
