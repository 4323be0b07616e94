// The layers of architecture.md are lint errors, not a matter of memory.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

const NODE_BUILTINS = {
  group: ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http'],
  message: 'this layer runs in the browser: no Node built-ins',
};
const ELECTRON = { name: 'electron', message: 'only electron/main and electron/preload may import electron' };
const ELECTRON_GROUP = { group: ['electron', 'electron/*'], message: 'only electron/main and electron/preload may import electron' };
/** What no file of the main process imports: Electron (outside main/ and preload/) and the renderer. */
const MAIN_PROCESS = [
  ELECTRON_GROUP,
  { group: ['**/renderer/**', 'react*', '@mantine/*'], message: 'the main process does not import the renderer' },
];
/** The core sits below the Electron shell, the host and the command line: they call it, it never calls them. */
const CORE_ONLY = {
  group: ['**/main/**', '**/host/**', '**/cli/**', '**/preload/**'],
  message: 'electron/core never imports main/, host/, cli/ or preload/',
};
/** Rules and the calendar they count in: the same facts give the same outcome, whatever the machine or the database. */
const PURE = {
  group: ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'kysely', 'better-sqlite3', 'pg', '**/db', '**/db/**'],
  message: 'rules/ and time/ are pure functions: no Node built-ins, no database',
};

/** shared/ imports nothing outside itself; `outside` is the relative path that leaves it from the file's folder. */
const sharedImports = (outside) => [
  'error',
  {
    paths: [ELECTRON, { name: 'react', message: 'shared/ stays free of React' }],
    patterns: [
      NODE_BUILTINS,
      ELECTRON_GROUP,
      { group: ['react*', '@mantine/*', '**/electron/**', '**/renderer/**', outside], message: 'shared/ imports nothing outside itself' },
    ],
  },
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.data/**', 'test-results/**', 'playwright-report/**', 'bench/.cache/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'notes and names are never rendered as HTML' },
      ],
    },
  },
  { files: ['shared/*.ts'], rules: { 'no-restricted-imports': sharedImports('../*') } },
  // One folder down (shared/contract/, shared/domain/), `..` is still shared/.
  { files: ['shared/*/**/*.ts'], rules: { 'no-restricted-imports': sharedImports('../../*') } },
  {
    files: ['electron/core/**/*.ts', 'electron/cli/**/*.ts', 'electron/host/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [ELECTRON],
          patterns: MAIN_PROCESS,
        },
      ],
    },
  },
  { files: ['electron/core/**/*.ts'], rules: { 'no-restricted-imports': ['error', { paths: [ELECTRON], patterns: [...MAIN_PROCESS, CORE_ONLY] }] } },
  {
    files: ['electron/core/rules/**/*.ts', 'electron/core/time/**/*.ts'],
    ignores: ['**/*.test.ts', '**/testing/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [ELECTRON], patterns: [...MAIN_PROCESS, CORE_ONLY, PURE] }] },
  },
  {
    // Test helpers live in testing/ folders (or *.fixtures.ts) and only tests use them. typescript-eslint's copy of
    // the rule, so that this block adds to the layers' no-restricted-imports above instead of replacing it.
    // bench/ and tests/ are harnesses, not the product: they may use the helpers.
    files: ['electron/**/*.ts', 'shared/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}', '**/testing/**', '**/*.fixtures.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/testing', '**/testing/**', '**/*.fixtures'], message: 'test helpers are for tests: production code never imports them' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': [
        'error',
        {
          paths: [ELECTRON],
          patterns: [
            NODE_BUILTINS,
            ELECTRON_GROUP,
            { group: ['**/electron/**', 'better-sqlite3', 'kysely'], message: 'the renderer talks only to the contract client and shared/' },
          ],
        },
      ],
    },
  },
);
