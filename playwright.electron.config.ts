import { defineConfig } from '@playwright/test';

/** Electron end-to-end tests: where the Electron binary exists (packaging machines), after `npm run build`. */
export default defineConfig({ testDir: 'tests/e2e/electron', timeout: 60_000, workers: 1, reporter: [['list']] });
