import { expect, test, type Page } from '@playwright/test';
import { signIn, snap } from './helpers';

/** Whether the browser has fetched pdf.js (its own chunk and worker) yet. */
const pdfjsLoaded = (page: Page) =>
  page.evaluate<boolean>("performance.getEntriesByType('resource').some((e) => /pdf-document|pdf\\.worker/.test(e.name))");

test('the attachment viewer: page n of N, thumbnails, go to a page, and a resubmitted document beside its first version', async ({ page }) => {
  await signIn(page, 'reviewer1');
  await page.getByRole('link', { name: /معادة التقديم/ }).click();
  const queue = page.getByRole('table', { name: /معادة التقديم/ });
  await expect(queue.getByRole('row').nth(1)).toBeVisible();
  // pdf.js is not part of the queue's bytes: it comes with the first PDF shown.
  expect(await pdfjsLoaded(page)).toBe(false);
  // A demo resubmission: one document came back (version 2), the letter with the attestation asked for. Requests
  // other tests resubmitted from a bundle (several files sent again) may be listed first: they are passed over.
  const secondVersions = page.getByRole('option', { name: /النسخة 2/ });
  for (let row = 1; ; row++) {
    expect(row).toBeLessThan(10);
    await queue.getByRole('row').nth(row).getByRole('link').first().click();
    await page.getByRole('combobox', { name: 'المرفقات' }).click();
    await expect(secondVersions.first()).toBeVisible();
    if ((await secondVersions.count()) === 1) break;
    await page.keyboard.press('Escape');
    await page.goBack();
    await expect(queue.getByRole('row').nth(row + 1)).toBeVisible();
  }
  await secondVersions.click();
  const pageOf = page.getByTestId('page-of');
  await expect(pageOf).toHaveText('صفحة 1 من 2', { timeout: 15_000 });
  expect(await pdfjsLoaded(page)).toBe(true);
  const thumbnails = page.getByRole('navigation', { name: 'مصغرات الصفحات' });
  await expect(thumbnails.getByRole('button')).toHaveCount(2, { timeout: 15_000 });
  // Each thumbnail is drawn (72 px wide; an undrawn canvas keeps its default 300).
  for (const n of [0, 1]) await expect(thumbnails.locator('canvas').nth(n)).toHaveAttribute('width', '72');
  await expect(thumbnails.getByRole('button', { name: 'صفحة 1' })).toHaveAttribute('aria-current', 'page');
  await snap(page, 'viewer-pages-ar');

  // A thumbnail jumps there; the counter and the thumbnail follow.
  await thumbnails.getByRole('button', { name: 'صفحة 2' }).click();
  await expect(pageOf).toHaveText('صفحة 2 من 2');
  await expect(thumbnails.getByRole('button', { name: 'صفحة 2' })).toHaveAttribute('aria-current', 'page');
  // Keyboard: g, a number, Enter; [ and ] for the previous and next page.
  await page.keyboard.press('g');
  await expect(page.getByRole('textbox', { name: 'الانتقال إلى صفحة' })).toBeFocused();
  await page.keyboard.type('1');
  await page.keyboard.press('Enter');
  await expect(pageOf).toHaveText('صفحة 1 من 2');
  await page.keyboard.press('Escape');
  await page.keyboard.press(']');
  await expect(pageOf).toHaveText('صفحة 2 من 2');
  await page.keyboard.press('[');
  await expect(pageOf).toHaveText('صفحة 1 من 2');
  // Scrolling the pages moves the counter too.
  const pages = page.getByRole('region', { name: /النسخة 2/ });
  await pages.hover();
  const pageScrolled = () => page.evaluate<number>('document.scrollingElement?.scrollTop ?? 0');
  const before = await pageScrolled();
  await page.mouse.wheel(0, 5000);
  await expect(pageOf).toHaveText('صفحة 2 من 2');
  // Scrolled past the last page, the case page stays where it was (its header and decision bar in view).
  await page.mouse.wheel(0, 5000);
  await page.waitForTimeout(300);
  expect(await pageScrolled()).toBe(before);

  // The first version beside the new one.
  await page.getByRole('button', { name: 'مقارنة بالنسخة السابقة' }).click();
  const compare = page.getByRole('dialog', { name: 'النسختان جنباً إلى جنب' });
  await expect(compare.getByRole('group', { name: 'النسخة 1 (السابقة)' }).locator('canvas')).toHaveCount(1, { timeout: 15_000 });
  await expect(compare.getByRole('group', { name: 'النسخة 2 (الجديدة)' }).locator('canvas')).toHaveCount(2);
  await snap(page, 'viewer-compare-ar');
  await page.keyboard.press('Escape');
  await expect(compare).toBeHidden();

  await page.getByRole('button', { name: 'English' }).click();
  await expect(pageOf).toHaveText(/^Page [12] of 2$/);
  await snap(page, 'viewer-pages-en');
  await page.getByRole('button', { name: 'Compare with the earlier version' }).click();
  const compareEn = page.getByRole('dialog', { name: 'The two versions side by side' });
  await expect(compareEn.getByRole('group', { name: 'Version 2 (new)' }).locator('canvas')).toHaveCount(2, { timeout: 15_000 });
  await snap(page, 'viewer-compare-en');
  await page.keyboard.press('Escape');

  // A first-round document has nothing to compare with.
  await page.getByRole('combobox', { name: 'Attachments' }).click();
  await page.getByRole('option', { name: /v1/ }).first().click();
  await expect(page.getByRole('button', { name: 'Compare with the earlier version' })).toHaveCount(0);
  await page.getByRole('button', { name: 'العربية' }).click();
});
