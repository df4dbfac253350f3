import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

const engineBans = {
  patterns: [
    { group: ['react', 'react-dom', 'comlink', 'zustand', 'node:*', 'fs', 'path', 'http', 'http2', 'crypto'], message: 'src/engine is pure TypeScript: no UI, worker or Node modules.' },
    { group: ['**/app/**', '**/worker/**', '**/cli/**'], message: 'src/engine must not import from upper layers.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', '.ci'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'warn',
    },
  },
  {
    files: ['src/app/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    files: ['src/engine/**/*.ts'],
    ignores: ['src/engine/**/*.test.ts', 'src/engine/**/*.bench.ts'],
    rules: {
      'no-restricted-imports': ['error', engineBans],
      'no-restricted-properties': ['error',
        { object: 'Math', property: 'random', message: 'Use the seeded Prng (engine/random).' },
        { object: 'Date', property: 'now', message: 'Use the virtual clock (engine/time).' },
        { object: 'performance', property: 'now', message: 'Use the virtual clock (engine/time).' },
      ],
      'no-restricted-globals': ['error', 'setTimeout', 'setInterval', 'document', 'window'],
    },
  },
  {
    files: ['src/worker/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/app/**', 'react', 'react-dom', 'zustand'], message: 'The worker must not import the UI.' }] }] },
  },
);
