#!/usr/bin/env node
/**
 * `npm test`: type checks, lint, unit and integration tests (vitest), the build,
 * and the browser tests (Playwright in Chromium through the host). Stops at the
 * first failing step and ends with one line: "tests: N passed, N failed, N skipped".
 * With MUMARIS_TEST_PG set, the database tests and the two-desk browser test run on PostgreSQL too.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

mkdirSync('test-results', { recursive: true });
const counts = { passed: 0, failed: 0, skipped: 0 };

function step(name, cmd, args, env = {}) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  // Each step's time: CI has a budget (30 minutes here), and this says where it goes.
  console.log(`=== ${name}: ${r.status === 0 ? 'ok' : 'failed'} in ${Math.round((Date.now() - started) / 1000)} s`);
  return r.status === 0;
}

function addVitest(file) {
  try {
    const j = JSON.parse(readFileSync(file, 'utf8'));
    counts.passed += j.numPassedTests;
    counts.failed += j.numFailedTests;
    counts.skipped += j.numPendingTests + (j.numTodoTests ?? 0);
  } catch {
    counts.failed += 1;
  }
}

function addPlaywright(file) {
  try {
    const s = JSON.parse(readFileSync(file, 'utf8')).stats;
    counts.passed += s.expected;
    counts.failed += s.unexpected + s.flaky;
    counts.skipped += s.skipped;
  } catch {
    counts.failed += 1;
  }
}

function finish(ok) {
  if (!ok && counts.failed === 0) counts.failed = 1;
  console.log(`\ntests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  process.exit(ok && counts.failed === 0 ? 0 : 1);
}

const steps = [
  () => step('types (node)', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.node.json']),
  () => step('types (web)', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.web.json']),
  () => step('lint', 'npx', ['eslint', '--max-warnings', '0', '.']),
  () => step('format', 'npx', ['prettier', '--check', '--log-level', 'warn', '.']),
  () => step('security scan (electronegativity, offline)', 'node', ['scripts/security-scan.mjs']),
  () => {
    rmSync('test-results/vitest.json', { force: true });
    console.log(
      process.env.MUMARIS_TEST_PG
        ? '\ndatabases: SQLite and PostgreSQL (MUMARIS_TEST_PG)'
        : '\ndatabases: SQLite only; set MUMARIS_TEST_PG (a postgres:// URL, or 1 for 127.0.0.1) to run the PostgreSQL project too',
    );
    const ok = step('unit and integration', 'npx', [
      'vitest',
      'run',
      '--reporter=default',
      '--reporter=json',
      '--outputFile.json=test-results/vitest.json',
    ]);
    addVitest('test-results/vitest.json');
    return ok;
  },
  () => step('build', 'npx', ['electron-vite', 'build']),
  () => {
    rmSync('test-results/playwright.json', { force: true });
    const ok = step('browser (Chromium through the host)', 'npx', ['playwright', 'test', '--reporter=list,json'], {
      PLAYWRIGHT_JSON_OUTPUT_NAME: 'test-results/playwright.json',
    });
    addPlaywright('test-results/playwright.json');
    return ok;
  },
];

for (const run of steps) if (!run()) finish(false);
finish(true);
