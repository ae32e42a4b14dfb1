import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// The reliability suite: each file starts the production server on its own database and port.
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['tests/reliability/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    // The PostgreSQL round's template databases, for tests that copy one (createTestDatabase); nothing on SQLite.
    globalSetup: ['tests/support/postgres-global-setup.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
