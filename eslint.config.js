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
    // Dependency direction (style.md §4.2): only the action edge may talk to @actions/*.
    files: ['src/**/*.ts'],
    // src/net/dispatcher.ts: @actions/http-client's proxy rules are the runner's, used as is.
    ignores: ['src/action/**', 'src/azure/oidc.ts', 'src/net/dispatcher.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['@actions/*'], message: 'only src/action/* may import @actions/*' }],
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
          patterns: [{ group: ['@actions/*'], message: 'pure core: no @actions/*' }],
        },
      ],
    },
  },
)
