import { expect, test, type Page } from '@playwright/test';
import { signIn, snap } from './helpers';

const nav = (page: Page) => page.getByRole('navigation', { name: /العروض المحفوظة|Saved views/ });
/** The filters may be folded away on a short screen: unfolded when they are. */
async function showFilters(page: Page) {
  const unfold = page.getByRole('button', { name: /عرض عوامل التصفية|Show filters/ });
  if (await unfold.isVisible()) await unfold.click();
}
/** The number a badge shows, Arabic or Latin digits, thousands separators dropped. */
const numberIn = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''));

test('a reviewer saves the queue as a view, opens it from the navigation in one click, renames and deletes it', async ({ page }) => {
  await signIn(page, 'reviewer1');
  await page.getByRole('link', { name: /^طلبات جديدة/ }).click();
  await showFilters(page);
  await page.getByRole('combobox', { name: 'الخدمة' }).click();
  await page.getByRole('option', { name: 'تجديد بطاقة التسجيل / التصنيف' }).click();
  await page.getByRole('combobox', { name: 'الترتيب' }).click();
  await page.getByRole('option', { name: 'الأحدث أولاً' }).click();
  const heading = page.getByRole('main').getByRole('heading', { level: 2 });
  await expect(heading).toContainText('طلبات جديدة');
  const firstRow = page.getByRole('table').getByRole('row').nth(1).getByRole('link');
  await expect(firstRow).toBeVisible();
  const firstReference = await firstRow.textContent();
  const total = numberIn(await heading.locator('.mantine-Badge-root').textContent());
  expect(total).toBeGreaterThan(0);

  await page.getByRole('button', { name: 'حفظ العرض…' }).click();
  const dialog = page.getByRole('dialog', { name: 'حفظ العرض الحالي' });
  // Nothing typed: the desk says which field and what.
  await dialog.getByRole('button', { name: 'حفظ', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText('اسم العرض');
  await dialog.getByRole('textbox', { name: 'اسم العرض' }).fill('تجديدات اليوم');
  // A reviewer keeps views for themselves: no choice of who sees it.
  await expect(dialog.getByRole('combobox', { name: 'يراه' })).toHaveCount(0);
  await snap(page, 'saved-view-save-ar');
  await dialog.getByRole('textbox', { name: 'اسم العرض' }).press('Enter');

  const link = nav(page).getByRole('link', { name: /تجديدات اليوم/ });
  await expect(link).toBeVisible();
  await expect(page).toHaveURL(/#\/view\/\d+$/);
  await expect(heading).toContainText('تجديدات اليوم');
  expect(numberIn(await link.locator('.mantine-Badge-root').textContent())).toBe(total);
  await snap(page, 'saved-view-ar');

  // Elsewhere, then back in one click: the filters and order come with it.
  await page.getByRole('link', { name: /^جميع الطلبات/ }).click();
  await expect(heading).toContainText('جميع الطلبات');
  await link.click();
  await expect(heading).toContainText('تجديدات اليوم');
  await showFilters(page);
  await expect(page.getByRole('combobox', { name: 'الخدمة' })).toHaveValue('تجديد بطاقة التسجيل / التصنيف');
  await expect(page.getByRole('combobox', { name: 'الترتيب' })).toHaveValue('الأحدث أولاً');
  await expect(page.getByRole('table').getByRole('row').nth(1).getByRole('link')).toHaveText(firstReference!);

  // A second view with the same name is refused by name.
  await page.getByRole('button', { name: 'حفظ العرض…' }).click();
  await dialog.getByRole('textbox', { name: 'اسم العرض' }).fill('تجديدات اليوم');
  await dialog.getByRole('button', { name: 'حفظ', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText('تجديدات اليوم');
  await dialog.getByRole('button', { name: 'إلغاء' }).click();

  await page.getByRole('button', { name: 'إعادة تسمية…' }).click();
  const rename = page.getByRole('dialog', { name: 'إعادة تسمية العرض' });
  await rename.getByRole('textbox', { name: 'اسم العرض' }).fill('تجديدات الأسبوع');
  await rename.getByRole('button', { name: 'حفظ', exact: true }).click();
  await expect(nav(page).getByRole('link', { name: /تجديدات الأسبوع/ })).toBeVisible();
  await expect(heading).toContainText('تجديدات الأسبوع');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(heading).toContainText('تجديدات الأسبوع');
  await expect(page.getByText('Saved view of the New queue')).toBeVisible();
  await snap(page, 'saved-view-en');
  await page.getByRole('button', { name: 'Delete' }).click();
  await page
    .getByRole('dialog', { name: /Delete the view/ })
    .getByRole('button', { name: 'Delete' })
    .click();
  await expect(page).toHaveURL(/#\/queue\/new$/);
  await expect(page.getByRole('navigation', { name: 'Saved views' })).toHaveCount(0);
  await page.getByRole('button', { name: 'العربية' }).click();
});

test('a supervisor shares a view with the reviewers; they see it with its count and cannot change it', async ({ page, browser }) => {
  await signIn(page, 'approver1');
  await page.getByRole('link', { name: /^معادة التقديم/ }).click();
  await page.getByRole('button', { name: 'حفظ العرض…' }).click();
  const dialog = page.getByRole('dialog', { name: 'حفظ العرض الحالي' });
  await dialog.getByRole('textbox', { name: 'اسم العرض' }).fill('المعاد تقديمه للفريق');
  await dialog.getByRole('combobox', { name: 'يراه' }).click();
  await dialog.getByRole('option', { name: 'من يحمل دور «مراجع»' }).click();
  await snap(page, 'saved-view-share-ar');
  await dialog.getByRole('button', { name: 'حفظ', exact: true }).click();
  await expect(nav(page).getByText('عروض الفريق')).toBeVisible();
  const count = numberIn(
    await nav(page)
      .getByRole('link', { name: /المعاد تقديمه للفريق/ })
      .locator('.mantine-Badge-root')
      .textContent(),
  );

  const other = await browser.newContext();
  const reviewer = await other.newPage();
  await signIn(reviewer, 'reviewer2');
  const shared = nav(reviewer).getByRole('link', { name: /المعاد تقديمه للفريق/ });
  await expect(shared).toBeVisible();
  expect(numberIn(await shared.locator('.mantine-Badge-root').textContent())).toBe(count);
  await shared.click();
  await expect(reviewer.getByText(/من يحمل دور «مراجع» · شاركه خالد الدوسري/)).toBeVisible();
  await expect(reviewer.getByRole('button', { name: 'إعادة تسمية…' })).toHaveCount(0);
  await expect(reviewer.getByRole('button', { name: 'حذف' })).toHaveCount(0);
  await snap(reviewer, 'saved-view-shared-ar');
  await other.close();

  // The finance officer is not among those it is shared with.
  const finance = await browser.newContext();
  const officer = await finance.newPage();
  await signIn(officer, 'finance1');
  await expect(officer.getByRole('heading', { level: 2 })).toBeVisible();
  await expect(officer.getByRole('link', { name: /المعاد تقديمه للفريق/ })).toHaveCount(0);
  await finance.close();
});
