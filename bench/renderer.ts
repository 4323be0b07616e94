/**
 * The renderer entry: Chromium opens the All queue at the bench's size through the host and
 * scrolls it to the end in steps; each step is timed until the rows at the new place are drawn
 * (they are fetched in chunks as they come into view). Also the host's cold start: from
 * starting the process to the first queue page served.
 */
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { COMPILED_HOST } from '../scripts/build-node.mjs';
import { summarise, type Timing } from './stats';
import { hostAddress } from './host-process';

const TOKEN = 'bench-token-not-a-secret-0123456789';
/** A scroll step of the All queue, from the scroll to every row in view drawn with its request (issue #18). */
export const SCROLL_STEP_BUDGET_MS = 50;

export interface RendererEntries {
  'host.coldStart': { listeningMs: number; firstQueuePageMs: number };
  'renderer.allQueue': { rows: number; openMs: number; scrollSteps: number; perStep: Timing };
}

export async function benchRenderer(databaseFile: string, log: (line: string) => void): Promise<RendererEntries> {
  log('cold start of the host and the All queue in Chromium…');
  const t0 = performance.now();
  const host = spawn(process.execPath, [COMPILED_HOST, '--db', databaseFile, '--port', '0', '--token', TOKEN], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const url = await hostAddress(host);
    const listening = performance.now() - t0;
    // The first queue page served: sign in and ask for it, as the app does.
    const call = async (name: string, args: unknown, session?: string) => {
      const r = await fetch(`${url}/api/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-desk-token': TOKEN, ...(session ? { 'x-desk-session': session } : {}) },
        body: JSON.stringify(args),
      });
      return (await r.json()) as { ok: boolean; value: { token: string } };
    };
    const session = (await call('auth.signIn', { username: 'reviewer1', password: 'mumaris-demo' })).value.token;
    await call('queues.page', { queue: 'all', offset: 0, limit: 50 }, session);
    const firstPage = performance.now() - t0;

    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await page.goto(`${url}/#token=${TOKEN}`);
      await page.getByLabel(/اسم المستخدم|User name/).fill('reviewer1');
      await page.getByLabel(/كلمة المرور|Password/).fill('mumaris-demo');
      await page.getByRole('button', { name: /تسجيل الدخول|Sign in/ }).click();
      const o0 = performance.now();
      await page.getByRole('link', { name: /جميع الطلبات|^All/ }).click();
      const table = page.getByRole('table', { name: /جميع الطلبات|All/ });
      await table.locator('tr[aria-rowindex="2"]').waitFor();
      const openQueue = performance.now() - o0;
      const total = Number(await table.getAttribute('aria-rowcount')) - 1;
      const scroller = page.getByTestId('queue-scroll');
      const steps = 40;
      const samples: number[] = [];
      for (let k = 1; k <= steps; k++) {
        const s0 = performance.now();
        await scroller.evaluate((el, f) => el.scrollTo({ top: (el.scrollHeight - el.clientHeight) * f }), k / steps);
        // Drawn: every row in view shows its request (rows still being fetched show none).
        await page.waitForFunction(() => {
          // In the page (this file is typed for Node, which has no DOM types).
          type Row = { getAttribute(name: string): string | null; textContent: string | null };
          const doc = (globalThis as unknown as { document: { querySelectorAll(selector: string): ArrayLike<Row> } }).document;
          const rows = Array.from(doc.querySelectorAll('[data-testid="queue-scroll"] tr[aria-rowindex]')).filter(
            (tr) => tr.getAttribute('aria-rowindex') !== '1',
          );
          return rows.length > 0 && rows.every((tr) => (tr.textContent ?? '').includes('REQ-'));
        });
        samples.push(performance.now() - s0);
      }
      await table.locator(`tr[aria-rowindex="${total + 1}"]`).waitFor();
      return {
        'host.coldStart': { listeningMs: Math.round(listening), firstQueuePageMs: Math.round(firstPage) },
        'renderer.allQueue': { rows: total, openMs: Math.round(openQueue), scrollSteps: steps, perStep: summarise(samples) },
      };
    } finally {
      await browser.close();
    }
  } finally {
    host.kill('SIGTERM');
  }
}
