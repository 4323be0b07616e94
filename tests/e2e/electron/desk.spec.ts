/**
 * The desktop app itself, through Playwright's _electron. Runs only where Electron's
 * binary is installed (`npm run test:electron`); the development machines here have none,
 * so `npm test` drives the same renderer and handlers through the host instead.
 */
import { _electron as electron, expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const desk = (args: string[] = [], dataDir = mkdtempSync(join(tmpdir(), 'desk-electron-'))) =>
  electron.launch({ args: ['.', ...args], env: { ...process.env, MUMARIS_DATA_DIR: dataDir } });

test('the window opens on the first-run screen of an empty database, in Arabic', async () => {
  const app = await electron.launch({ args: ['.'], env: { ...process.env, MUMARIS_DATA_DIR: mkdtempSync(join(tmpdir(), 'desk-electron-')) } });
  const page = await app.firstWindow();
  await expect(page.getByRole('heading', { name: 'الإعداد الأول: إنشاء حساب المشرف' })).toBeVisible();
  // No Node in the page: contextIsolation and sandbox hold.
  expect(await page.evaluate('typeof require')).toBe('undefined');
  await app.close();
});

test('a deep link on the command line opens that request’s address (kept through sign-in)', async () => {
  const app = await desk(['mumaris-desk://case/REQ-2026-000123']);
  const page = await app.firstWindow();
  await expect(page).toHaveURL(/#\/case\/REQ-2026-000123$/);
  await app.close();
});

test('a second start on the same folder hands its link to the first window and quits', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'desk-electron-'));
  const app = await desk([], dataDir);
  const page = await app.firstWindow();
  await expect(page.getByRole('heading', { name: 'الإعداد الأول: إنشاء حساب المشرف' })).toBeVisible();
  // The Electron binary, as `npx electron` finds it.
  const binary = createRequire(__filename)('electron') as unknown as string;
  const second = spawnSync(binary, ['.', 'mumaris-desk://case/REQ-2026-000042'], {
    env: { ...process.env, MUMARIS_DATA_DIR: dataDir },
    timeout: 30_000,
  });
  expect(second.status).toBe(0);
  await expect(page).toHaveURL(/#\/case\/REQ-2026-000042$/);
  await app.close();
});

test('the menu is in Arabic and follows the page to English; reload only in development', async () => {
  const app = await desk();
  const page = await app.firstWindow();
  const labels = () => app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.items.map((i) => i.label) ?? []);
  await expect.poll(labels).toEqual(expect.arrayContaining(['ملف', 'تحرير', 'عرض', 'انتقال', 'مساعدة']));
  await page.getByRole('button', { name: /English/ }).click();
  await expect.poll(labels).toEqual(expect.arrayContaining(['File', 'Edit', 'View', 'Go', 'Help']));
  const packaged = await app.evaluate(({ app }) => app.isPackaged);
  const reload = await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.getMenuItemById('reload') !== null);
  expect(reload).toBe(!packaged);
  await app.close();
});
