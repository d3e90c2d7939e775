import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';

// Layer rules from DESIGN.md, enforced here (like VS Code's layer check):
// core imports nothing from api/main/host/renderer; renderer imports only types from the
// contract (and values only from electron/core/common, which is pure); only main and preload
// import 'electron'.
const noElectron = { name: 'electron', message: "Only electron/main and electron/preload may import 'electron'." };

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'native/**', 'node_modules/**', '.tmp*/**', 'tests/.artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-empty': ['error', { allowEmptyCatch: true }],
      // U+3000 (全角空格) in strings and patterns is data here: the importer exists to handle it.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipRegExps: true, skipTemplates: true, skipComments: true }],
    },
  },
  {
    // Type-aware rules: a promise handed to something that ignores it (an onClick, a listener)
    // loses its rejection; an assertion the types already guarantee hides the next real change.
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'tests/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/set-state-in-effect': 'off',
      // We do not run the React Compiler; TanStack Virtual is fine without memoisation.
      'react-hooks/incompatible-library': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [noElectron, { name: 'better-sqlite3', message: 'SQL lives in electron/core/store.' }],
          patterns: [
            {
              group: [
                '**/electron/core/*',
                '**/electron/core/**',
                '!**/electron/core/common',
                '!**/electron/core/common/**',
                '**/electron/main/**',
                '**/electron/host/**',
                '**/electron/preload/**',
              ],
              message: 'The renderer talks to the back end only through the API (electron/core/common is shared).',
            },
            { group: ['**/electron/api/*', '!**/electron/api/contract'], message: 'The renderer imports only types from electron/api/contract.' },
            { group: ['**/electron/api/contract'], allowTypeImports: true, message: 'Import only types from the contract (import type …).' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            { group: ['**/api/*', '**/api/**', '**/main/**', '**/host/**', '**/renderer/**', '**/preload/**'], message: 'electron/core is the bottom layer.' },
          ],
        },
      ],
    },
  },
  {
    // Shared with the renderer: plain data and types, so nothing that needs Node, SQLite or Electron.
    files: ['electron/core/common/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            noElectron,
            { name: 'better-sqlite3', message: 'electron/core/common is shared with the renderer: no SQLite.' },
            ...builtinModules.map((name) => ({ name, message: 'electron/core/common is shared with the renderer: no Node built-ins.' })),
          ],
          patterns: [
            { group: ['node:*'], message: 'electron/core/common is shared with the renderer: no Node built-ins.' },
            { group: ['../*', '../**', '**/electron/**', '**/renderer/**'], message: 'electron/core/common imports only from electron/core/common.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/api/**/*.ts', 'electron/host/**/*.ts', 'electron/cli.ts', 'electron/cli/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { paths: [noElectron] }] },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/core/store/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'better-sqlite3', message: 'SQL lives in electron/core/store.' }] }],
    },
  },
);
