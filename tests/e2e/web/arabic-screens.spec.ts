import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_USERS } from '../../../electron/core/demo/seed';
import { FACILITIES } from '../../../electron/core/demo/names';
import { demoUrl } from './helpers';

/**
 * Every page in Arabic, as each role sees it on the demo desk: no English word and no raw message
 * key or field name. Latin letters are allowed only where they are data, each kind named below with
 * why; anything else fails the test with the page and the words. Screenshots at the two sizes an
 * Arabic reader judges go to SHOTS (issue 16).
 */
const url = demoUrl;
const SHOTS = process.env.DESK_E2E_SHOTS ?? 'test-results/arabic-screens';
const SIZES = [
  { width: 1400, height: 900 },
  { width: 1280, height: 720 },
] as const;

/**
 * People's and places' Latin names as the demo data holds them: data the applicant gave, shown beside
 * the Arabic. Read from the demo's sources, so a name list added there is known here: every
 * ['Arabic', 'Latin'] pair, the respellings, the facilities, and the CPD providers the policy recognises.
 */
function demoLatinNames(): Set<string> {
  const demo = readdirSync('electron/core/demo')
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => readFileSync(join('electron/core/demo', f), 'utf8'))
    .join('\n');
  const pairs = [...demo.matchAll(/\['[^'\n]*[\u0600-\u06FF][^'\n]*',\s*'([^'\n]*[A-Za-z][^'\n]*)'/g)].map((m) => m[1]!);
  const respelt = [...demo.matchAll(/^\s+[A-Z][a-z]+: '([A-Z][A-Za-z]+)',$/gm)].map((m) => m[1]!);
  const providers = /recognisedProviders:\s*\[([^\]]*)\]/.exec(readFileSync('electron/core/policy/sample-policy.ts', 'utf8'))?.[1];
  if (providers === undefined) throw new Error('the sample policy no longer lists recognisedProviders where this test reads them');
  return new Set(
    [
      ...pairs,
      ...respelt,
      ...[...providers.matchAll(/'([^']+)'/g)].map((m) => m[1]!),
      ...FACILITIES,
      ...DEMO_USERS.flatMap((u) => [u.displayName, u.username]),
      // CPD activities as their certificates title them, and their providers (seed.ts): the applicant's data.
      ...['BLS', 'ACLS', 'Infection Control', 'Patient Safety', 'Pain Management', 'SCFHS', 'SHA', 'MOH Academy'],
      // A provider the policy does not recognise, planted by the demo's CPD audit (demo/cpd-audit.ts): the applicant's data.
      ...['Quick CME Online'],
    ]
      .flatMap((n) => n.split(/\s+/))
      .map((w) => w.replace(/[.,]+$/, '')),
  );
}
const NAME_WORDS = demoLatinNames();

/**
 * Latin that is data, not wording, with the reason each may show in the Arabic UI. E-mail addresses,
 * file names, file paths and server addresses are data too: strays() takes them out of a line first.
 */
const ALLOWED: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(REQ|REG|INV|C|RF|CPD|PAY|TX|TRX|BT)-[A-Z0-9-]+$/, 'references and numbers the desk issues (REQ-2026-000123, INV-…, C-…)'],
  [/^\d+[A-Z]{1,3}\d+$/, 'professional registration numbers (24RD7623190)'],
  [/^(csv|pdf|zip|xlsx)$/, 'a file type as the file name ends (".csv"), which the user must match'],
  [/^RF-[A-Z-]+$/, "refund facts' codes as rules.md names them (RF-OVERPAYMENT)"],
  [/^SAR$/, 'the ISO currency code beside amounts where the design keeps it'],
  [
    /^(PDF|QR|CSV|Excel|SADAD|SQLite|PostgreSQL|SMTP|SMS|JPEG|PNG|WebP|ZIP|CR80|A4|Ed25519|SHA-256|STARTTLS|TLS|IBAN|mada|Apple|Pay)$/,
    'names of formats, products and standards, which have no Arabic form',
  ],
  [/^v?\d+(\.\d+)+$/, 'version numbers'],
  [/^[0-9A-F]{8,}$/i, 'hashes and key fingerprints'],
  [/^(Ctrl|Alt|Shift|Enter|Esc|Escape|Tab|[a-z]|[A-Z]|\?|\/)$/, 'keys of the keyboard shortcuts'],
  [/^English$/, 'the language switch names the other language in that language'],
  [/^--[a-z][a-z-]*$/, 'command-line options the page tells an administrator about (--db)'],
  [/^desk-\d{8}-\d{6}$/, "backups' file names"],
];

const RAW_KEY = /\b[a-z]+(?:\.[a-z_]+)+\b/;
const RAW_FIELD = /^[a-z_][a-zA-Z_]*:/m;

/**
 * The page's text as a reader sees it, run in the page (a string: the tests are type-checked without
 * the DOM). Literal text to type or copy (a command, an address, a path in <code>) is left out: it is
 * not wording. A select's current choice (a read-only box opening a list) is wording and is read; a field's typed value is data.
 */
const READ_SCREEN = `(() => {
  const hide = document.createElement('style');
  hide.textContent = 'code, kbd, pre { display: none !important; }';
  document.head.append(hide);
  const chosen = [...document.querySelectorAll('input[readonly][aria-haspopup]')].map((i) => i.value);
  const shown = [document.body.innerText, ...chosen].join('\\n');
  hide.remove();
  return shown;
})()`;
const ARABIC_FIRST = "localStorage.setItem('desk-lang', 'ar')";

/** The words of the page a reader of Arabic would find out of place, each with its line. */
async function strays(page: Page): Promise<string[]> {
  const text = await page.evaluate<string>(READ_SCREEN);
  const found: string[] = [];
  for (const line of text.split('\n')) {
    // Data first: addresses, file names and paths are taken out before any key is looked for.
    const cleaned = line.replace(/[^\s@]+@[^\s@]+\.[^\s@]+/g, ' ').replace(/\S+\.(pdf|png|jpe?g|csv|xlsx|zip|sqlite|json|txt)\b/gi, ' ');
    const withoutData = cleaned.replace(/(postgres|https?):\/\/\S+/g, ' ').replace(/(^|\s|\u2066)~?\/[\w./-]+/g, ' ');
    const key = RAW_KEY.exec(withoutData);
    if (key) found.push(`raw key "${key[0]}" in: ${line.trim()}`);
    if (RAW_FIELD.test(withoutData.trim())) found.push(`raw field name in: ${line.trim()}`);
    // E-mail addresses, file names, file paths and server addresses are data: taken out above.
    for (const token of withoutData.split(/[\s،,:;()«»"“”'‘’·|<>[\]{}…/+\u200e\u200f\u2066-\u2069]+/)) {
      const word = token.replace(/^[.!?؟]+|[.!?؟]+$/g, '');
      if (!/[A-Za-z]/.test(word)) continue;
      if (NAME_WORDS.has(word) || ALLOWED.some(([re]) => re.test(word))) continue;
      found.push(`"${word}" in: ${line.trim().slice(0, 160)}`);
    }
  }
  return [...new Set(found)];
}

/** Waits for the page to settle (no loader), checks it and photographs it at both sizes. */
async function look(page: Page, name: string, problems: string[]): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.waitForLoadState('networkidle');
  await expect(page.locator('.mantine-Loader-root')).toHaveCount(0, { timeout: 20_000 });
  problems.push(...(await strays(page)).map((s) => `${name}: ${s}`));
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `${SHOTS}/${name}-${size.width}x${size.height}.png` });
  }
  await page.setViewportSize(SIZES[0]);
}

async function signInArabic(page: Page, username: string): Promise<void> {
  await page.goto(url);
  await page.evaluate(ARABIC_FIRST);
  await page.reload();
  await page.getByLabel('اسم المستخدم').fill(username);
  await page.getByLabel('كلمة المرور').fill('mumaris-demo');
  await page.getByRole('button', { name: 'تسجيل الدخول' }).click();
  await expect(page.getByRole('button', { name: 'تسجيل الخروج' })).toBeVisible({ timeout: 30_000 });
}

async function visit(page: Page, hash: string, name: string, problems: string[]): Promise<void> {
  await page.goto(`${url.split('#')[0]}${hash}`);
  await look(page, name, problems);
}

/**
 * Opens requests of a queue (the rows asked for: not only the first, so services and states beyond
 * the queue's oldest are read too) and looks at each of their tabs.
 */
async function caseTabs(page: Page, queue: string, rows: readonly number[], role: string, problems: string[]): Promise<void> {
  for (const n of rows) {
    await page.goto(`${url.split('#')[0]}#/queue/${queue}`);
    const link = page.getByRole('table').getByRole('row').nth(n).getByRole('link').first();
    if ((await link.count()) === 0) continue;
    await link.click();
    const tabs = page.getByRole('tab');
    await expect(tabs.first()).toBeVisible();
    const count = await tabs.count();
    for (let i = 0; i < count; i++) {
      await tabs.nth(i).click();
      await look(page, `${role}-case-${queue}-row${n}-tab${i + 1}`, problems);
    }
  }
}

test.describe.configure({ timeout: 420_000 });

const ROLES: ReadonlyArray<{ user: string; pages: string[]; cases: Array<[queue: string, rows: number[]]> }> = [
  {
    user: 'admin',
    pages: [
      'queue/new',
      'queue/all',
      'queue/refunds',
      'dashboard',
      'outbox',
      'import',
      'users',
      'audit',
      'backups',
      'settings',
      'policy',
      'verify',
      'cpdAudit',
      // Two requests side by side (the integrity signals' compare view), any two will do for the wording.
      'compare/1/2',
    ],
    cases: [
      ['all', [1, 4, 9]],
      ['awaiting_payment', [1]],
    ],
  },
  {
    user: 'reviewer1',
    pages: ['queue/new', 'queue/mine', 'queue/awaiting_applicant', 'queue/resubmitted', 'outbox', 'verify', 'cpdAudit'],
    cases: [
      ['new', [1, 2, 6]],
      ['awaiting_applicant', [1]],
      ['resubmitted', [1]],
    ],
  },
  { user: 'approver1', pages: ['queue/awaiting_second_signature', 'dashboard', 'policy'], cases: [['awaiting_second_signature', [1, 2]]] },
  {
    user: 'finance1',
    pages: [
      'finance/awaiting',
      'finance/import',
      'finance/unmatched',
      'finance/manual',
      'finance/refunds',
      'finance/reconciliation',
      'dashboard',
      'policy',
    ],
    cases: [['awaiting_payment', [1]]],
  },
  { user: 'clerk1', pages: ['print', 'queue/ready_to_print'], cases: [['ready_to_print', [1, 2]]] },
];

for (const role of ROLES) {
  test(`${role.user} sees every page in Arabic with no stray English or raw key`, async ({ page }) => {
    mkdirSync(SHOTS, { recursive: true });
    const problems: string[] = [];
    await page.goto(url);
    await page.evaluate(ARABIC_FIRST);
    await page.reload();
    if (role.user === 'admin') {
      await look(page, 'sign-in', problems);
      // The desk's own words for an empty form, never the browser's ("Please fill out this field.").
      await page.getByRole('button', { name: 'تسجيل الدخول' }).click();
      await expect(page.getByText('هذا الحقل مطلوب').first()).toBeVisible();
      await look(page, 'sign-in-empty', problems);
      await visit(page, '#/verify', 'verify-signed-out', problems);
    }
    await signInArabic(page, role.user);
    for (const p of role.pages) await visit(page, `#/${p}`, `${role.user}-${p.replaceAll('/', '-')}`, problems);
    for (const [q, rows] of role.cases) await caseTabs(page, q, rows, role.user, problems);
    expect(problems).toEqual([]);
  });
}

test('a refused argument reads in Arabic with the field named in Arabic', async ({ page }) => {
  await signInArabic(page, 'reviewer1');
  // The queue search stops at 200 characters (the contract refuses more): the screen words the limit.
  const search = page.getByRole('textbox', { name: /بحث/ }).first();
  await search.fill('أ'.repeat(201));
  await expect(search).toHaveValue('أ'.repeat(200));
  const said = page.getByText('عدد الأحرف لا يزيد على 200');
  await expect(said).toBeVisible();
  await expect(said).toContainText('البحث');
  await expect(said).not.toContainText('search');
  await expect(said).not.toContainText('Too big');
});
