import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['__tests__/**/*.test.ts'],
    globalSetup: ['__tests__/global-setup.ts'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // 2 cores: more workers only add contention with the registry and openssl processes.
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
  },
})
