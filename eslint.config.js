// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import architecture from './eslint/architecture-plugin.js';

/** @type {import('eslint').Linter.RulesRecord} */
const sourceRules = {
  '@typescript-eslint/no-floating-promises': 'error',
  '@typescript-eslint/consistent-type-imports': 'error',
  '@typescript-eslint/no-explicit-any': 'error',
  '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
  // The dependency rule of docs/ARCHITECTURE.md, for relative and aliased imports alike.
  'architecture/layers': 'error',
  'architecture/no-cycle': 'error',
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts'],
    ignores: ['src/web/**'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { architecture },
    rules: sourceRules,
  },
  {
    // The web app has its own tsconfig (DOM, JSX): the same rules, checked against it.
    files: ['src/web/**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: { project: './tsconfig.web.json', tsconfigRootDir: import.meta.dirname },
    },
    plugins: { architecture },
    rules: sourceRules,
  },
  {
    // Migrations are frozen in time and written against Kysely<any> on purpose.
    files: ['src/db/migrations/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
