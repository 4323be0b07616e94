import { defineConfig } from 'vitest/config';

/**
 * Two projects, like kysely's own loop over dialects: `sqlite` runs every test; `postgres` runs the
 * tests that touch the case database again on PostgreSQL, when MUMARIS_TEST_PG is set (.ci/run sets it).
 */
const everything = [
  'electron/**/*.test.ts',
  'bench/**/*.test.ts',
  'shared/**/*.test.ts',
  'renderer/src/**/*.test.{ts,tsx}',
  'tests/integration/**/*.test.ts',
  'tests/crash/**/*.test.ts',
  'tests/architecture/**/*.test.ts',
];
/** Tests of PostgreSQL's own pieces (several desks at once, its triggers and locks). */
const postgresOnly = ['electron/**/*.postgres.test.ts', 'tests/integration/**/*.postgres.test.ts'];
/**
 * The domain on the case database: queues, decisions, refunds, intake, cards, reports, sessions, the
 * contract over HTTP. Left to SQLite alone: its file handling (backups, kill -9, migrations of a file,
 * tampering with the file behind the desk's back, the CLI on a file); their PostgreSQL counterparts
 * are in the *.postgres.test.ts files.
 */
const onBothDatabases = [
  'electron/core/audit/checkpoint.test.ts',
  'electron/core/audit/browse.test.ts',
  'electron/core/audit/personal-data.test.ts',
  'electron/core/blobs/blob-store.test.ts',
  'electron/core/auth/users.test.ts',
  'electron/core/auth/visibility.test.ts',
  'electron/core/auth/sign-in-limits.test.ts',
  'electron/core/auth/user-admin.test.ts',
  'electron/core/auth/role-grants.test.ts',
  'electron/core/auth/four-eyes.test.ts',
  'electron/core/cards/print-centre.test.ts',
  'electron/core/cases/decisions.test.ts',
  'electron/core/cases/decide-on.test.ts',
  'electron/core/cases/allowed-actions.test.ts',
  'electron/core/cases/decisions.claim-next.test.ts',
  'electron/core/cases/decisions.races.test.ts',
  'electron/core/cases/sweep.test.ts',
  'electron/core/cases/note-rules.test.ts',
  'electron/core/cases/referrals.test.ts',
  'electron/core/cases/queues.test.ts',
  'electron/core/cases/sla-due.test.ts',
  'electron/core/cases/escalations.test.ts',
  'electron/core/cases/queues.overdue-first.test.ts',
  'electron/core/cases/decisions.second-signature.test.ts',
  'electron/core/cases/cpd-section.test.ts',
  'electron/core/reports/dashboard.range.test.ts',
  'electron/core/cases/saved-views.test.ts',
  'electron/core/cases/bulk-assign.test.ts',
  'electron/core/cases/applicant-history.test.ts',
  'electron/core/cases/queues.search.test.ts',
  'electron/core/demo/seed.test.ts',
  'electron/core/delivery/worker.test.ts',
  'electron/core/delivery/admin.races.test.ts',
  'electron/core/delivery/delivery-handlers.test.ts',
  'electron/core/cases/outbox.test.ts',
  'electron/core/delivery/start.test.ts',
  'electron/core/finance/finance-lists.test.ts',
  'electron/core/finance/manual-payments.test.ts',
  'electron/core/finance/payments-import.test.ts',
  'electron/core/finance/reconciliation-summary.test.ts',
  'electron/core/finance/refunds.test.ts',
  'electron/core/finance/invoices.test.ts',
  'electron/core/finance/settle.test.ts',
  'electron/core/policy/versions.test.ts',
  'electron/core/policy/activation.test.ts',
  'tests/integration/cpd-audit.test.ts',
  'electron/core/signals/cpd-signals.test.ts',
  'electron/core/signals/employer-letter-date.test.ts',
  'electron/core/intake/import-batch.test.ts',
  'electron/core/signals/identity-signals.test.ts',
  'electron/core/reports/dashboard.test.ts',
  'electron/core/db/tallies.test.ts',
  'electron/core/reports/export.test.ts',
  'tests/integration/fuzz.test.ts',
  'tests/integration/host.test.ts',
  'tests/integration/interleavings.test.ts',
  'tests/integration/file-links.test.ts',
];

/**
 * Two test files at a time: most of a file's time is spent waiting (PostgreSQL, child processes, the
 * disk), so two workers on CI's two cores finish in a little over half the time of vitest's default
 * (cores - 1 = one). Tests and hooks seed demo desks (own files, planted signals): a minute before one counts as stuck.
 * A worker keeps its modules from one file to the next (isolate: false): each file imported the desk's code
 * anew (a quarter of the run) and drew the demo's photos again. scrypt runs at a test's cost (passwords.ts).
 */
const shared = {
  environment: 'node',
  testTimeout: 60_000,
  hookTimeout: 60_000,
  pool: 'forks',
  maxWorkers: 2,
  isolate: false,
  env: { MUMARIS_TEST_SCRYPT_N: '1024' },
} as const;
/** Files that replace modules (vi.mock) or the clock (fake timers): each in a fresh module graph of its own. */
const needIsolation = [
  'electron/main/index.test.ts',
  'electron/main/window-state.test.ts',
  'electron/core/cases/decide-on.test.ts',
  // Reads what a fresh process has made before and after the fonts' warm-up.
  'electron/core/documents/text/warm-up.test.ts',
];
/** The PostgreSQL projects' common part: the dialect, and pg_trgm and stale schemas seen to before they start. */
const onPostgres = {
  ...shared,
  env: { ...shared.env, MUMARIS_TEST_DIALECT: 'postgres' },
  globalSetup: ['tests/postgres-setup.ts'] as string[],
};

export default defineConfig({
  test: {
    projects: [
      { test: { ...shared, name: 'sqlite', include: everything, exclude: [...postgresOnly, ...needIsolation] } },
      { test: { ...shared, name: 'sqlite-isolated', include: needIsolation, isolate: true } },
      ...(process.env.MUMARIS_TEST_PG
        ? [
            { test: { ...onPostgres, name: 'postgres', include: [...onBothDatabases, ...postgresOnly].filter((f) => !needIsolation.includes(f)) } },
            { test: { ...onPostgres, name: 'postgres-isolated', include: onBothDatabases.filter((f) => needIsolation.includes(f)), isolate: true } },
          ]
        : []),
    ],
  },
});
