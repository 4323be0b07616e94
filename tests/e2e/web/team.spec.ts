/**
 * Two desks — two host processes — on one PostgreSQL database, two reviewers in two browsers on the
 * same queue. Runs when MUMARIS_TEST_PG names the server (playwright.config.ts leaves it out otherwise).
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshTestSchema } from '../../../electron/core/testing/test-postgres';
import { snap, TOKEN } from './helpers';

const PORTS = [5393, 5394] as const;
let schema: ReturnType<typeof freshTestSchema>;
const hosts: ChildProcess[] = [];

function startHost(port: number, extra: string[]): Promise<void> {
  const child = spawn(
    process.execPath,
    ['out/host/serve.js', '--port', String(port), '--db', schema.address, '--token', TOKEN, ...extra],
    // Each desk its own folder: its own card-signing key, its own settings.
    { env: { ...process.env, MUMARIS_DATA_DIR: mkdtempSync(join(tmpdir(), 'desk-team-')) }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  hosts.push(child);
  return new Promise((resolve, reject) => {
    let err = '';
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('ready in') && resolve());
    child.on('exit', (code) => reject(new Error(`desk on port ${port} exited (${code}): ${err.slice(-500)}`)));
  });
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  schema = freshTestSchema();
  // The first desk creates and fills the database; the second joins it.
  await startHost(PORTS[0], ['--demo', '--demo-cases', '80']);
  await startHost(PORTS[1], []);
});

test.afterAll(async () => {
  for (const h of hosts) h.kill();
  await schema.drop();
});

async function reviewerAt(browser: Browser, port: number, username: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`http://127.0.0.1:${port}/#token=${TOKEN}`);
  await page.getByLabel(/اسم المستخدم|User name/).fill(username);
  await page.getByLabel(/كلمة المرور|Password/).fill('mumaris-demo');
  await page.getByRole('button', { name: /تسجيل الدخول|Sign in/ }).click();
  await expect(page.getByRole('table', { name: 'طلبات جديدة' })).toBeVisible();
  return page;
}

test('two desks on one PostgreSQL: a claim at one desk leaves the other desk’s queue within seconds, and claim next never hands out the same request', async ({
  browser,
}) => {
  const a = await reviewerAt(browser, PORTS[0], 'reviewer1');
  const b = await reviewerAt(browser, PORTS[1], 'reviewer2');
  const firstRowB = b.getByRole('table', { name: 'طلبات جديدة' }).getByRole('row').nth(1);
  const oldest = (await firstRowB.getByText(/^REQ-\d{4}-\d{6}$/).textContent())!.trim();

  // Desk A opens the oldest new request and claims it (c).
  await a.getByRole('table', { name: 'طلبات جديدة' }).getByText(oldest, { exact: true }).click();
  await expect(a.getByRole('heading', { level: 2 }).first()).toHaveText(oldest);
  await a.keyboard.press('c');
  await expect(a.getByText('قيد المراجعة').first()).toBeVisible();
  const claimedAtA = (await a.getByRole('heading', { level: 2, name: /^REQ-\d{4}-\d{6}$/ }).textContent())!.trim();
  expect(claimedAtA).toBe(oldest);

  // Desk B, untouched, drops it from its New queue by itself (the change cursor, polled every 2 s).
  await expect(b.getByRole('table', { name: 'طلبات جديدة' }).getByText(oldest, { exact: true })).toHaveCount(0, { timeout: 6_000 });
  await snap(b, 'team-desk-b-after-claim-ar');

  // Desk B's claim next takes the next one, not A's.
  await b.keyboard.press('n');
  await expect(b.getByText('قيد المراجعة').first()).toBeVisible();
  const claimedAtB = (await b.getByRole('heading', { level: 2, name: /^REQ-\d{4}-\d{6}$/ }).textContent())!.trim();
  expect(claimedAtB).toMatch(/^REQ-\d{4}-\d{6}$/);
  expect(claimedAtB).not.toBe(claimedAtA);

  // An administrator at desk B sees which database the desk works on.
  const admin = await reviewerAt(browser, PORTS[1], 'admin');
  await admin.getByRole('link', { name: 'الإعدادات' }).click();
  await expect(admin.getByText('خادم PostgreSQL (فريق)')).toBeVisible();
  await expect(admin.getByText(/postgres:\/\/.*\(schema t_/)).toBeVisible();
  await snap(admin, 'settings-postgres-ar');
});
