// Lint encodes the architecture: one-way dependencies, pure core, no deep imports.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Each package may import only the packages listed here (see AGENTS.md, "Dependencies point one way").
const allowed = {
  contracts: [],
  core: ['contracts'],
  renderers: ['contracts', 'core'],
  engine: ['contracts', 'core'],
  models: ['contracts', 'core'],
  store: ['contracts', 'core'],
  secrets: ['contracts', 'core'],
  builder: ['contracts', 'core', 'renderers'],
  testing: ['contracts', 'core', 'renderers'],
  api: ['contracts', 'core', 'renderers', 'engine', 'models', 'store', 'secrets', 'builder'],
  client: ['contracts'],
  ui: ['contracts'],
};
const packages = Object.keys(allowed);
const pure = ['contracts', 'core', 'renderers'];

const boundaryRules = packages.map((name) => ({
  files: [`packages/${name}/src/**/*.ts`, `packages/${name}/src/**/*.tsx`],
  ignores: [`packages/${name}/src/**/*.test.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: packages.filter((other) => other !== name && !allowed[name].includes(other)).map((other) => `@agent-generator/${other}`),
            message: `packages/${name} may import only: ${allowed[name].join(', ') || 'nothing of ours'}.`,
          },
          { group: ['@agent-generator/*/*'], message: 'Import a package through its public entry point.' },
          ...(pure.includes(name) ? [{ group: ['node:*', 'fs', 'path', 'child_process', 'http', 'os'], message: `packages/${name} is pure: receive I/O as parameters.` }] : []),
        ],
      },
    ],
    ...(pure.includes(name)
      ? {
          'no-restricted-globals': ['error', { name: 'process', message: 'Pure packages read no environment.' }, { name: 'fetch', message: 'Pure packages do no I/O.' }],
          'no-restricted-properties': [
            'error',
            { object: 'Date', property: 'now', message: 'Pass time in as a parameter.' },
            { object: 'Math', property: 'random', message: 'Pass randomness in as a parameter.' },
          ],
        }
      : {}),
  },
}));

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'examples/**', 'coverage/**', '**/*.py'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly', TextEncoder: 'readonly', TextDecoder: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', AbortController: 'readonly', AbortSignal: 'readonly', Buffer: 'readonly', fetch: 'readonly', Response: 'readonly', Request: 'readonly', structuredClone: 'readonly', performance: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', queueMicrotask: 'readonly', crypto: 'readonly', Headers: 'readonly', ReadableStream: 'readonly' } },
    rules: {
      'max-params': ['error', 3],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  ...boundaryRules,
  {
    // Engine test support, like the tests, uses the loopback server (testing) and the real model adapters (models).
    files: ['packages/engine/src/**/*.test-support.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['@agent-generator/*/*'], message: 'Import a package through its public entry point.' }] }] },
  },
  {
    files: ['**/*.test.ts', 'tests/**/*.ts', 'scripts/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', 'max-params': 'off' },
  },
);
