// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';

/**
 * The dependency rule (docs/ARCHITECTURE.md):
 *   cli, server, jobs -> core -> db;  core -> contracts;  web -> contracts only.
 * core never imports a transport; db never imports core; contracts import nothing of ours.
 */
const zones = [
  { target: './src/core', from: ['./src/cli', './src/server', './src/web', './src/jobs'], message: 'core must not import a transport (cli/server/web/jobs).' },
  { target: './src/db', from: ['./src/core', './src/cli', './src/server', './src/web', './src/jobs', './src/contracts'], message: 'db is the bottom layer: it imports nothing of ours.' },
  { target: './src/contracts', from: ['./src/core', './src/db', './src/cli', './src/server', './src/web', './src/jobs'], message: 'contracts are shared schemas: they import nothing of ours.' },
  { target: './src/web', from: ['./src/core', './src/db', './src/server', './src/cli', './src/jobs'], message: 'web talks to the API only, through contracts.' },
  { target: './src/cli', from: ['./src/server', './src/web'], message: 'cli calls core use cases, not the server or web.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver': { node: { conditionNames: ['source', 'import', 'default'] } },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/no-restricted-paths': ['error', { zones }],
      'import-x/no-cycle': ['error', { maxDepth: 6 }],
      // Aliased imports must respect the same rule: name the layers that a folder may not reach.
      'no-restricted-imports': 'off',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['#cli/*', '#server/*', '#web/*', '#jobs/*', 'fastify', 'fastify/*', '@fastify/*', 'react', 'react-dom', 'commander', '@clack/*'], message: 'core must not import transports or UI/CLI libraries.' },
      ] }],
    },
  },
  {
    files: ['src/db/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['#core/*', '#cli/*', '#server/*', '#web/*', '#jobs/*', '#contracts/*'], message: 'db is the bottom layer.' },
      ] }],
    },
  },
  {
    files: ['src/contracts/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['#core/*', '#db/*', '#cli/*', '#server/*', '#web/*', '#jobs/*'], message: 'contracts import nothing of ours.' },
      ] }],
    },
  },
  {
    files: ['src/web/**/*.ts', 'src/web/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['#core/*', '#db/*', '#cli/*', '#server/*', '#jobs/*'], message: 'web talks to the API only, through contracts.' },
      ] }],
    },
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
