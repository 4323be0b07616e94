import { expect, test } from '@playwright/test';
import { signIn, snap } from './helpers';

/**
 * Referral (issue #17): a reviewer asks an approver a question on the case she holds; the approver sees it
 * counted in the navigation ("Questions for me"), opens it and answers; the reviewer's Mine queue marks the
 * request "answered" and the case shows the answer. Two people, two browsers, one desk.
 */
test('a reviewer refers a case to an approver with a question; the answer comes back to her Mine queue', async ({ browser }) => {
  const reviewerContext = await browser.newContext();
  const approverContext = await browser.newContext();
  const reviewer = await reviewerContext.newPage();
  const approver = await approverContext.newPage();

  // The approver, before anything is asked: nothing waits for him.
  await signIn(approver, 'approver1');
  const questionsLink = approver.getByRole('link', { name: /أسئلة موجهة إليّ/ });
  await expect(questionsLink.getByTestId('questions-count')).toHaveText('0');

  // The reviewer claims the next request (key n) and refers it by keyboard (key q).
  await signIn(reviewer, 'reviewer1');
  await expect(reviewer.getByRole('heading', { name: /طلبات جديدة/ })).toBeVisible();
  await reviewer.keyboard.press('n');
  await expect(reviewer).toHaveURL(/#\/case\/\d+$/);
  await expect(reviewer.getByText('قيد المراجعة').first()).toBeVisible();
  const reference = (await reviewer.getByRole('heading', { level: 2 }).first().textContent())!.trim();
  expect(reference).toMatch(/^REQ-\d{4}-\d{6}$/);
  await expect(reviewer.getByRole('button', { name: 'إحالة بسؤال' })).toBeVisible();
  await reviewer.keyboard.press('q');
  const ask = reviewer.getByRole('dialog');
  await expect(ask).toContainText(`إحالة الطلب ${reference} بسؤال إلى زميل`);
  await ask.getByRole('combobox', { name: 'الموجه إليه السؤال' }).click();
  await reviewer.getByRole('option', { name: 'خالد الدوسري (معتمد)' }).click();
  await ask.getByRole('textbox', { name: 'السؤال', exact: true }).fill('هل يكفي خطاب جهة العمل الخاصة لهذا التخصص، أم نطلب خطاباً مصدقاً؟');
  await snap(reviewer, 'referral-ask-ar');
  await ask.getByRole('button', { name: 'إرسال السؤال' }).click();
  await expect(ask).toBeHidden();
  await expect(reviewer.getByText('سؤال بانتظار الرد')).toBeVisible();
  await expect(reviewer.getByText('بانتظار رد خالد الدوسري')).toBeVisible();
  // One question at a time: the Refer button is gone while this one waits; the asker may withdraw it.
  await expect(reviewer.getByRole('button', { name: 'إحالة بسؤال' })).toBeHidden();
  await expect(reviewer.getByRole('button', { name: 'سحب السؤال' })).toBeVisible();
  await snap(reviewer, 'referral-open-ar');

  // The approver's navigation counts it (live: no reload), in English this time.
  await expect(questionsLink.getByTestId('questions-count')).toHaveText('1', { timeout: 15_000 });
  await approver.getByRole('button', { name: 'English' }).click();
  await approver.getByRole('link', { name: /Questions for me/ }).click();
  await expect(approver.getByRole('heading', { name: 'Questions for me' })).toBeVisible();
  const row = approver.getByRole('row', { name: new RegExp(reference) });
  await expect(row).toContainText('هل يكفي خطاب جهة العمل');
  await expect(row).toContainText('سارة القحطاني');
  await snap(approver, 'referral-questions-en');
  // Keyboard: the first row is selected; Enter opens the case.
  await approver.keyboard.press('Enter');
  await expect(approver.getByRole('heading', { name: reference })).toBeVisible();
  await expect(approver.getByText('Question waiting for an answer')).toBeVisible();
  await approver.getByLabel('Your answer').fill('A private employer’s letter is enough if it is stamped and names the position.');
  await snap(approver, 'referral-answer-en');
  await approver.getByRole('button', { name: 'Send the answer' }).click();
  await expect(approver.getByText('Question answered')).toBeVisible();
  await expect(approver.getByLabel('Your answer')).toBeHidden();
  await expect(approver.getByRole('link', { name: /Questions for me/ }).getByTestId('questions-count')).toHaveText('0');

  // Back to the reviewer: her Mine queue marks the request answered, and the case shows the answer.
  await reviewer.getByRole('link', { name: /طلباتي/ }).click();
  const mine = reviewer.getByRole('row', { name: new RegExp(reference) });
  await expect(mine.locator('[data-referral-mark="answered"]')).toHaveText('تم الرد', { timeout: 15_000 });
  await snap(reviewer, 'referral-mine-answered-ar');
  await mine.getByRole('link', { name: reference }).click();
  await expect(reviewer.getByText('تم الرد على السؤال')).toBeVisible();
  await expect(reviewer.getByTestId('referral-answer')).toContainText('stamped and names the position');
  await expect(reviewer.getByText('رد خالد الدوسري')).toBeVisible();
  // The history lists the referral's steps.
  await reviewer.getByRole('tab', { name: 'سجل الطلب' }).click();
  await expect(reviewer.getByRole('tabpanel')).toContainText('إحالة الطلب بسؤال إلى زميل');
  await expect(reviewer.getByRole('tabpanel')).toContainText('الرد على سؤال الإحالة');
  await snap(reviewer, 'referral-answered-ar');

  // In English too, for the reviewer.
  await reviewer.getByRole('button', { name: 'English' }).click();
  await expect(reviewer.getByText('Question answered', { exact: true })).toBeVisible();
  // The frame slides to the other side when the language changes: let it settle before the picture.
  await expect(reviewer.getByText('Question answered', { exact: true })).toBeInViewport({ ratio: 1 });
  await reviewer.waitForTimeout(400);
  await snap(reviewer, 'referral-answered-en');
  await reviewerContext.close();
  await approverContext.close();
});
