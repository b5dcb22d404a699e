// @ts-check
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.testbed/**', 'eslint.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    // Dependency direction: the edges (src/action, src/cli) import the core, never the reverse;
    // the typed config both edges share lives in src/config.
    // Only the action edge may talk to @actions/* (style.md §4.2); src/azure/oidc.ts reads the
    // runner's OIDC token and src/net/dispatcher.ts uses @actions/http-client's proxy rules as is.
    files: ['src/**/*.ts'],
    ignores: ['src/action/**', 'src/cli/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@actions/*'], message: 'only src/action/* may import @actions/*' },
            { group: ['**/action/*', '**/cli/*'], message: 'the core must not import an edge' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/azure/oidc.ts', 'src/net/dispatcher.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/action/*', '**/cli/*'], message: 'the core must not import an edge' },
          ],
        },
      ],
    },
  },
  {
    // Pure core: no I/O, no ambient time or environment.
    files: [
      'src/cose/**',
      'src/jws/**',
      'src/envelope/**',
      'src/x509/**',
      'src/verify/policy*.ts',
      'src/notary/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['node:fs', 'node:fs/promises', 'node:http', 'node:https', 'node:child_process'],
          patterns: [
            { group: ['@actions/*'], message: 'pure core: no @actions/*' },
            { group: ['**/action/*', '**/cli/*'], message: 'the core must not import an edge' },
          ],
        },
      ],
    },
  },
)
