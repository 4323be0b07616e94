/**
 * Builds what a launcher needs when its sources changed, and only then. The renderer (and, for the
 * Electron app, its main process and preload) come from `electron-vite build`, which also makes the
 * command line and the host; when only those are stale (a change under electron/ that no page
 * imports), scripts/build-node.mjs alone rebuilds them in seconds instead of the whole desk.
 */
import { spawnSync } from 'node:child_process';
import { anyStale, root } from './build-freshness.mjs';
import { ensureNodeBuilt } from './build-node.mjs';

const CONFIG = ['electron.vite.config.ts', 'scripts/direct-package-imports.ts', 'package.json'];
/** What the pages are made from (tsconfig.web.json's sources: the renderer, shared, the preload's types). */
const RENDERER_SOURCES = ['renderer', 'shared', 'resources', 'electron/preload', ...CONFIG];
/** What Electron's main process and preload are made from. */
const APP_SOURCES = ['electron', 'shared', ...CONFIG];

/** @param {{ app?: boolean }} options app: Electron's main process and preload are needed too (npm start), not only the pages (the host). */
export async function ensureDeskBuilt({ app = false } = {}) {
  const stale =
    anyStale(['out/renderer/index.html'], RENDERER_SOURCES) || (app && anyStale(['out/main/index.js', 'out/preload/index.js'], APP_SOURCES));
  if (stale) {
    console.log('building the desk (electron-vite build)…');
    const r = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
  // A full build makes them too; this covers a change the pages do not see, or an out/ built before they were part of it.
  await ensureNodeBuilt();
}
