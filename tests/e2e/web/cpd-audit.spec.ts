import { expect, test, type Page } from '@playwright/test';
import { TOKEN, signIn, snap } from './helpers';

const sessionToken = async (page: Page): Promise<string> =>
  (JSON.parse(String(await page.evaluate("sessionStorage.getItem('desk-session') ?? '{}'"))) as { token?: string }).token ?? '';

/** A contract call with the page's own session, for set-up the test does not look at. */
async function call(page: Page, name: string, args: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string } }> {
  const res = await page.request.post(`${new URL(page.url()).origin}/api/${name}`, {
    headers: { 'content-type': 'application/json', 'x-desk-token': TOKEN, 'x-desk-session': await sessionToken(page) },
    data: args,
  });
  return (await res.json()) as { ok: boolean; value?: unknown; error?: { code: string } };
}

test('CPD audit: a reviewer opens a flagged renewal from the queue, claims it, refuses and accepts its activities; the applicant is told', async ({
  page,
}) => {
  await signIn(page, 'reviewer1');
  await page.getByRole('link', { name: 'تدقيق التطوير المهني' }).click();
  await expect(page.getByRole('heading', { name: 'تدقيق التطوير المهني' })).toBeVisible();
  const table = page.getByRole('table', { name: 'تدقيق التطوير المهني' });
  await expect(table).toBeVisible();
  // Each renewal says why it is here: the sample or a named risk.
  await expect(table.getByText('جهة تدريب غير معتمدة').first()).toBeVisible();
  await snap(page, 'cpd-audit-queue-ar');
  // A renewal nobody holds yet (submitted), so this reviewer can claim it.
  const row = table.getByRole('row').filter({ hasText: 'قدمت للهيئة' }).first();
  const reference = (await row.getByRole('link').first().innerText()).trim();
  await row.getByRole('link').first().click();
  await expect(page.getByRole('heading', { name: reference })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'تدقيق الساعات' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText('ليس قيد المراجعة')).toBeVisible();
  await page.getByRole('button', { name: 'استلام الطلب' }).click();
  await expect(page.getByRole('button', { name: /^رفض: / }).first()).toBeVisible();

  // The first activity refused with a reason from the dictionary; the recognised hours drop.
  const before = await page.getByLabel('الساعات المعتمدة').innerText();
  await page
    .getByRole('button', { name: /^رفض: / })
    .first()
    .click();
  await page
    .getByLabel(/رفض — السبب/)
    .first()
    .click();
  await page.getByRole('option', { name: 'لا توجد شهادة حضور للنشاط' }).click();
  await page.getByLabel('ملاحظة (اختيارية)').fill('لم ترفق الشهادة مع الطلب');
  await page.getByRole('button', { name: 'تسجيل القرار' }).click();
  await expect(page.getByText('مرفوض').first()).toBeVisible();
  await expect(page.getByLabel('الساعات المعتمدة')).not.toHaveText(before);
  await snap(page, 'cpd-audit-case-ar');

  // The rest accepted: the last decision completes the audit and tells the applicant.
  while ((await page.getByRole('button', { name: /^قبول: / }).count()) > 0) {
    await page
      .getByRole('button', { name: /^قبول: / })
      .first()
      .click();
    await page
      .getByLabel(/قبول — السبب/)
      .first()
      .click();
    await page.getByRole('option', { name: 'تحقق من الشهادة لدى الجهة المقدمة' }).click();
    await page.getByRole('button', { name: 'تسجيل القرار' }).click();
    await expect(page.getByRole('button', { name: 'تسجيل القرار' })).toHaveCount(0);
  }
  await expect(page.getByText(/اكتمل التدقيق/)).toBeVisible();
  const mails = await call(page, 'outbox.list', { search: reference });
  expect(JSON.stringify(mails.value)).toContain('نتيجة تدقيق ساعات التطوير المهني');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByText(/Audit complete/)).toBeVisible();
  await snap(page, 'cpd-audit-case-en');
});

test('policy what-if: one admin proposes, the what-if lists the waiting requests it changes, a second admin activates', async ({ page }) => {
  await signIn(page, 'admin');
  await expect(page.getByRole('button', { name: 'تسجيل الخروج' })).toBeVisible();
  // A second administrator (on a desk with one admin, a role given takes effect at once and is flagged).
  const made = await call(page, 'users.create', {
    username: 'admin2',
    displayName: 'Second Admin',
    password: 'second-admin-pass-2026',
    roles: ['admin'],
  });
  expect(made.ok).toBe(true);
  await page.goto(page.url().replace(/#.*$/, '#/policy'));
  await expect(page.getByRole('heading', { name: 'السياسات والرسوم' })).toBeVisible();
  // One more CPD hour for consultants: renewals that just met the hours now fail.
  const consultant = page.getByRole('textbox', { name: 'استشاري' });
  const hours = Number(await consultant.inputValue());
  await consultant.fill(String(hours + 5));
  await page.getByLabel('ملاحظة الإصدار').fill('قرار المجلس: خمس ساعات إضافية للاستشاريين');
  await page.getByRole('button', { name: 'اقتراح إصدار جديد' }).click();
  const proposal = page.getByRole('region', { name: 'نسخة مقترحة بانتظار التفعيل' });
  await expect(proposal).toBeVisible();
  await expect(proposal.getByText('أنت من اقترح هذه النسخة: يفعّلها مشرف آخر.')).toBeVisible();
  await expect(proposal.getByRole('button', { name: /تفعيل النسخة/ })).toBeDisabled();
  const whatIf = proposal.getByRole('table', { name: 'أثر النسخة على الطلبات المنتظرة' });
  await expect(whatIf.getByText('ساعات التطوير المهني المستمر').first()).toBeVisible();
  await snap(page, 'policy-what-if-ar');
  // The proposer cannot activate even by calling the desk directly.
  const version = Number((await proposal.getByRole('heading').first().innerText()).match(/\d+/)![0]);
  expect(await call(page, 'policy.activate', { version })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

  await page.getByRole('button', { name: 'تسجيل الخروج' }).click();
  await signIn(page, 'admin2', 'second-admin-pass-2026');
  await page.goto(page.url().replace(/#.*$/, '#/policy'));
  await page.getByRole('button', { name: 'English' }).click();
  const waiting = page.getByRole('region', { name: 'Proposed version waiting for activation' });
  await expect(waiting.getByText(/Proposed by مشرف النظام/)).toBeVisible();
  await snap(page, 'policy-what-if-en');
  await waiting.getByRole('button', { name: `Activate version ${version}` }).click();
  await expect(waiting).toHaveCount(0);
  await expect(page.getByText('Activated by Second Admin').first()).toBeVisible();
  const audit = await call(page, 'policy.current', {});
  expect(audit.value).toMatchObject({ version, state: 'in_force', activatedBy: 'Second Admin', createdBy: 'مشرف النظام' });
});
