// Every file's environment is a lint rule, not a review comment: shared/ is pure, only the composition root and
// the preload touch Electron, and the renderer reaches neither Node nor Electron.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const restrict = (patterns, message) => ['error', { patterns: patterns.map((group) => ({ group: [group], message })) }];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'test-results/**', 'playwright-report/**', 'node_modules/**', 'tools/**/node_modules/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // No import cycles anywhere: a cycle means two modules that cannot be understood, or changed, one at a time.
    files: ['shared/**/*.ts', 'renderer/src/**/*.{ts,tsx}', 'electron/**/*.ts', 'cli/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: { ...importX.flatConfigs.typescript.settings, 'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })] },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js', 'scripts/**/*.ts', 'tests/**/*.ts', '*.config.ts', 'renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        ['electron', 'node:*', 'fs', 'path', 'react', 'react-dom', 'dexie', '**/renderer/**', '**/electron/**'],
        'shared/ is pure TypeScript: no Node, DOM, Electron, React or storage.',
      ),
    },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Advice for the React Compiler, which this project does not use.
      'react-hooks/incompatible-library': 'off',
      'no-restricted-imports': restrict(['electron', 'node:*', '**/electron/**'], 'The renderer is sandboxed: it reaches the shell only through the bridge.'),
    },
  },
  {
    // Pages and their parts show and ask; the store is read through the application layer's useStored and the
    // store's own functions, never by reaching into its tables.
    files: ['renderer/src/features/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'node:*', '**/electron/**'], message: 'The renderer is sandboxed: it reaches the shell only through the bridge.' },
            { group: ['dexie', 'dexie-react-hooks'], message: 'Read the store through app/useStored and the store functions, not Dexie.' },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='db'][property.name=/^(cases|blocks|blockKeys|allocations|staff|sources|audit|auditRows|signers|backups|backupData|settings|transaction|table|tables)$/]",
          message: 'Components and workers do not reach into the store: call a store function or the application layer.',
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main.ts', 'electron/preload.ts'],
    rules: {
      'no-restricted-imports': restrict(['electron'], 'Only the composition root (main.ts) and the preload import electron; inject what you need.'),
    },
  },
);
