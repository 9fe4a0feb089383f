import path from 'node:path'
import { defineConfig } from 'vitest/config'

const e2e = process.env.ATELIER_E2E === '1'

export default defineConfig({
  resolve: {
    alias: { '@payload-config': path.resolve(import.meta.dirname, 'payload.config.ts') },
  },
  test: {
    env: {
      ATELIER_LOG_LEVEL: process.env.ATELIER_LOG_LEVEL ?? 'warn',
      // Limits count in each test database, never in a Redis that every test file would share.
      REDIS_URL: '',
      // No test reaches the ECB: a closed local port unless a test serves its own rates file.
      ATELIER_RATES_URL: 'http://127.0.0.1:9/eurofxref-daily.xml',
      // The REST client plays one proxy: tests choose client addresses with X-Forwarded-For.
      ATELIER_TRUSTED_PROXIES: '1',
      NODE_ENV: 'test',
    },
    exclude: ['node_modules/**', '.next/**', ...(e2e ? [] : ['tests/e2e/**'])],
    globalSetup: ['tests/helpers/globalSetup.ts'],
    setupFiles: ['tests/helpers/perFile.ts'],
    hookTimeout: 180_000,
    include: ['tests/**/*.test.ts'],
    // A worker runs its files in one process, one after another: Payload and the app's modules load once per
    // worker, not once per file (about 4 s each). Each file boots its own app on its own database
    // (tests/helpers/payload.ts) and leaves the environment and the process's caches as it found them
    // (tests/helpers/perFile.ts). e2e files each start servers of their own and stay isolated.
    isolate: e2e,
    // Two files at a time on two cores: a file spends much of its time waiting on PostgreSQL and servers
    // (8 booting files: 266 s with one, 171 s with two). e2e files each run a production server: one.
    maxWorkers: e2e ? 1 : 2,
    pool: 'forks',
    testTimeout: 60_000,
  },
})
