/**
 * Actions a user waits for, in Chromium through the compiled host (issue #18): each timed in the page from the
 * user's click (or file chosen) to the result drawn. Every sample runs in a fresh browser context (no cached
 * chunks, no warm pdf.js worker): the wait of the first time in a session, which is the one people notice.
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { BENCH_TOKEN, callHost, startHostProcess, type HostProcess } from './host-process';
import { summarise, type Timing } from './stats';

/** What each action may take, seen in the browser. */
export const ACTION_BUDGET_MS = 300;
const RUNS = 3;
/** How long the bench waits on a page before acting, as a person would at least. */
const READING_MS = 1_000;
const PASSWORD = 'mumaris-demo';

/** In the page: stamps the next click, key press or file chosen (the user's act), for `resultAfterAct`. */
const STAMP_ACT = `(() => {
  window.__actAt = undefined;
  const stamp = (e) => { if (window.__actAt === undefined) window.__actAt = e.timeStamp; };
  for (const type of ['click', 'change', 'keydown']) document.addEventListener(type, stamp, { capture: true, once: true });
})()`;

/**
 * Milliseconds from the act stamped by STAMP_ACT to the frame in which `drawn` (a page expression, true when the
 * result is visible) first holds. Checked every animation frame, in the page's own clock.
 */
async function resultAfterAct(page: Page, act: () => Promise<void>, drawn: string): Promise<number> {
  // A person looks at the page for a moment before acting: what the page prepares meanwhile (pdf.js, the
  // signed-in frame while the password is typed) is ready, as it would be for them.
  await page.waitForTimeout(READING_MS);
  await page.evaluate(STAMP_ACT);
  await act();
  const handle = await page.waitForFunction(`(${drawn}) && window.__actAt !== undefined ? performance.now() - window.__actAt : false`, undefined, {
    polling: 'raf',
    timeout: 60_000,
  });
  const ms = Number(await handle.jsonValue());
  if (process.env.MUMARIS_BENCH_ACTIONS_TRACE) console.error(await page.evaluate(RESOURCES_SINCE_ACT), `→ ${Math.round(ms)} ms`);
  return ms;
}

/** What the page fetched after the act (start and end from the act, in ms): to tell server, chunk and worker apart. */
const RESOURCES_SINCE_ACT = `performance.getEntriesByType('resource').filter((e) => e.startTime >= window.__actAt)
  .map((e) => Math.round(e.startTime - window.__actAt) + '–' + Math.round(e.responseEnd - window.__actAt) + ' ' + e.name.replace(location.origin, '').slice(0, 60)).join('\\n')`;

/** A visible element matching `selector` (whose text includes `text`, when given), as a page expression. */
const visible = (selector: string, text?: string) =>
  `Array.from(document.querySelectorAll(${JSON.stringify(selector)})).some((e) => e.getClientRects().length > 0 && ${
    text === undefined ? 'true' : `(e.textContent || '').includes(${JSON.stringify(text)})`
  })`;
/** A dialog titled `title` holding at least `n` drawn PDF pages (canvases). */
const pdfShown = (title: string, n = 1) =>
  `Array.from(document.querySelectorAll('[role=dialog]')).some((d) => (d.textContent || '').includes(${JSON.stringify(title)}) && d.querySelectorAll('canvas[data-drawn]').length >= ${n})`;

/** The desk's address with the host's token, as the start command prints it. */
const withToken = (url: string) => `${url}#token=${BENCH_TOKEN}`;

// bypassCSP: the checks below are expressions evaluated in the page, which the desk's policy (no eval) refuses.
async function signedIn(browser: Browser, url: string, username: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, bypassCSP: true });
  const page = await context.newPage();
  await page.goto(withToken(url));
  await signInForm(page, username);
  await page.getByRole('button', { name: /تسجيل الدخول|Sign in/ }).click();
  await page.getByLabel(/كلمة المرور|Password/).waitFor({ state: 'detached' });
  return page;
}

async function signInForm(page: Page, username: string) {
  await page.getByLabel(/اسم المستخدم|User name/).fill(username);
  await page.getByLabel(/كلمة المرور|Password/).fill(PASSWORD);
}

type Action = (browser: Browser) => Promise<number>;

/** The requests the actions use, found through the desk's API as a user would find them. */
interface Subjects {
  caseId: number;
  exportViewId: number;
  exportRows: number;
}

async function findSubjects(host: HostProcess): Promise<Subjects> {
  const session = (await callHost<{ token: string }>(host.url, 'auth.signIn', { username: 'reviewer1', password: PASSWORD })).token;
  type Page = { total: number; rows: Array<{ id: number; submittedAt: string }> };
  const all = await callHost<Page>(host.url, 'queues.page', { queue: 'all', sort: 'submitted_desc', offset: 0, limit: 1 }, session);
  // The requests of the last days, from the day of the 1,500th newest: about 1,500 rows (whole days).
  const at = Math.min(1499, all.total - 1);
  const edge = await callHost<Page>(host.url, 'queues.page', { queue: 'all', sort: 'submitted_desc', offset: at, limit: 1 }, session);
  const day = new Date(Date.parse(edge.rows[0]!.submittedAt) + 3 * 3_600_000).toISOString().slice(0, 10);
  const view = { queue: 'all', sort: 'submitted_desc', submittedFrom: day };
  const rows = (await callHost<Page>(host.url, 'queues.page', { ...view, offset: 0, limit: 1 }, session)).total;
  const saved = await callHost<{ id: number }>(host.url, 'savedViews.save', { name: `bench export ${Date.now()}`, view }, session);
  return { caseId: all.rows[0]!.id, exportViewId: saved.id, exportRows: rows };
}

function actions(url: string, s: Subjects): Record<string, Action> {
  return {
    /** Sign in as a finance officer: from Sign in to their first page's list drawn. */
    'action.signIn.finance': async (browser) => {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, bypassCSP: true });
      const page = await context.newPage();
      await page.goto(withToken(url));
      await signInForm(page, 'finance1');
      const ms = await resultAfterAct(
        page,
        () => page.getByRole('button', { name: /تسجيل الدخول|Sign in/ }).click(),
        `${visible('main h2')} && ${visible('main table tbody tr')} && !${visible('main [role=status] .mantine-Loader-root')}`,
      );
      await context.close();
      return ms;
    },
    /** The staff copy of a case report, from the menu item to its first page drawn. */
    'action.caseReport.preview': async (browser) => {
      const page = await signedIn(browser, url, 'reviewer1');
      await page.goto(`${url}#/case/${s.caseId}`);
      await page.getByRole('button', { name: 'تقرير الطلب' }).click();
      const item = page.getByRole('menuitem', { name: 'نسخة الموظفين بالعربية' });
      const ms = await resultAfterAct(page, () => item.click(), pdfShown('تقرير الطلب'));
      await page.context().close();
      return ms;
    },
    /**
     * A return confirmed with Ctrl+Enter on a request claimed from New, to the next new request drawn (claimed for
     * the reviewer, its checks shown): the step a reviewer repeats all day (the desk opens the next one by default).
     */
    'action.decision.returnThenNext': async (browser) => {
      const page = await signedIn(browser, url, 'reviewer1');
      await page.goto(`${url}#/queue/new`);
      await page.getByRole('table').locator('tr[aria-rowindex="2"]').waitFor();
      await page.keyboard.press('n');
      const heading = page.getByRole('heading', { level: 2, name: /^REQ-\d{4}-\d{6}$/ });
      await heading.waitFor();
      const first = (await heading.textContent())!.trim();
      await page.getByRole('tab').first().waitFor();
      await page.keyboard.press('r');
      const message = page.getByRole('dialog').getByRole('textbox').first();
      await message.waitFor();
      if ((await message.inputValue()) === '') await message.fill('Please attach a recent employer letter.');
      const ms = await resultAfterAct(
        page,
        () => page.keyboard.press('Control+Enter'),
        `Array.from(document.querySelectorAll('main h2')).some((h) => /^REQ-\\d{4}-\\d{6}$/.test((h.textContent || '').trim()) && h.textContent.trim() !== ${JSON.stringify(first)}) && ${visible('[role=tab]')}`,
      );
      await page.context().close();
      return ms;
    },
    /** A PDF export of about 1,500 rows, from the menu item to the file ready to save. */
    'action.export.pdf': async (browser) => {
      const page = await signedIn(browser, url, 'reviewer1');
      await page.goto(`${url}#/view/${s.exportViewId}`);
      await page.getByRole('table').locator('tr[aria-rowindex="2"]').waitFor();
      await page.getByRole('button', { name: 'تصدير' }).click();
      const item = page.getByRole('menuitem', { name: /PDF/ });
      const ms = await resultAfterAct(page, () => item.click(), visible('[role=dialog] a[download]'));
      await page.context().close();
      return ms;
    },
    /** A 10-byte file given to Import: from choosing it to the refusal shown. */
    'action.import.tenBytes': async (browser) => {
      const page = await signedIn(browser, url, 'admin');
      await page.goto(`${url}#/import`);
      const input = page.locator('input[type=file]');
      await input.waitFor({ state: 'attached' });
      const ms = await resultAfterAct(
        page,
        () => input.setInputFiles({ name: 'ten-bytes.zip', mimeType: 'application/zip', buffer: Buffer.from('0123456789') }),
        `${visible('main', 'ten-bytes.zip')} && ${visible('main', 'مرفوض')}`,
      );
      await page.context().close();
      return ms;
    },
    /** A card clerk's preview of one card, from Print selected to both sides drawn. */
    'action.print.preview': async (browser) => {
      const page = await signedIn(browser, url, 'clerk1');
      await page.goto(`${url}#/print`);
      await page.getByRole('table').getByRole('row').nth(1).getByRole('checkbox').check();
      const button = page.getByRole('button', { name: /طباعة المحدد \(1\)/ });
      const ms = await resultAfterAct(page, () => button.click(), pdfShown('معاينة قبل الطباعة', 2));
      await page.context().close();
      return ms;
    },
    /** A delivery by mail recorded, from Save to the form closed and the card gone from the printed list. */
    'action.print.recordDelivery': async (browser) => {
      const page = await signedIn(browser, url, 'clerk1');
      await page.goto(`${url}#/print`);
      await page.getByRole('main').getByText('تمت الطباعة', { exact: true }).click();
      const row = page.getByRole('table').getByRole('row').nth(1);
      const reference = (await row.getByRole('link').first().textContent())!.trim();
      await row.getByRole('button', { name: 'تسجيل التسليم' }).click();
      const form = page.getByRole('dialog', { name: 'تسجيل التسليم' });
      await form.getByLabel('رقم الشحنة').fill('SPL-778899');
      const ms = await resultAfterAct(
        page,
        () => form.getByRole('button', { name: 'حفظ' }).click(),
        `!${visible('[role=dialog]', 'رقم الشحنة')} && ${visible('main table tbody tr')} && !${visible('main table tbody tr', reference)}`,
      );
      await page.context().close();
      return ms;
    },
  };
}

export interface BrowserActions {
  entries: Record<string, Timing & { samplesMs: number[] }>;
  budgets: Record<string, { limitMs: number; met: boolean }>;
}

/** Every action RUNS times on `databaseFile` (a copy the bench may change: deliveries are recorded). */
export async function benchBrowserActions(databaseFile: string, log: (line: string) => void): Promise<BrowserActions> {
  log('actions a user waits for, in Chromium…');
  const host = await startHostProcess(databaseFile);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const subjects = await findSubjects(host);
    log(`  export view: ${subjects.exportRows} rows`);
    const result: BrowserActions = { entries: {}, budgets: {} };
    const only = process.env.MUMARIS_BENCH_ACTIONS?.split(',');
    for (const [name, act] of Object.entries(actions(`${host.url}/`, subjects))) {
      if (only && !only.some((o) => name.includes(o))) continue;
      const samples: number[] = [];
      for (let i = 0; i < RUNS; i++) samples.push(Math.round(await act(browser)));
      const t = summarise(samples);
      log(`  ${name}: ${samples.join(', ')} ms`);
      result.entries[name] = { ...t, samplesMs: samples };
      result.budgets[name] = { limitMs: ACTION_BUDGET_MS, met: t.p95Ms < ACTION_BUDGET_MS };
    }
    return result;
  } finally {
    await browser.close();
    host.stop();
  }
}
