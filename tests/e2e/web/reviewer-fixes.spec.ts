/**
 * What a new user hit (#17), fixed: a new note is internal by default; the CPD section adds up; a reversed
 * dashboard range is said at the date boxes and the charts stay; finance2 approving a refund sees the facts
 * finance1 computed with; the second-signature queue leaves out one's own first signatures; an override
 * is marked on the checks tab with who, when and why.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { signIn as signInForm, snap } from './helpers';

/** WCAG 2.1 AA on what these fixes added (`selector`): no serious or critical violation. */
async function audit(page: Page, selector: string) {
  const result = await new AxeBuilder({ page }).include(selector).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(
    result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`),
  ).toEqual([]);
}
/** Signed in, and the desk shown (signing in hashes the password: slow on a busy machine). */
async function signIn(page: Page, username: string) {
  await signInForm(page, username);
  await expect(page.getByRole('button', { name: /تسجيل الخروج|Sign out/ })).toBeVisible({ timeout: 30_000 });
}
async function english(page: Page) {
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
}
/** The queue's filters, opened when the layout keeps them folded. */
async function filters(page: Page) {
  await expect(page.getByRole('textbox', { name: /بحث|Search/ })).toBeVisible();
  const show = page.getByRole('button', { name: /^(عرض عوامل التصفية|Show filters)/ });
  if (await show.isVisible()) await show.click();
}
async function arabic(page: Page) {
  await page.getByRole('button', { name: 'العربية' }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
}

test('a new note is internal unless its writer chooses the applicant', async ({ page }) => {
  await signIn(page, 'reviewer1');
  await expect(page.getByRole('heading', { name: /طلبات جديدة/ })).toBeVisible();
  await page.keyboard.press('n');
  await expect(page.getByText('قيد المراجعة').first()).toBeVisible();
  await page.getByRole('tab', { name: 'الملاحظات' }).click();
  const kind = page.getByRole('radiogroup', { name: 'لمن الملاحظة' });
  await expect(kind.getByRole('radio', { name: 'ملاحظة داخلية' })).toBeChecked();
  await expect(kind.getByRole('radio', { name: 'ملاحظة للممارس' })).not.toBeChecked();
  await page.getByRole('textbox', { name: 'نص الملاحظة' }).fill('راجعت خطاب جهة العمل مع المشرف.');
  await page.getByRole('button', { name: 'إضافة ملاحظة' }).click();
  const saved = page.getByRole('tabpanel').locator('.mantine-Paper-root', { hasText: 'راجعت خطاب جهة العمل مع المشرف.' });
  await expect(saved).toContainText('ملاحظة داخلية');
  await snap(page, 'fixes-note-internal-ar');
  await english(page);
  await expect(page.getByRole('radio', { name: 'Internal note' })).toBeChecked();
  await snap(page, 'fixes-note-internal-en');
  await arabic(page);
});

test('the CPD section adds up: hours recorded before, activities, the sum against the hours required', async ({ page }) => {
  await signIn(page, 'reviewer1');
  await english(page);
  await page.getByRole('link', { name: /^All requests/ }).click();
  await filters(page);
  await page.locator('.mantine-Select-root', { hasText: 'Service' }).locator('input').first().click();
  await page.getByRole('option', { name: 'Card renewal' }).first().click();
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows.nth(1)).toContainText('Card renewal');
  await rows.nth(1).getByRole('link').click();
  await page.getByRole('tab', { name: /^Data/ }).click();
  const section = page.getByRole('table', { name: 'CPD' });
  await expect(section).toBeVisible();
  const hours = (text: string | null) => Number(/(\d+)/.exec(text ?? '')?.[1] ?? NaN);
  const recorded = hours(await section.getByRole('row', { name: /Recorded before this request/ }).textContent());
  const fromActivities = hours(await section.getByRole('row', { name: /From the activities added/ }).textContent());
  // The heading's sum is the rows' sum: one set of facts.
  await expect(page.getByTestId('cpd-sum')).toContainText(`${recorded + fromActivities} recognised of`);
  const activityRows = (await section.getByRole('row').count()) - 2;
  if (activityRows === 0) await expect(section).toContainText('No activities were added with this request');
  else expect(fromActivities).toBeGreaterThan(0);
  await section.scrollIntoViewIfNeeded();
  await snap(page, 'fixes-cpd-en');
  await audit(page, '[role="tabpanel"]');
  await arabic(page);
  await expect(page.getByTestId('cpd-sum')).toContainText('المعتمد');
  await expect(page.getByRole('table', { name: 'التطوير المهني المستمر' })).toContainText('مسجلة قبل هذا الطلب');
  await page.getByTestId('cpd-sum').scrollIntoViewIfNeeded();
  await snap(page, 'fixes-cpd-ar');
});

test('a reversed dashboard range is said at the date boxes and the charts stay', async ({ page }) => {
  await signIn(page, 'admin');
  await page.getByRole('link', { name: 'لوحة المتابعة' }).click();
  await expect(page.getByRole('heading', { name: 'لوحة المتابعة' })).toBeVisible();
  const charts = page.locator('.recharts-surface');
  await expect(charts.first()).toBeVisible();
  const before = await charts.count();
  const from = page.getByRole('textbox', { name: 'من' });
  await from.fill('2030-01-01');
  await from.blur();
  await expect(page.getByText(/تاريخ البداية بعد تاريخ النهاية؛ تعرض الرسوم آخر فترة صحيحة/)).toBeVisible();
  // Still drawn (a reversed range used to blank them all); lazy charts may still be arriving, never leaving.
  await expect.poll(() => charts.count()).toBeGreaterThanOrEqual(before);
  await expect(page.locator('.mantine-Alert-root', { hasText: 'تاريخ البداية بعد تاريخ النهاية' })).toHaveCount(0);
  await snap(page, 'fixes-dashboard-reversed-ar');
  await audit(page, 'main .mantine-Group-root');
  await english(page);
  await expect(page.getByText(/The start date is after the end date; the charts show the last valid range/)).toBeVisible();
  await snap(page, 'fixes-dashboard-reversed-en');
  // Put in order again: the message goes, the figures follow the new range.
  await page.getByRole('textbox', { name: 'From' }).fill('2026-01-01');
  await page.getByRole('textbox', { name: 'From' }).blur();
  await expect(page.getByText(/The start date is after the end date/)).toHaveCount(0);
  // Still drawn (a reversed range used to blank them all); lazy charts may still be arriving, never leaving.
  await expect.poll(() => charts.count()).toBeGreaterThanOrEqual(before);
  await arabic(page);
});

test('finance2 approving a refund sees the facts finance1 computed with, read-only, with the amount', async ({ page }) => {
  // finance1 computes a refund with a ground ticked (a wrong path, by staff).
  await signIn(page, 'finance1');
  await page.getByRole('link', { name: /^طلبات استرداد الرسوم/ }).click();
  await expect(page.getByRole('heading', { name: /طلبات استرداد الرسوم/ })).toBeVisible();
  await page.getByRole('table').getByRole('row').nth(1).getByRole('link').click();
  const reference = (await page.getByRole('heading', { level: 2, name: /^REQ-\d{4}-\d{6}$/ }).textContent())!.trim();
  await page.getByRole('tab', { name: 'المدفوعات' }).click();
  const compute = page.getByRole('button', { name: 'حساب الاسترداد' });
  const recompute = page.getByRole('button', { name: 'إعادة الحساب بوقائع أخرى' });
  await expect(compute.or(recompute)).toBeVisible();
  if (await recompute.isVisible()) await recompute.click();
  await page.getByRole('combobox', { name: 'أحيل الطلب إلى مسار خاطئ' }).click();
  await page.getByRole('option', { name: 'من الموظف' }).click();
  await compute.click();
  await expect(page.getByText('محسوب بانتظار الاعتماد')).toBeVisible();
  // finance1 reading it back sees the facts recorded, not a reset form.
  await expect(page.getByLabel(/الوقائع التي حسب بها/)).toContainText('أحيل الطلب إلى مسار خاطئ');
  await page.getByRole('button', { name: 'تسجيل الخروج' }).click();

  await signIn(page, 'finance2');
  await page.getByRole('link', { name: /^طلبات استرداد الرسوم/ }).click();
  await page.getByRole('link', { name: reference }).click();
  await page.getByRole('tab', { name: 'المدفوعات' }).click();
  const facts = page.getByLabel(/الوقائع التي حسب بها/);
  await expect(facts).toContainText('نورة الشمري');
  await expect(facts).toContainText('تاريخ طلب الاسترداد');
  await expect(facts.locator('[data-ground="wrong_path"]')).toContainText('من الموظف');
  // The amount beside the facts is the one computed (the refund's own total).
  const total = (await page.getByRole('table', { name: 'بنود الاسترداد' }).getByRole('row').last().getByRole('columnheader').last().textContent())!;
  await expect(page.getByTestId('refund-computed-amount')).toHaveText(total.trim());
  // No calculation form reset in the checker's way; approving is one click.
  await expect(page.getByRole('combobox', { name: 'أحيل الطلب إلى مسار خاطئ' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'اعتماد الاسترداد' })).toBeEnabled();
  await facts.scrollIntoViewIfNeeded();
  await snap(page, 'fixes-refund-facts-ar');
  await audit(page, '[aria-label^="الوقائع التي حسب بها"]');
  await english(page);
  await expect(page.getByText(/The facts .* computed with \(read-only\)/)).toBeVisible();
  await page.getByLabel(/The facts .* computed with/).scrollIntoViewIfNeeded();
  await snap(page, 'fixes-refund-facts-en');
  await arabic(page);
});

test('an override is marked on the checks tab; the first signer does not find the request in their second-signature queue', async ({ page }) => {
  await signIn(page, 'approver1');
  await page.getByRole('link', { name: /طلبات جديدة/ }).click();
  await filters(page);
  await page.locator('.mantine-Select-root', { hasText: 'الخدمة' }).locator('input').first().click();
  await page.getByRole('option', { name: 'التصنيف المهني من خارج المملكة' }).click();
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows.nth(1)).toContainText('التصنيف المهني من خارج المملكة');
  // A request with a failed check, so that approving it takes an override.
  let reference = '';
  const count = Math.min(await rows.count(), 20);
  for (let i = 1; i < count && !reference; i++) {
    await rows.nth(i).getByRole('link').click();
    await expect(page.getByRole('button', { name: 'استلام الطلب', exact: true })).toBeVisible();
    if ((await page.locator('[data-outcome="fail"]').count()) > 0)
      reference = (await page.getByRole('heading', { level: 2, name: /^REQ-\d{4}-\d{6}$/ }).textContent())!.trim();
    else {
      await page.goBack();
      await expect(rows.nth(1)).toBeVisible();
    }
  }
  expect(reference, 'a four-eyes request with a failed check').not.toBe('');
  await page.getByRole('button', { name: 'استلام الطلب', exact: true }).click();
  await expect(page.getByText('قيد المراجعة').first()).toBeVisible();
  await page.getByRole('button', { name: 'اعتماد', exact: true }).click();
  const justification = 'تحققت من المستندات الأصلية في الفرع.';
  await page.getByRole('dialog').getByLabel('تجاوز الشرط مع التسبيب').fill(justification);
  await page.getByRole('dialog').getByRole('button', { name: 'تأكيد' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  // Open it again by its address's reference (a setting may have moved on to the next request).
  await page.getByRole('link', { name: /بانتظار الاعتماد الثاني/ }).click();
  await expect(page.getByRole('heading', { name: /بانتظار الاعتماد الثاني/ })).toBeVisible();
  await page.getByRole('textbox', { name: /بحث/ }).fill(reference);
  await expect(page.getByText('لا توجد طلبات في هذه القائمة.')).toBeVisible();
  await snap(page, 'fixes-second-signature-queue-ar');

  await page.getByRole('button', { name: 'تسجيل الخروج' }).click();
  await signIn(page, 'admin');
  await page.getByRole('link', { name: /بانتظار الاعتماد الثاني/ }).click();
  await page.getByRole('textbox', { name: /بحث/ }).fill(reference);
  await page.getByRole('table').getByRole('link', { name: reference }).click();
  await page.getByRole('tab', { name: /الشروط/ }).click();
  const overridden = page.locator('[data-overridden="true"]').first();
  await expect(overridden).toContainText('تم تجاوزه');
  await expect(overridden).toContainText('تجاوزه خالد الدوسري في');
  await expect(overridden).toContainText(justification);
  await snap(page, 'fixes-override-marked-ar');
  await audit(page, '[data-overridden="true"]');
  await english(page);
  await expect(overridden).toContainText('Overridden by');
  await snap(page, 'fixes-override-marked-en');
  await arabic(page);
});
