/**
 * A reviewer's flow through the queue (#17): each decision is confirmed and the next request opens; `n` works
 * on a case page; Back returns to the same row and scroll; the Back link is only as wide as its words; an
 * error of one case does not follow to another; "Claim next" in New takes a new request; a return and an
 * approval take two keystrokes after reading.
 */
import { expect, test, type Page } from '@playwright/test';
import { signIn, snap } from './helpers';

const caseHeading = (page: Page) => page.getByRole('heading', { level: 2, name: /^REQ-\d{4}-\d{6}$/ });
const referenceOf = async (page: Page) => (await caseHeading(page).textContent())!.trim();
const caseIdOf = (page: Page) => Number(/#\/case\/(\d+)/.exec(page.url())?.[1]);

/** Counts of the navigation's queues, read from their badges' labels ("12 requests"). */
async function queueCount(page: Page, queue: string): Promise<number> {
  const label = await page.locator(`a[href="#/queue/${queue}"] .mantine-Badge-root`).getAttribute('aria-label');
  return Number(/\d+/.exec(label ?? '')?.[0] ?? NaN);
}

async function english(page: Page) {
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
}

/** Claims with `n` from the New queue until a request whose checks fail (or pass, `failing` false) is open. */
async function claimUntil(page: Page, failing: boolean): Promise<string> {
  for (let i = 0; i < 12; i++) {
    const before = caseIdOf(page);
    await page.keyboard.press('n');
    await expect.poll(() => caseIdOf(page)).not.toBe(before);
    await expect(page.getByText(/In review|قيد المراجعة/).first()).toBeVisible();
    const failedBadge = page.getByRole('tab', { name: /Checks|الشروط/ }).locator('.mantine-Badge-root');
    const fails = (await failedBadge.count()) > 0;
    if (fails === failing) return referenceOf(page);
    // Not the kind wanted: it stays with this reviewer (Mine); `n` on the case page claims the next new one.
  }
  throw new Error(`no ${failing ? 'failing' : 'passing'} request found among the first new ones`);
}

test('a return in two keystrokes: confirmed, then the next request of the queue opens (Arabic and English)', async ({ page }) => {
  await signIn(page, 'reviewer2');
  await expect(page.getByRole('table', { name: 'طلبات جديدة' })).toBeVisible();
  const first = await claimUntil(page, true);
  const firstId = caseIdOf(page);
  // After reading: r opens the return with the failed checks' words, focused; Ctrl+Enter sends. Two keystrokes.
  const keys = ['r', 'Control+Enter'];
  await page.keyboard.press(keys[0]!);
  const message = page.getByLabel('الرسالة إلى الممارس');
  await expect(message).toBeFocused();
  await expect(message).not.toHaveValue('');
  await snap(page, 'flow-return-dialog-ar');
  await page.keyboard.press(keys[1]!);
  await expect(page.getByTestId('desk-toast')).toContainText(`أعيد الطلب ${first} إلى الممارس`);
  await expect.poll(() => caseIdOf(page)).not.toBe(firstId);
  await expect(caseHeading(page)).not.toHaveText(first);
  // The next one came from New: claimed now, by this reviewer.
  await expect(page.getByText('قيد المراجعة').first()).toBeVisible();
  await snap(page, 'flow-returned-next-ar');
  expect(keys).toHaveLength(2);

  await english(page);
  const second = await referenceOf(page);
  const secondId = caseIdOf(page);
  await page.keyboard.press('r');
  // Its checks may all pass: then there is nothing to pre-fill, and the reviewer writes the message.
  const words = page.getByLabel('Message to the applicant');
  await expect(words).toBeFocused();
  if ((await words.inputValue()) === '') await words.fill('Please attach a recent employer letter.');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('desk-toast').last()).toContainText(`Returned ${second} to the applicant`);
  await expect.poll(() => caseIdOf(page)).not.toBe(secondId);
  await snap(page, 'flow-returned-next-en');
});

test('an approval in two keystrokes: A, then Enter on the focused confirm', async ({ page }) => {
  await signIn(page, 'reviewer2');
  await english(page);
  await page.goto(page.url().replace(/#\/.*$/, '#/queue/new'));
  await expect(page.getByRole('table', { name: 'New' })).toBeVisible();
  const ref = await claimUntil(page, false);
  const id = caseIdOf(page);
  // Shift+A, as typed: a lone "A" (Caps Lock) is a, the next attachment, like every other letter key.
  await page.keyboard.press('Shift+A');
  await expect(page.getByRole('button', { name: 'Confirm' })).toBeFocused();
  await snap(page, 'flow-approve-dialog-en');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('desk-toast').last()).toContainText(`Approved ${ref}`);
  await expect.poll(() => caseIdOf(page)).not.toBe(id);
});

test('n on a case page opens the next request of the queue the user came from; the sheet lists it', async ({ page }) => {
  await signIn(page, 'approver1');
  await page.getByRole('link', { name: /^جميع الطلبات/ }).click();
  await expect(page.getByRole('table', { name: 'جميع الطلبات' })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(caseHeading(page)).toBeVisible();
  const firstId = caseIdOf(page);
  // In "All requests" the next is the row after it (nothing is claimed).
  const firstRef = await referenceOf(page);
  await page.keyboard.press('n');
  await expect(caseHeading(page)).not.toHaveText(firstRef);
  const secondRef = await referenceOf(page);
  await page.keyboard.press('n');
  await expect(caseHeading(page)).not.toHaveText(secondRef);
  await expect(caseHeading(page)).not.toHaveText(firstRef);
  expect(caseIdOf(page)).not.toBe(firstId);
  // Back: the queue, its third row selected (the one open last).
  const third = await referenceOf(page);
  await page.getByTestId('back-to-queue').click();
  await expect(page.getByRole('row', { selected: true })).toContainText(third);
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog');
  await expect(sheet).toContainText('الطلب التالي من القائمة');
  await expect(sheet).toContainText('Ctrl');
  await snap(page, 'flow-shortcuts-ar');
});

test('Back keeps the selected row and the scroll position; the Back link is as wide as its words', async ({ page }) => {
  await signIn(page, 'approver1');
  await page.getByRole('link', { name: /^جميع الطلبات/ }).click();
  const scroller = page.getByTestId('queue-scroll');
  await expect(page.locator('tr[data-index="0"]')).toBeVisible();
  await scroller.evaluate((el) => (el.scrollTop = 2400));
  // The row in the middle of what is now in view.
  const index = await scroller.evaluate((el) => {
    const middle = el.getBoundingClientRect().top + el.clientHeight / 2;
    const rows = [...el.querySelectorAll('tr[data-index]')].filter((r) => r.querySelector('a'));
    const hit = rows.find((r) => r.getBoundingClientRect().bottom > middle) ?? rows[0]!;
    return Number(hit.getAttribute('data-index'));
  });
  expect(index).toBeGreaterThan(20);
  const row = page.locator(`tr[data-index="${index}"]`);
  const ref = (await row.locator('a').first().textContent())!.trim();
  await row.locator('td').nth(2).click();
  await expect(caseHeading(page)).toHaveText(ref);

  const back = page.getByTestId('back-to-queue');
  const box = (await back.boundingBox())!;
  expect(box.width).toBeLessThan(260);
  // A click on the empty space beside it stays on the case.
  await page.mouse.click(box.x + box.width + 300, box.y + box.height / 2);
  await expect(caseHeading(page)).toHaveText(ref);
  await snap(page, 'flow-case-back-link-ar');

  await back.click();
  const selected = page.getByRole('row', { selected: true });
  await expect(selected).toContainText(ref);
  // Where the user left it: not back at the top, the selected row in view.
  expect(await scroller.evaluate((el) => el.scrollTop)).toBeGreaterThan(1200);
  await expect(selected).toBeInViewport();
  // The browser's Back too.
  await page.getByRole('row', { selected: true }).locator('td').nth(2).click();
  await expect(caseHeading(page)).toHaveText(ref);
  await page.goBack();
  await expect(page.getByRole('row', { selected: true })).toContainText(ref);
});

test('an error of one case does not stay when another is opened by address, Back or Forward', async ({ page }) => {
  await signIn(page, 'reviewer2');
  await english(page);
  await page.goto(page.url().replace(/#\/.*$/, '#/queue/new'));
  await expect(page.getByRole('table', { name: 'New' })).toBeVisible();
  await page.keyboard.press('n');
  await expect(page.getByText('In review').first()).toBeVisible();
  const aId = caseIdOf(page);
  // A return with nothing for the applicant is refused; the refusal stays beside the actions once the form closes.
  await page.keyboard.press('r');
  await page.getByLabel('Message to the applicant').fill('');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('dialog').getByRole('alert')).toContainText('at least one note');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  const stale = page.getByRole('alert').filter({ hasText: 'at least one note' });
  await expect(stale).toBeVisible();
  await snap(page, 'flow-stale-error-en');

  const bId = aId + 1;
  await page.goto(page.url().replace(/#\/case\/\d+/, `#/case/${bId}`));
  await expect.poll(() => caseIdOf(page)).toBe(bId);
  await expect(caseHeading(page)).toBeVisible();
  await expect(stale).toHaveCount(0);
  await page.goBack();
  await expect.poll(() => caseIdOf(page)).toBe(aId);
  await expect(caseHeading(page)).toBeVisible();
  await expect(stale).toHaveCount(0);
  await page.goForward();
  await expect.poll(() => caseIdOf(page)).toBe(bId);
  await expect(caseHeading(page)).toBeVisible();
  await expect(stale).toHaveCount(0);
});

test('"Claim next" in New hands out a new request, never a resubmitted one', async ({ page }) => {
  await signIn(page, 'reviewer2');
  await english(page);
  await page.goto(page.url().replace(/#\/.*$/, '#/queue/new'));
  await expect(page.getByRole('table', { name: 'New' })).toBeVisible();
  await expect.poll(() => queueCount(page, 'resubmitted')).toBeGreaterThan(0);
  const resubmitted = await queueCount(page, 'resubmitted');
  const fresh = await queueCount(page, 'new');
  await page.getByRole('button', { name: /Claim next/ }).click();
  await expect(caseHeading(page)).toBeVisible();
  await expect(page.getByText('In review').first()).toBeVisible();
  await expect(page.getByText(/^Resubmitted: what is shaded/)).toHaveCount(0);
  await expect.poll(() => queueCount(page, 'new')).toBe(fresh - 1);
  expect(await queueCount(page, 'resubmitted')).toBe(resubmitted);
});
