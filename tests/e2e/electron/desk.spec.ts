/**
 * The desktop app itself, through Playwright's _electron. Runs only where Electron's
 * binary is installed (`npm run test:electron`); the development machines here have none,
 * so `npm test` drives the same renderer and handlers through the host instead.
 */
import { _electron as electron, expect, test } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

test('the window opens on the first-run screen of an empty database, in Arabic', async () => {
  const app = await electron.launch({ args: ['.'], env: { ...process.env, MUMARIS_DATA_DIR: mkdtempSync(join(tmpdir(), 'desk-electron-')) } });
  const page = await app.firstWindow();
  await expect(page.getByRole('heading', { name: 'الإعداد الأول: إنشاء حساب المشرف' })).toBeVisible();
  // No Node in the page: contextIsolation and sandbox hold.
  expect(await page.evaluate('typeof require')).toBe('undefined');
  await app.close();
});
