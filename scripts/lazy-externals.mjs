/**
 * An esbuild plugin: the packages the command line and the host import are loaded when first used,
 * not when the program starts. `desk card-key` never touches exceljs (0.4 s to load), pdf-lib or the
 * S3 client, yet a bundle requires every import at its top; this replaces each such package with a
 * small module whose exports are getters that require the real package on first read.
 *
 * A package qualifies when its exports are a plain object (read at build time); a package that
 * exports a function or class itself (better-sqlite3) stays an ordinary external require, as do
 * dynamic import()s and packages that fail to load in the build.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const NAMESPACE = 'lazy-external';

/** The export names of a package whose exports are a plain object; undefined when it does not qualify. */
function exportNames(requireFrom, name) {
  try {
    const loaded = requireFrom(name);
    if (loaded === null || typeof loaded !== 'object') return undefined;
    return { keys: Object.keys(loaded), esModule: loaded.__esModule === true };
  } catch {
    return undefined;
  }
}

/**
 * The export names found by an earlier build, by package: requiring exceljs or the S3 client to read
 * them takes seconds, which every rebuild after a one-line change would pay. An entry holds while the
 * file the package resolves to is the same (its path and modification time); a new install changes it.
 */
function exportNamesCache(requireFrom, file) {
  let saved = {};
  try {
    saved = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    saved = {};
  }
  const stamp = (name) => {
    try {
      const resolved = requireFrom.resolve(name);
      return `${resolved}@${statSync(resolved).mtimeMs}`;
    } catch {
      return undefined;
    }
  };
  let changed = false;
  return {
    get(name) {
      const at = stamp(name);
      const hit = saved[name];
      if (at !== undefined && hit?.stamp === at) return hit.names ?? undefined;
      const names = exportNames(requireFrom, name);
      if (at !== undefined) {
        saved[name] = { stamp: at, names: names ?? null };
        changed = true;
      }
      return names;
    },
    save() {
      if (!changed) return;
      try {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, JSON.stringify(saved));
      } catch {
        // Only a cache: the next build reads the packages again.
      }
    },
  };
}

/** @param {{ root: string, bundled: string[] }} options bundled: packages compiled into the output instead */
export function lazyExternals({ root, bundled }) {
  const requireFrom = createRequire(join(root, 'package.json'));
  const names = exportNamesCache(requireFrom, join(root, 'node_modules', '.cache', 'lazy-externals.json'));
  const found = new Map();
  const isBare = (path) => !path.startsWith('.') && !path.startsWith('/') && !path.startsWith('node:');
  const packageOf = (path) =>
    path
      .split('/')
      .slice(0, path.startsWith('@') ? 2 : 1)
      .join('/');
  return {
    name: 'lazy-externals',
    setup(build) {
      build.onResolve({ filter: /.*/ }, (args) => {
        if (args.namespace === NAMESPACE) return { path: args.path, external: true };
        if (args.kind === 'entry-point') return undefined;
        if (!isBare(args.path) || bundled.includes(packageOf(args.path))) return undefined;
        if (args.kind !== 'import-statement' && args.kind !== 'require-call') return { path: args.path, external: true };
        if (!found.has(args.path)) found.set(args.path, names.get(args.path));
        return found.get(args.path) ? { path: args.path, namespace: NAMESPACE } : { path: args.path, external: true };
      });
      build.onEnd(() => names.save());
      build.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => {
        const { keys, esModule } = found.get(args.path);
        const name = JSON.stringify(args.path);
        return {
          loader: 'js',
          contents: [
            `let loaded;`,
            `const load = () => (loaded ??= require(${name}));`,
            esModule ? `Object.defineProperty(exports, '__esModule', { value: true });` : '',
            `for (const key of ${JSON.stringify(keys)}) Object.defineProperty(exports, key, { enumerable: true, get: () => load()[key] });`,
          ].join('\n'),
        };
      });
    },
  };
}
