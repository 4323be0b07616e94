import type { Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';

export const TOKEN = 'e2e-token-for-tests-only';
/** The ports playwright.config.ts starts the desks on (DESK_E2E_PORT moves them). */
const demoPort = Number(process.env.DESK_E2E_PORT ?? 5391);
export const demoUrl = `http://127.0.0.1:${demoPort}/#token=${TOKEN}`;
export const emptyUrl = `http://127.0.0.1:${demoPort + 1}/#token=${TOKEN}`;

/** Screenshots of each page, in Arabic and English, kept for people to look at. */
export async function snap(page: Page, name: string): Promise<void> {
  mkdirSync('test-results/screenshots', { recursive: true });
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: false });
}

export async function signIn(page: Page, username: string, password = 'mumaris-demo'): Promise<void> {
  await page.goto(demoUrl);
  await page.getByLabel(/اسم المستخدم|User name/).fill(username);
  await page.getByLabel(/كلمة المرور|Password/).fill(password);
  await page.getByRole('button', { name: /تسجيل الدخول|Sign in/ }).click();
}
