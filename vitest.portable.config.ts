import { defineConfig } from 'vitest/config'

/**
 * The tests that need nothing but Node (and git): no Debian docker-registry, no `openssl`, no
 * network, no global test stack. `npm run test:portable` runs them on any OS and architecture
 * (the CI matrix: Windows, macOS, arm64 Linux): the unit tests, and an e2e that signs with a
 * `cert generate-test` chain against an in-process registry and verifies through dist/.
 */
export default defineConfig({
  test: {
    include: ['__tests__/unit/**/*.test.ts', '__tests__/portable/**/*.test.ts'],
    exclude: [
      // These cross-check our bytes with the openssl CLI (independent of our code); they run in
      // the full suite (`npm test`), where the test set-up installs openssl.
      '__tests__/unit/envelope/sign.test.ts',
      '__tests__/unit/timestamp/request.test.ts',
    ],
    pool: 'forks',
    testTimeout: 60_000,
    // RSA key generation for the test PKI takes seconds on a slow runner.
    hookTimeout: 120_000,
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
  },
})
