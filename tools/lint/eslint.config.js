/**
 * ESLint for the whole repository (`pnpm lint`, run first by `pnpm test`). Flat config:
 * JavaScript and typescript-eslint's recommended rules, eslint-plugin-lit for templates and
 * eslint-plugin-wc for custom elements. Formatting is Prettier's job, not ESLint's.
 */
import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'storybook-static/**',
      'test/.results/**',
      'test/visual/**',
      '**/custom-elements.json',
      'packages/server/contract/**',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      // A `let` read by a closure before its one assignment (a server's handler, set once it listens) stays `let`.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      // `_` marks a parameter kept for its position (a callback's signature).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // Chai's assertions are property reads (`expect(x).to.exist`).
      '@typescript-eslint/no-unused-expressions': 'off',
    },
  },
  {
    files: ['packages/element/src/**/*.ts', 'packages/server/src/inbox/**/*.ts', 'stories/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['packages/element/src/**/*.ts', 'packages/server/src/inbox/**/*.ts'],
    ...wc.configs['flat/recommended'],
  },
);
