import { expect, test, type Page } from '@playwright/test';
import { TOKEN, signIn, snap } from './helpers';
import type { ApplicantHistory, QueuePage } from '../../../shared/domain';

const sessionToken = async (page: Page): Promise<string> =>
  (JSON.parse(String(await page.evaluate("sessionStorage.getItem('desk-session') ?? '{}'"))) as { token?: string }).token ?? '';

/** A contract call with the page's own session, for finding the demo's requests (set-up the test does not look at). */
async function call<T>(page: Page, name: string, args: unknown): Promise<T> {
  const res = await page.request.post(`${new URL(page.url()).origin}/api/${name}`, {
    headers: { 'content-type': 'application/json', 'x-desk-token': TOKEN, 'x-desk-session': await sessionToken(page) },
    data: args,
  });
  const r = (await res.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!r.ok) throw new Error(r.error?.message);
  return r.value as T;
}

/** Signed in once the session is kept (the set-up calls carry it). */
async function signedIn(page: Page, username: string) {
  await signIn(page, username);
  await expect.poll(() => sessionToken(page)).not.toBe('');
}

/** Opens a request as its link would (the page stays signed in). */
async function openCase(page: Page, id: number) {
  await page.evaluate(`location.hash = '#/case/${id}'`);
}

/** The demo's requests of an applicant who filed more than once under one ID (newest first). */
async function twoUnderOneId(page: Page) {
  const rows: QueuePage['rows'] = [];
  for (let offset = 0; offset < 2_000; offset += 500) {
    const p = await call<QueuePage>(page, 'queues.page', { queue: 'all', sort: 'submitted_desc', offset, limit: 500 });
    rows.push(...p.rows);
    if (p.rows.length < 500) break;
  }
  const byId = new Map<string, typeof rows>();
  for (const r of rows) byId.set(r.idNumber, [...(byId.get(r.idNumber) ?? []), r]);
  const sameId = [...byId.values()].find((list) => list.length >= 2)!;
  expect(sameId, 'the demo has an applicant with two requests under one ID').toBeDefined();
  return sameId;
}

/** A request with the same ID filed twice, and one with a look-alike name under another ID (the demo plants both). */
async function demoApplicants(page: Page) {
  const sameId = await twoUnderOneId(page);
  const rows = (await call<QueuePage>(page, 'queues.page', { queue: 'all', sort: 'submitted_desc', offset: 0, limit: 500 })).rows;
  // The planted look-alike (the same person under another ID and spelling) is among the newest requests.
  let lookAlike: { id: number; reference: string; other: string } | undefined;
  for (const r of rows.slice(0, 300)) {
    const h = await call<ApplicantHistory>(page, 'cases.applicantHistory', { requestId: r.id });
    const other = h.entries.find((e) => e.match === 'name');
    if (other) {
      lookAlike = { id: r.id, reference: r.reference, other: other.reference };
      break;
    }
  }
  expect(lookAlike, 'the demo plants a look-alike name').toBeDefined();
  return { sameId, lookAlike: lookAlike! };
}

test('the applicant’s other requests beside the case: same ID first, look-alike names marked, one key away, each opens', async ({ page }) => {
  await signedIn(page, 'reviewer1');
  const { sameId, lookAlike } = await demoApplicants(page);
  const [subject, other] = [sameId[0]!, sameId[1]!];

  await openCase(page, subject.id);
  await expect(page.getByRole('heading', { name: subject.reference })).toBeVisible();
  // Key 7 opens the tab.
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('7');
  await expect(page.getByRole('tab', { name: 'طلبات المتقدم' })).toHaveAttribute('aria-selected', 'true');
  const same = page.getByRole('table', { name: 'طلبات برقم الهوية نفسه' });
  await expect(same.getByRole('link', { name: other.reference })).toBeVisible();
  await expect(same).not.toContainText(subject.reference);
  await expect(page.getByRole('heading', { name: /طلبات برقم الهوية نفسه/ })).toContainText(subject.idNumber);
  await snap(page, 'applicant-history-ar');

  // Keyboard: Tab reaches the link, Enter opens that request.
  const link = same.getByRole('link', { name: other.reference });
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: other.reference })).toBeVisible();

  // A look-alike name is listed after the same-ID ones and marked as such.
  await openCase(page, lookAlike.id);
  await expect(page.getByRole('heading', { name: lookAlike.reference })).toBeVisible();
  await page.getByRole('tab', { name: 'طلبات المتقدم' }).click();
  const alike = page.getByRole('table', { name: /أسماء مشابهة برقم هوية آخر/ });
  const row = alike.getByRole('row').filter({ hasText: lookAlike.other });
  await expect(row).toContainText('اسم مشابه', { timeout: 15_000 });
  await page.getByRole('button', { name: 'English' }).click();
  await expect(
    page
      .getByRole('table', { name: /Names that look alike under another ID/ })
      .getByRole('row')
      .filter({ hasText: lookAlike.other }),
  ).toContainText('Look-alike name');
  await snap(page, 'applicant-history-en');
  await page
    .getByRole('table', { name: /Names that look alike/ })
    .getByRole('link', { name: lookAlike.other })
    .click();
  await expect(page.getByRole('heading', { name: lookAlike.other })).toBeVisible();
  await page.getByRole('button', { name: 'العربية' }).click();
});

test('a card clerk sees the same-ID requests, and is told look-alike names are not for their role', async ({ page }) => {
  await signedIn(page, 'clerk1');
  const sameId = await twoUnderOneId(page);
  await openCase(page, sameId[0]!.id);
  await page.getByRole('tab', { name: 'طلبات المتقدم' }).click();
  await expect(page.getByRole('table', { name: 'طلبات برقم الهوية نفسه' }).getByRole('link', { name: sameId[1]!.reference })).toBeVisible();
  await expect(page.getByText('البحث بالأسماء المشابهة من فحوص السلامة، ولا يعرض لدورك.')).toBeVisible();
});

test('the palette opens a typed reference with Enter, and an ID number’s requests to choose from', async ({ page }) => {
  await signedIn(page, 'reviewer1');
  const sameId = await twoUnderOneId(page);
  const [one, two] = [sameId[0]!, sameId[1]!];
  await expect(page.getByRole('heading', { name: /طلبات جديدة/ })).toBeVisible();
  const palette = page.getByRole('dialog').getByRole('textbox', { name: /اكتب اسم قائمة أو إجراء/ });
  await page.keyboard.press('Control+k');
  await expect(palette).toBeFocused();
  await page.keyboard.type(two.reference.toLowerCase());
  await expect(page.getByRole('button', { name: `فتح الطلب ${two.reference}` })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: two.reference })).toBeVisible();

  await page.keyboard.press('Control+k');
  await expect(palette).toBeFocused();
  await page.keyboard.type(one.idNumber);
  await expect(page.getByRole('button', { name: `طلبات رقم الهوية ${one.idNumber}` })).toBeVisible();
  await page.keyboard.press('Enter');
  const chooser = page.getByRole('dialog', { name: 'اختر الطلب' });
  await expect(chooser.getByRole('link', { name: one.reference })).toBeVisible();
  await expect(chooser.getByRole('link', { name: two.reference })).toBeVisible();
  await snap(page, 'palette-id-ar');
  // The newest is focused: Enter opens it.
  const newest = sameId.reduce((a, b) => (a.submittedAt >= b.submittedAt ? a : b)).reference;
  await expect(chooser.getByRole('link', { name: newest })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: newest })).toBeVisible();

  await page.keyboard.press('Control+k');
  await expect(palette).toBeFocused();
  await page.keyboard.type('REQ-1999-000001');
  // Enter before the palette has listed the typed reference's action would do nothing: wait for it.
  await expect(page.getByRole('button', { name: 'فتح الطلب REQ-1999-000001' })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByText('لا يوجد طلب بالرقم REQ-1999-000001')).toBeVisible();
});
