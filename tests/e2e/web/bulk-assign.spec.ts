import { expect, test } from '@playwright/test';
import { signIn, snap } from './helpers';

test('a supervisor selects a range of new requests, assigns them to a reviewer, and reads each outcome; one claimed meanwhile is skipped by name', async ({
  page,
  browser,
}) => {
  await signIn(page, 'approver1');
  await page.getByRole('link', { name: /^طلبات جديدة/ }).click();
  const rows = page.getByRole('table').getByRole('rowgroup').nth(1).getByRole('row');
  await expect(rows.first()).toBeVisible();
  const refs: string[] = [];
  for (let i = 0; i < 4; i++) refs.push((await rows.nth(i).getByRole('link').first().textContent())!.trim());

  // One click, then Shift-click four rows down: the four are selected.
  await rows.nth(0).getByRole('checkbox').click();
  await rows
    .nth(3)
    .getByRole('checkbox')
    .click({ modifiers: ['Shift'] });
  const bar = page.getByTestId('bulk-assign');
  await expect(bar).toContainText('المحدد: 4');
  for (let i = 0; i < 4; i++) await expect(rows.nth(i).getByRole('checkbox')).toBeChecked();

  // Meanwhile another reviewer claims the third one at their own desk.
  const other = await browser.newContext();
  const reviewer = await other.newPage();
  await signIn(reviewer, 'reviewer1');
  await reviewer.getByRole('link', { name: /^طلبات جديدة/ }).click();
  await reviewer.getByRole('link', { name: refs[2]! }).click();
  await reviewer.getByRole('button', { name: 'استلام الطلب' }).click();
  await expect(reviewer.getByRole('button', { name: 'استلام الطلب' })).toHaveCount(0);
  await other.close();

  await bar.getByRole('combobox', { name: 'إسناد إلى' }).click();
  await page.getByRole('option', { name: 'Fahad Alotaibi' }).click();
  await snap(page, 'bulk-assign-selected-ar');
  await bar.getByRole('button', { name: 'إسناد (4)' }).click();
  const result = page.getByRole('dialog', { name: /^نتيجة الإسناد إلى/ });
  await expect(result).toContainText('أُسند 3');
  await expect(result).toContainText('تُخطي 1');
  const skipped = result.getByRole('row').filter({ hasText: refs[2]! });
  await expect(skipped).toContainText('تغير منذ قراءة القائمة');
  await expect(skipped).toContainText('حالته الآن: قيد المراجعة');
  await snap(page, 'bulk-assign-result-ar');
  await result.getByRole('button', { name: 'إغلاق' }).click();

  // The workload shows them with the reviewer, and their list is one click away.
  await page.getByRole('navigation', { name: 'قوائم العمل' }).getByRole('link', { name: 'عبء المراجعين' }).click();
  const fahad = page.getByRole('row').filter({ hasText: 'Fahad Alotaibi' });
  await expect(fahad).toBeVisible();
  await snap(page, 'workload-ar');
  await fahad.getByRole('link', { name: /قائمته/ }).click();
  await expect(page.getByText('مسندة إلى Fahad Alotaibi')).toBeVisible();
  for (const r of [refs[0]!, refs[1]!, refs[3]!]) {
    await page.getByRole('textbox', { name: /^بحث/ }).fill(r);
    await expect(page.getByRole('table').getByRole('rowgroup').nth(1).getByRole('row')).toHaveCount(1);
    await expect(page.getByRole('table').getByRole('rowgroup').nth(1).getByRole('row').first()).toContainText('Fahad Alotaibi');
  }

  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('navigation', { name: 'Queues' }).getByRole('link', { name: 'Reviewer workload' }).click();
  await expect(page.getByRole('columnheader', { name: 'In review' })).toBeVisible();
  await snap(page, 'workload-en');
  await page.getByRole('button', { name: 'العربية' }).click();
});

test('select all shown, reassign requests in review from one reviewer to another; a reviewer has no assignment', async ({ page, browser }) => {
  await signIn(page, 'approver1');
  await page.getByRole('link', { name: /^طلبات جديدة/ }).click();
  await expect(page.getByRole('table').getByRole('rowgroup').nth(1).getByRole('row').first()).toBeVisible();
  const all = page.getByRole('checkbox', { name: /^تحديد كل المعروض/ });
  const shown = Number(((await all.getAttribute('aria-label')) ?? '').replace(/[^\d]/g, ''));
  expect(shown).toBeGreaterThan(4);
  await all.click();
  await expect(page.getByTestId('bulk-assign')).toContainText(`المحدد: ${shown}`);
  await all.click();
  await expect(page.getByTestId('bulk-assign')).toHaveCount(0);

  // By keyboard: x takes the row under the cursor, Shift+X the range down to the cursor.
  await page.keyboard.press('x');
  await expect(page.getByTestId('bulk-assign')).toContainText('المحدد: 1');
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await page.keyboard.press('Shift+X');
  await expect(page.getByTestId('bulk-assign')).toContainText('المحدد: 3');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByTestId('bulk-assign')).toContainText('Selected: 3');
  await snap(page, 'bulk-assign-bar-en');
  await page.getByRole('button', { name: 'العربية' }).click();
  await page.getByTestId('bulk-assign').getByRole('button', { name: 'إلغاء التحديد' }).click();
  await expect(page.getByTestId('bulk-assign')).toHaveCount(0);

  // Reassign: in Fahad's list (in review), the first two go to Sara.
  await page.getByRole('navigation', { name: 'قوائم العمل' }).getByRole('link', { name: 'عبء المراجعين' }).click();
  await page
    .getByRole('row')
    .filter({ hasText: 'Fahad Alotaibi' })
    .getByRole('link', { name: /قائمته/ })
    .click();
  const rows = page.getByRole('table').getByRole('rowgroup').nth(1).getByRole('row').filter({ hasText: 'قيد المراجعة' });
  await expect(rows.first()).toBeVisible();
  const moved = [
    (await rows.nth(0).getByRole('link').first().textContent())!.trim(),
    (await rows.nth(1).getByRole('link').first().textContent())!.trim(),
  ];
  await rows.nth(0).getByRole('checkbox').click();
  await rows.nth(1).getByRole('checkbox').click();
  const bar = page.getByTestId('bulk-assign');
  await bar.getByRole('combobox', { name: 'إسناد إلى' }).click();
  await page.getByRole('option', { name: 'سارة القحطاني' }).click();
  await bar.getByRole('button', { name: 'إسناد (2)' }).click();
  const result = page.getByRole('dialog', { name: /^نتيجة الإسناد إلى/ });
  await expect(result).toContainText('أُسند 2');
  await result.getByRole('button', { name: 'إغلاق' }).click();
  for (const r of moved) await expect(page.getByRole('link', { name: r })).toHaveCount(0);

  const other = await browser.newContext();
  const reviewer = await other.newPage();
  await signIn(reviewer, 'reviewer1');
  await reviewer.getByRole('link', { name: /^طلباتي/ }).click();
  for (const r of moved) await expect(reviewer.getByRole('link', { name: r })).toBeVisible();
  // A reviewer claims in bulk, but assigns nothing and has no workload page.
  await reviewer.getByRole('link', { name: /^طلبات جديدة/ }).click();
  await reviewer.getByRole('table').getByRole('rowgroup').nth(1).getByRole('row').first().getByRole('checkbox').click();
  await expect(reviewer.getByTestId('bulk-assign')).toHaveCount(0);
  await expect(reviewer.getByRole('link', { name: 'عبء المراجعين' })).toHaveCount(0);
  await other.close();
});
