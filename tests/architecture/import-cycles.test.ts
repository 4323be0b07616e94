import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/**
 * No two modules import each other, however long the loop: a cycle is the sign that two rooms hold one
 * thing between them, and when it runs, load order decides what is undefined at start. `import type`
 * counts too (one room leaning on another's words is a dependency); a dynamic `import()` does not, as it
 * loads on demand, after both sides exist.
 */
const ROOT = resolve(__dirname, '../..');
const FOLDERS = ['electron', 'shared', 'renderer/src'];

function sourceFiles(folder: string, out: string[] = []): string[] {
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) sourceFiles(path, out);
    else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

function resolveImport(from: string, specifier: string): string | null {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')])
    if (existsSync(candidate) && statSync(candidate).isFile() && /\.tsx?$/.test(candidate)) return candidate;
  return null;
}

/** The relative modules a file imports or re-exports, types included. */
export function staticImports(file: string, text = readFileSync(file, 'utf8')): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  return source.statements
    .flatMap((s) => (ts.isImportDeclaration(s) || ts.isExportDeclaration(s) ? [s.moduleSpecifier] : []))
    .flatMap((m) => (m && ts.isStringLiteral(m) && m.text.startsWith('.') ? [m.text] : []));
}

/** Every loop in the graph, each once, as the files around it. */
export function findCycles(graph: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): void => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') cycles.push(stack.slice(stack.indexOf(next)));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return cycles;
}

describe('import cycles', () => {
  it('finds a loop, long or short, through type imports too', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['d2']],
      ['d2', []],
    ]);
    expect(findCycles(graph)).toEqual([['a', 'b', 'c']]);
    const text = "import type { A } from './a';\nimport { b } from '../b';\nimport 'c';\nexport * from './d';\nconst f = () => import('./f');";
    expect(staticImports('x.ts', text)).toEqual(['./a', '../b', './d']);
  });

  it('none in electron/, shared/ or the renderer', () => {
    const graph = new Map<string, string[]>();
    for (const folder of FOLDERS)
      for (const file of sourceFiles(join(ROOT, folder)))
        graph.set(
          relative(ROOT, file),
          staticImports(file)
            .map((s) => resolveImport(file, s))
            .filter((f): f is string => f !== null)
            .map((f) => relative(ROOT, f)),
        );
    expect(graph.size).toBeGreaterThan(300);
    expect(findCycles(graph).map((c) => [...c, c[0]].join(' → '))).toEqual([]);
  });
});
