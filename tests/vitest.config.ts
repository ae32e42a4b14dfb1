import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // Real argon2 hashing and fsync'd SQLite commits on a 2-core machine: allow for a busy CI.
    testTimeout: 30_000,
  },
});
