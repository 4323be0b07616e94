import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Browser tests drive the host in Debian's Chromium (Playwright cannot fetch its own browsers here). */
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Made once by the runner; the workers (which load this file again) read the demo desk's files from it.
const data = process.env.DESK_E2E_DATA ?? mkdtempSync(join(tmpdir(), 'desk-e2e-'));
process.env.DESK_E2E_DATA = data;
export const E2E_TOKEN = 'e2e-token-for-tests-only';
/** DESK_E2E_PORT moves both desks (demo on it, empty one above it): two runs on one machine at once. */
export const DEMO_PORT = Number(process.env.DESK_E2E_PORT ?? 5391);
export const EMPTY_PORT = DEMO_PORT + 1;

const host = (port: number, db: string, extra = '') => ({
  // The compiled host (`npx electron-vite build` makes it with the renderer): no TypeScript compiled at start.
  command: `node out/host/serve.js --port ${port} --db ${db} --token ${E2E_TOKEN} ${extra}`,
  url: `http://127.0.0.1:${port}/`,
  reuseExistingServer: false,
  // The demo desk seeds its requests before it answers: minutes on a busy machine, seconds on a quiet one.
  timeout: 240_000,
  stdout: 'ignore' as const,
  // The desk's own folder (settings, card key) stays inside the test data, never in the user's home.
  env: { MUMARIS_DATA_DIR: join(data, `desk-${port}`) },
});

export default defineConfig({
  testDir: 'tests/e2e/web',
  // Two desks on one PostgreSQL: only where a server is named (.ci/run names the machine's).
  testIgnore: process.env.MUMARIS_TEST_PG ? [] : ['**/team.spec.ts'],
  timeout: 60_000,
  workers: 1,
  reporter: [['list']],
  use: {
    launchOptions: {
      executablePath: chromium,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
    viewport: { width: 1400, height: 900 },
  },
  webServer: [host(DEMO_PORT, join(data, 'demo.sqlite'), '--demo --demo-cases 400'), host(EMPTY_PORT, join(data, 'empty.sqlite'))],
});
