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
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [ELECTRON, { name: 'react', message: 'shared/ stays free of React' }],
          patterns: [
            NODE_BUILTINS,
            ELECTRON_GROUP,
            { group: ['react*', '@mantine/*', '**/electron/**', '**/renderer/**', '../*'], message: 'shared/ imports nothing outside itself' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/cli.ts', 'electron/host/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [ELECTRON],
          patterns: [ELECTRON_GROUP, { group: ['**/renderer/**', 'react*', '@mantine/*'], message: 'the main process does not import the renderer' }],
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
