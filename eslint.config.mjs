// Lint: strict TypeScript without `any`, and the import rules that keep each runtime layer
// honest (STYLE.md habit 4): shared/ imports no Node, DOM or Electron; electron/core never
// imports electron; renderer/ imports only shared/ and itself; ipcMain and ipcRenderer live
// in exactly one file each.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NODE_MODULES = ['node:*', 'fs', 'path', 'os', 'crypto', 'http', 'stream', 'zlib', 'worker_threads', 'child_process', 'better-sqlite3', 'ws'];

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'bench/tmp/**', 'test-results/**', '**/*.cjs', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'TSAsExpression > TSAnyKeyword', message: 'No casts to any.' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: [...NODE_MODULES, 'electron', 'react', 'react-dom'], message: 'shared/ runs everywhere: no Node, DOM or Electron imports.' },
            { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ depends on nothing but itself.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'process', 'Buffer', 'require'],
    },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/host/**/*.ts', 'electron/cli/**/*.ts', 'electron/node/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The core, the host and the CLI run without Electron.' }],
          patterns: [{ group: ['**/renderer/**', '**/electron/main/**', '**/electron/preload/**'], message: 'Layering: core code never reaches up.' }],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    ignores: ['renderer/vite.config.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: [...NODE_MODULES, 'electron'], message: 'The renderer is a sandboxed web page.' },
            { group: ['**/electron/**'], message: 'The renderer talks to the core only through the IPC contract in shared/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/main/**/*.ts'],
    ignores: ['electron/main/ipc.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', importNames: ['ipcMain'], message: 'ipcMain is used only in electron/main/ipc.ts.' }] }],
    },
  },
  {
    files: ['electron/**/*.ts', 'shared/**/*.ts', 'renderer/**/*.ts', 'renderer/**/*.tsx', 'test/**/*.ts'],
    ignores: ['electron/preload/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'TSAsExpression > TSAnyKeyword', message: 'No casts to any.' },
        { selector: "ImportSpecifier[imported.name='ipcRenderer']", message: 'ipcRenderer is used only in the preload.' },
      ],
    },
  },
);
