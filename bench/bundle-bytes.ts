/**
 * The JavaScript a browser loads, measured in Chromium through the compiled host: before the sign-in
 * form can be used, and then up to the first queue page after signing in. Bytes are what crossed the
 * wire (Chromium's encoded body size of each script). pdf.js, the charts and the other pages are
 * loaded later, when first used, and are not part of either figure.
 */
import { chromium, type Request } from '@playwright/test';
import { DEMO_PASSWORD } from '../electron/core/demo/seed';
import { BENCH_TOKEN, startHostProcess } from './host-process';

export const BEFORE_SIGN_IN_BUDGET_BYTES = 700_000;

export async function benchBundleBytes(databaseFile: string, log: (line: string) => void) {
  log('JavaScript loaded before and after sign-in, in Chromium…');
  const host = await startHostProcess(databaseFile);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const scripts: Record<'beforeSignIn' | 'afterSignIn', Request[]> = { beforeSignIn: [], afterSignIn: [] };
    let phase: keyof typeof scripts = 'beforeSignIn';
    page.on('requestfinished', (r) => {
      if (r.resourceType() === 'script' || /\.m?js(\?|$)/.test(r.url())) scripts[phase].push(r);
    });
    await page.goto(`${host.url}/#token=${BENCH_TOKEN}`);
    const userName = page.getByLabel(/اسم المستخدم|User name/);
    await userName.waitFor();
    await page.waitForLoadState('networkidle');
    phase = 'afterSignIn';
    await userName.fill('reviewer1');
    await page.getByLabel(/كلمة المرور|Password/).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /تسجيل الدخول|Sign in/ }).click();
    await page.locator('table tr[aria-rowindex="2"]').first().waitFor();
    await page.waitForLoadState('networkidle');
    const total = async (list: Request[]) => {
      let bytes = 0;
      for (const r of list) bytes += (await r.sizes()).responseBodySize;
      return { bytes, files: list.length };
    };
    return { beforeSignIn: await total(scripts.beforeSignIn), afterSignIn: await total(scripts.afterSignIn) };
  } finally {
    await browser.close();
    host.stop();
  }
}
