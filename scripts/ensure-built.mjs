/**
 * Builds what a launcher needs when its sources changed, and only then: the whole desk
 * (`electron-vite build`, which also makes the command line and the host) when the renderer is
 * older than any source, else the command line and the host alone (scripts/build-node.mjs).
 */
import { spawnSync } from 'node:child_process';
import { isStale, root } from './build-freshness.mjs';
import { NODE_SOURCES, ensureNodeBuilt } from './build-node.mjs';

const DESK_SOURCES = [...NODE_SOURCES, 'renderer', 'resources', 'electron.vite.config.ts', 'scripts/direct-package-imports.ts'];

export async function ensureDeskBuilt() {
  if (isStale('out/renderer/index.html', DESK_SOURCES)) {
    console.log('building the desk (electron-vite build)…');
    const r = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
  // A full build makes them too; this covers an out/ built before they were part of it.
  await ensureNodeBuilt();
}
