import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // The PostgreSQL round's template databases (nothing on SQLite).
    globalSetup: ['tests/support/postgres-global-setup.ts'],
    // Real argon2 hashing and fsync'd SQLite commits on a 2-core machine: allow for a busy CI.
    testTimeout: 30_000,
    // A file per core. Vitest's default leaves one core out (one worker on CI's two), and much of a
    // database test's time is spent waiting on its database: with both, the SQLite round took
    // 3:12 instead of 5:47 and the PostgreSQL round 4:54 instead of 9:42. Each test has its own
    // database, so files never share state.
    maxWorkers: '100%',
  },
});
