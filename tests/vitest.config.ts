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
  },
});
