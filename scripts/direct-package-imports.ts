/**
 * A Vite plugin for the renderer: `import { Button, Modal } from '@mantine/core'` becomes an import of
 * each component's own module, as Next.js's optimizePackageImports does. Rolldown keeps a package's
 * index (a barrel re-exporting every component) as one module in its chunk graph, so every component
 * any page uses lands in the chunk the sign-in form loads (rolldown/rolldown#3746, #8920); imported
 * directly, a component used only after sign-in stays in that page's chunk.
 *
 * Only a package whose ESM index is a plain barrel (`import { a } from "./a.mjs"` lines and one
 * `export { … }` list) is rewritten; a name the index does not map keeps its import from the package.
 */
import { readFileSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

interface Origin {
  file: string;
  imported: string;
}

const IMPORT_LINE = /^import\s*\{([^}]*)\}\s*from\s*"(\.[^"]+)";$/gm;
const EXPORT_LIST = /^export\s*\{([^}]*)\};?$/m;

/** exported name → the module defining it, read from the package's barrel index. */
export function barrelMap(index: string): Map<string, Origin> {
  // The real path, as Vite resolves a package: a linked node_modules must not make a second copy of a module.
  const indexFile = realpathSync(index);
  const text = readFileSync(indexFile, 'utf8');
  const local = new Map<string, Origin>();
  for (const [, names, path] of text.matchAll(IMPORT_LINE)) {
    for (const spec of names!
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)) {
      const [imported, as = imported] = spec.split(/\s+as\s+/);
      local.set(as!, { file: join(dirname(indexFile), path!), imported: imported! });
    }
  }
  const map = new Map<string, Origin>();
  for (const spec of (EXPORT_LIST.exec(text)?.[1] ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [name, exported = name] = spec.split(/\s+as\s+/);
    const origin = local.get(name!);
    if (origin) map.set(exported!, origin);
  }
  return map;
}

/** Rewrites the named imports of `code` from `pkg` to the modules in `map`. */
export function rewriteImports(code: string, pkg: string, map: Map<string, Origin>): string {
  const quoted = pkg.replace(/[/@]/g, (c) => `\\${c}`);
  const statement = new RegExp(`import\\s*\\{([^}]*)\\}\\s*from\\s*["']${quoted}["'];?`, 'g');
  return code.replace(statement, (whole, names: string) => {
    const kept: string[] = [];
    const direct: string[] = [];
    for (const spec of names
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)) {
      const [name, as = name] = spec.split(/\s+as\s+/);
      const origin = map.get(name!);
      if (origin) direct.push(`import { ${origin.imported} as ${as} } from ${JSON.stringify(origin.file)};`);
      else kept.push(spec);
    }
    if (direct.length === 0) return whole;
    return [...direct, ...(kept.length ? [`import { ${kept.join(', ')} } from ${JSON.stringify(pkg)};`] : [])].join('\n');
  });
}

export function directPackageImports(root: string, packages: string[]): Plugin {
  const maps = new Map(packages.map((pkg) => [pkg, barrelMap(join(root, 'node_modules', pkg, 'esm', 'index.mjs'))]));
  return {
    name: 'direct-package-imports',
    apply: 'build',
    transform(code, id) {
      if (id.includes('/node_modules/') || !/\.[jt]sx?$/.test(id)) return null;
      let out = code;
      for (const [pkg, map] of maps) if (out.includes(pkg)) out = rewriteImports(out, pkg, map);
      return out === code ? null : { code: out, map: null };
    },
  };
}
