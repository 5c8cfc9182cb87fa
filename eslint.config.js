// Layer rules (STYLE.md): a bad import across layers is a failing lint, not a review comment.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'stream', 'url', 'util', 'worker_threads'];
const mainOnly = ['ssh2', 'dockerode', 'ws', 'electron-store'];

const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.mjs', 'testbed/**/*.js', 'scripts/**/*', 'bin/**/*'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['src/shared/**/*.ts'],
    ignores: ['src/shared/**/*.test.ts'],
    rules: restrict(
      ['react', 'react/*', 'react-dom', 'react-dom/*', 'electron', 'electron/*', '@xyflow/*', 'zustand', 'zustand/*', ...nodeBuiltins, ...mainOnly, '**/main/**', '**/renderer/**', '**/preload/**', '**/cli/**'],
      'src/shared is pure TypeScript: no React, Electron, Node built-ins, or other layers.',
    ),
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    rules: restrict(
      ['electron', 'electron/*', ...nodeBuiltins, ...mainOnly, '**/main/**', '**/preload/**', '**/cli/**'],
      'src/renderer talks to main only through the IPC contract in src/shared/ipc; no Electron or Node here.',
    ),
  },
  {
    files: ['src/renderer/**/*.tsx', 'src/renderer/**/use*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: restrict(['**/main/**', '**/renderer/**', 'ssh2', 'dockerode', ...nodeBuiltins], 'the preload exposes the contract and nothing else.'),
  },
  {
    // Services run in plain Node (tests, bridge, CLI); only the thin shell may import electron.
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/shell/**', 'src/main/index.ts'],
    rules: restrict(['electron', 'electron/*', '**/renderer/**'], 'only src/main/shell may import electron; services must run in plain Node.'),
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: restrict(['electron', 'electron/*', '**/renderer/**', 'react', 'react-dom'], 'the CLI runs in plain Node.'),
  },
);
