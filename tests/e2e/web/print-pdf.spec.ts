import { expect, test, type Page } from '@playwright/test';
import { signIn, snap } from './helpers';

/**
 * The browser's print of a PDF the desk made: a hidden frame holding the PDF itself, whose print()
 * Chromium's PDF viewer answers with the system dialog on the PDF's own pages. Headless Chromium shows
 * no dialog, so the frame's print() is recorded instead of run.
 */
async function recordFramePrints(page: Page): Promise<void> {
  // A script of the page's own (the test files are type-checked without the DOM library).
  await page.addInitScript({
    content: `
      window.deskPrints = [];
      const own = Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, 'contentWindow');
      Object.defineProperty(HTMLIFrameElement.prototype, 'contentWindow', {
        configurable: true,
        get() {
          const view = own.get.call(this);
          if (view && this.dataset.printFrame) view.print = () => void window.deskPrints.push(this.src);
          return view;
        },
      });`,
  });
}

const prints = (page: Page) => page.evaluate('window.deskPrints') as Promise<string[]>;

async function previewOneCard(page: Page) {
  await signIn(page, 'clerk1');
  await page.getByRole('link', { name: 'مركز الطباعة' }).click();
  const rows = page.getByRole('table').getByRole('row');
  await rows.nth(1).getByRole('checkbox').check();
  await page.getByRole('button', { name: /طباعة المحدد \(1\)/ }).click();
  const preview = page.getByRole('dialog', { name: 'معاينة قبل الطباعة' });
  await expect(preview.locator('canvas')).toHaveCount(2);
  return preview;
}

test('Print on a card preview prints the PDF itself from a hidden frame, no file saved', async ({ page }) => {
  await recordFramePrints(page);
  const preview = await previewOneCard(page);
  await preview.getByRole('button', { name: 'طباعة', exact: true }).click();
  const frame = page.locator('iframe[data-print-frame="pdf"]');
  await expect(frame).toHaveCount(1);
  await expect(frame).toHaveAttribute('src', /^blob:http:\/\/127\.0\.0\.1:\d+\//);
  await expect.poll(async () => (await prints(page)).length).toBe(1);
  // The frame holds the PDF (Chromium's viewer), not a page of the desk.
  expect(await page.evaluate("document.querySelector('iframe[data-print-frame]').contentDocument.contentType")).toBe('application/pdf');
  const src = await frame.getAttribute('src');
  expect(await prints(page)).toEqual([src]);
  // No notice: the dialog opened (no new tab, no failure).
  await expect(preview.getByRole('alert').filter({ hasText: /تبويب|لم تبدأ الطباعة/ })).toHaveCount(0);
  await snap(page, 'print-button-ar');

  // Ctrl+P in the preview prints the PDF again (a new frame), not the page behind the dialog.
  await page.keyboard.press('Control+P');
  await expect.poll(async () => (await prints(page)).length).toBe(2);
  await expect(frame).toHaveCount(1);

  await page.keyboard.press('Escape');
  await expect(preview).toBeHidden();
  await expect(frame).toHaveCount(0); // the frame and its blob go with the preview

  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('row').nth(1).getByRole('checkbox').check();
  await page.getByRole('button', { name: /Print selected \(1\)/ }).click();
  const en = page.getByRole('dialog', { name: 'Print preview' });
  await expect(en.locator('canvas')).toHaveCount(2);
  await en.getByRole('button', { name: 'Print', exact: true }).click();
  await expect.poll(async () => (await prints(page)).length).toBe(3);
  await snap(page, 'print-button-en');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'العربية' }).click();
});

test('a browser without a PDF viewer gets the PDF in a new tab to print from, and is told so', async ({ page }) => {
  await page.addInitScript({ content: "Object.defineProperty(Navigator.prototype, 'pdfViewerEnabled', { get: () => false });" });
  const preview = await previewOneCard(page);
  const [tab] = await Promise.all([page.waitForEvent('popup'), preview.getByRole('button', { name: 'طباعة', exact: true }).click()]);
  expect(tab.url()).toMatch(/^blob:http:\/\/127\.0\.0\.1:\d+\//);
  await expect(preview.getByRole('alert').filter({ hasText: 'فتح المتصفح الملف في تبويب جديد' })).toBeVisible();
  await tab.close();
  await page.keyboard.press('Escape');
});
