/**
 * The command line and the host as compiled JavaScript: out/cli/desk.js and out/host/serve.js,
 * bundled by esbuild (already here through Vite) so a command starts without compiling TypeScript.
 * Run by `electron-vite build` (electron.vite.config.ts) and, when a source is newer than the
 * output, by the launchers (scripts/desk.mjs, host.mjs, start.mjs) and the tests that run the
 * command line; `node scripts/build-node.mjs` runs it alone.
 *
 * Packages stay in node_modules (like the main process's externalizeDepsPlugin), loaded when first
 * used (scripts/lazy-externals.mjs): native modules (better-sqlite3) and packages that find files
 * beside themselves (harfbuzzjs's .wasm, pdf.js) load as they do under tsx. The fonts are found at
 * run time from __dirname (electron/core/documents/text/font-files.ts); migrations are code, bundled.
 */
import { mkdirSync, renameSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isStale, root } from './build-freshness.mjs';
import { lazyExternals } from './lazy-externals.mjs';

export const NODE_ENTRIES = { 'cli/desk': 'electron/cli/desk.ts', 'host/serve': 'electron/host/serve.ts' };
/** The compiled command line and host, as the launchers, the tests and the bench run them. */
export const COMPILED_CLI = join(root, 'out', 'cli', 'desk.js');
export const COMPILED_HOST = join(root, 'out', 'host', 'serve.js');
/** What the node entries are made from: a change to any of these makes them stale. */
export const NODE_SOURCES = ['electron', 'shared', 'scripts/build-node.mjs', 'scripts/lazy-externals.mjs', 'package.json'];

export async function buildNode() {
  // Stamped with the time the build started, so a source saved during the build still counts as newer.
  const started = new Date();
  // Imported here, not at the top: a launcher that finds the build fresh never loads esbuild.
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: root,
    entryPoints: NODE_ENTRIES,
    outdir: 'out',
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // Compiled in, each loads as part of one file instead of hundreds: kysely and zod serve every
    // command, and pdf-lib is needed at start anyway (the documents make their colours at load).
    plugins: [lazyExternals({ root, bundled: ['kysely', 'zod', 'pdf-lib'] })],
    // Whitespace and syntax only: names stay as written (error names, stack traces); less to parse at start.
    minifyWhitespace: true,
    minifySyntax: true,
    sourcemap: 'linked',
    logLevel: 'warning',
    write: false,
  });
  // Written beside and renamed: a desk starting (or another build) never reads half a file.
  for (const file of result.outputFiles) {
    mkdirSync(dirname(file.path), { recursive: true });
    const partial = `${file.path}.${process.pid}.partial`;
    writeFileSync(partial, file.contents);
    utimesSync(partial, started, started);
    renameSync(partial, file.path);
  }
}

/** Builds the node entries when any is missing or older than its sources; says so on stderr. */
export async function ensureNodeBuilt() {
  if (!Object.keys(NODE_ENTRIES).some((name) => isStale(`out/${name}.js`, NODE_SOURCES))) return;
  process.stderr.write('building the command line and the host (scripts/build-node.mjs)…\n');
  await buildNode();
}

// Run directly (`node scripts/build-node.mjs`), not imported. No top-level await: tsx loads this file as CommonJS for the bench.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  buildNode().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
