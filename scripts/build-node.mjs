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
 *
 * Each bundle (out/cli/desk.bundle.js) is started by a small file of the entry's name (out/cli/desk.js)
 * that runs it with V8's code cache (scripts/code-cache-loader.cjs): Node 20 would otherwise compile
 * the whole bundle from its text on every start.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { anyStale, root } from './build-freshness.mjs';
import { lazyExternals } from './lazy-externals.mjs';

export const NODE_ENTRIES = { 'cli/desk': 'electron/cli/desk.ts', 'host/serve': 'electron/host/serve.ts' };
/** The loader every entry's starter requires, copied to out/ beside the entries' folders. */
const LOADER = 'code-cache-loader.js';
/** Everything the build writes under out/: a stale or missing one means build again. */
const NODE_OUTPUTS = [`out/${LOADER}`, ...Object.keys(NODE_ENTRIES).flatMap((name) => [`out/${name}.js`, `out/${name}.bundle.js`])];
/** The compiled command line and host, as the launchers, the tests and the bench run them. */
export const COMPILED_CLI = join(root, 'out', 'cli', 'desk.js');
export const COMPILED_HOST = join(root, 'out', 'host', 'serve.js');
/** What the node entries are made from: a change to any of these makes them stale. */
export const NODE_SOURCES = [
  'electron',
  'shared',
  'scripts/build-node.mjs',
  'scripts/lazy-externals.mjs',
  'scripts/code-cache-loader.cjs',
  'package.json',
];

export async function buildNode() {
  // Stamped with the time the build started, so a source saved during the build still counts as newer.
  const started = new Date();
  // Imported here, not at the top: a launcher that finds the build fresh never loads esbuild.
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(Object.entries(NODE_ENTRIES).map(([name, source]) => [`${name}.bundle`, source])),
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
    metafile: true,
    write: false,
  });
  const loader = readFileSync(join(root, 'scripts', 'code-cache-loader.cjs'));
  const starters = Object.keys(NODE_ENTRIES).map((name) => ({
    path: join(root, 'out', `${name}.js`),
    contents: `'use strict';\n// Runs ${basename(name)}.bundle.js with V8's code cache (scripts/code-cache-loader.cjs).\nrequire('../${LOADER}').runCached(require('node:path').join(__dirname, '${basename(name)}.bundle.js'));\n`,
  }));
  const bundles = result.outputFiles.map((file) => (file.path.endsWith('.bundle.js') ? withDeskImport(file, result.metafile) : file));
  const files = [...bundles, { path: join(root, 'out', LOADER), contents: loader }, ...starters];
  // Written beside and renamed: a desk starting (or another build) never reads half a file.
  for (const file of files) {
    mkdirSync(dirname(file.path), { recursive: true });
    const partial = `${file.path}.${process.pid}.partial`;
    writeFileSync(partial, file.contents);
    utimesSync(partial, started, started);
    renameSync(partial, file.path);
    // The caches of the bundle this one replaced can never be used again (their names say which bundle they were made from).
    if (file.path.endsWith('.bundle.js')) dropCaches(file.path);
  }
}

/**
 * The bundle's import() of a package made __deskImport(), handed in by the code-cache loader: Node 20
 * loses import() in a script compiled from a cache. Each is a call esbuild wrote as import("name") for
 * a package it left outside (metafile); the build fails rather than leave one behind.
 */
function withDeskImport(file, metafile) {
  const output = metafile.outputs[relative(root, file.path).split(sep).join('/')];
  let text = file.text;
  for (const { path, kind, external } of output?.imports ?? []) {
    if (kind !== 'dynamic-import' || !external) continue;
    const call = `import(${JSON.stringify(path)})`;
    if (!text.includes(call)) throw new Error(`${file.path}: esbuild's ${call} not found to hand to the code-cache loader`);
    text = text.split(call).join(`__deskImport(${JSON.stringify(path)})`);
  }
  if (/\bimport\(/.test(text.replace(/__deskImport\(/g, ''))) throw new Error(`${file.path}: an import() the code-cache loader cannot serve`);
  return { path: file.path, contents: text };
}

function dropCaches(bundle) {
  const name = basename(bundle);
  for (const entry of readdirSync(dirname(bundle))) {
    if (entry.startsWith(`${name}.`) && entry.endsWith('.v8cache')) rmSync(join(dirname(bundle), entry), { force: true });
  }
}

/** Builds the node entries when any is missing or older than its sources; says so on stderr. */
export async function ensureNodeBuilt() {
  if (!anyStale(NODE_OUTPUTS, NODE_SOURCES)) return;
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
