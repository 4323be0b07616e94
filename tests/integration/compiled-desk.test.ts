/**
 * The desk compiled for Node (scripts/build-node.mjs) and the renderer's direct package imports
 * (scripts/direct-package-imports.ts): a command starts without loading the packages it does not
 * use, a build is stale exactly when a source is newer, and `import { … } from '@mantine/core'`
 * reaches each component's own module.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DESK_CLI } from '../compiled-desk';
import { isStale, root } from '../../scripts/build-freshness.mjs';
import { barrelMap, rewriteImports } from '../../scripts/direct-package-imports';

const dir = mkdtempSync(join(tmpdir(), 'desk-compiled-'));
const { cacheFileOf } = createRequire(import.meta.url)('../../scripts/code-cache-loader.cjs') as { cacheFileOf: (bundle: string) => string };

describe('the compiled command line', () => {
  it('exports the card key without loading exceljs, the S3 client, pg or nodemailer', () => {
    const preload = join(dir, 'loaded-packages.cjs');
    // Which packages the process loaded, printed as it exits.
    writeFileSync(
      preload,
      `process.on('exit', () => {
        const names = Object.keys(require.cache).map((k) => /node_modules\\/((?:@[^/]+\\/)?[^/]+)/.exec(k)?.[1]).filter(Boolean);
        process.stderr.write('LOADED ' + JSON.stringify([...new Set(names)]) + '\\n');
      });`,
    );
    const r = spawnSync(
      process.execPath,
      ['--require', preload, DESK_CLI, 'card-key', '--out', join(dir, 'key.pem'), '--db', join(dir, 'desk.sqlite')],
      {
        encoding: 'utf8',
        timeout: 60_000,
        env: { ...process.env, MUMARIS_DATA_DIR: join(dir, 'desk-folder'), MUMARIS_DB: '' },
      },
    );
    expect(r.status, r.stderr).toBe(0);
    const loaded = JSON.parse(/LOADED (.*)/.exec(r.stderr)![1]!) as string[];
    expect(loaded).toContain('better-sqlite3');
    // pdf-lib's fonts load with the commands that print (card, export, seed), never with card-key (electron/cli/desk.ts).
    for (const heavy of ['exceljs', '@aws-sdk/client-s3', 'pg', 'nodemailer', '@pdf-lib/standard-fonts', 'tesseract.js'])
      expect(loaded).not.toContain(heavy);
  });
});

describe('build freshness', () => {
  it('is stale when the output is missing or a source is newer, fresh otherwise', () => {
    const sources = join(dir, 'src');
    mkdirSync(join(sources, 'deep'), { recursive: true });
    const source = join(sources, 'deep', 'a.ts');
    const output = join(dir, 'out.js');
    writeFileSync(source, 'x');
    expect(isStale(output, [sources])).toBe(true);
    writeFileSync(output, 'y');
    utimesSync(source, new Date(1_000_000), new Date(1_000_000));
    utimesSync(sources, new Date(1_000_000), new Date(1_000_000));
    utimesSync(join(sources, 'deep'), new Date(1_000_000), new Date(1_000_000));
    expect(isStale(output, [sources])).toBe(false);
    utimesSync(source, new Date(), new Date(Date.now() + 60_000));
    expect(isStale(output, [sources])).toBe(true);
  });
});

describe('direct package imports', () => {
  const map = barrelMap(join(root, 'node_modules', '@mantine', 'core', 'esm', 'index.mjs'));

  it("maps a component to its own module in the package's index", () => {
    expect(map.get('Button')?.file).toMatch(/components\/Button\/Button\.mjs$/);
    expect(map.get('Button')?.imported).toBe('Button');
  });

  it('rewrites named imports, keeps their local names and leaves names the index does not map', () => {
    const code = `import { Button, Modal as Dialog, NotInMantine } from "@mantine/core";\nimport x from 'other';`;
    const out = rewriteImports(code, '@mantine/core', map);
    expect(out).toContain(`import { Button as Button } from ${JSON.stringify(map.get('Button')!.file)};`);
    expect(out).toContain(`import { Modal as Dialog } from ${JSON.stringify(map.get('Modal')!.file)};`);
    expect(out).toContain(`import { NotInMantine } from "@mantine/core";`);
    expect(out).toContain(`import x from 'other';`);
  });
});

describe('the code cache of a compiled bundle (scripts/code-cache-loader.cjs)', () => {
  const loader = join(root, 'scripts', 'code-cache-loader.cjs');
  /** Runs `bundle` through the loader in a new process, as out/cli/desk.js does; answers what the bundle printed and whether the cache served. */
  const run = (bundle: string) => {
    const r = spawnSync(
      process.execPath,
      [
        '-e',
        `const r = require(${JSON.stringify(loader)}).runCached(${JSON.stringify(bundle)}); process.on('exit', () => console.log('FROM CACHE ' + r.fromCache));`,
      ],
      { encoding: 'utf8', timeout: 30_000 },
    );
    expect(r.status, r.stderr).toBe(0);
    return r.stdout;
  };

  it('is made by the first start, serves the next, and a rebuilt bundle never meets the old cache', async () => {
    const folder = join(dir, 'bundle');
    mkdirSync(folder, { recursive: true });
    const bundle = join(folder, 'entry.bundle.js');
    // The bundle's own __dirname and require (relative to itself), and import() of a package as the build leaves it (__deskImport).
    const body = (word: string) =>
      `const { basename } = require('node:path');\nconsole.log('${word} ' + basename(__dirname) + ' ' + (require.main !== module));\n__deskImport('node:os').then((os) => console.log('IMPORTED ' + typeof os.cpus));\n`;
    writeFileSync(bundle, body('first'));
    const first = run(bundle);
    expect(first).toMatch(/first bundle true\nIMPORTED function\nFROM CACHE false/);
    expect(existsSync(cacheFileOf(bundle))).toBe(true);
    expect(run(bundle)).toMatch(/first bundle true\nIMPORTED function\nFROM CACHE true/);

    // Same length, other text, a later time: the old cache is not the new bundle's.
    writeFileSync(bundle, body('other'));
    utimesSync(bundle, new Date(), new Date(Date.now() + 5_000));
    expect(run(bundle)).toMatch(/other bundle true\nIMPORTED function\nFROM CACHE false/);
    expect(run(bundle)).toMatch(/other bundle true\nIMPORTED function\nFROM CACHE true/);
  });

  it("leaves no import() in the desk's bundles, which a cached script could not run (each is the loader's __deskImport)", () => {
    for (const bundle of ['cli/desk.bundle.js', 'host/serve.bundle.js']) {
      const text = readFileSync(join(root, 'out', bundle), 'utf8');
      expect(text).toContain('__deskImport("pdfjs-dist/legacy/build/pdf.mjs")');
      expect(text.replace(/__deskImport\(/g, '')).not.toMatch(/\bimport\(/);
    }
  });
});
