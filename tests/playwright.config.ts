import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, systemChromium } from './browser.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

// A fresh directory per run, handed to the workers through the environment. Each worker starts its
// own production server there, with a database of its own, on port E2E_PORT + its parallel index
// (the `server` fixture in e2e/fixtures.ts), so tests never see another worker's writes.
process.env.POSVET_E2E_DIR ??= mkdtempSync(join(tmpdir(), 'posvet-e2e-'));
process.env.E2E_PORT ??= '4329';
// The PostgreSQL round (TEST_POSTGRES_URL: tests/run.ts's cluster) keeps its results beside SQLite's.
const round = process.env.TEST_POSTGRES_URL ? '-postgres' : '';

export default defineConfig({
  testDir: './e2e',
  outputDir: join(root, `test-results/e2e${round}`),
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // A journey with an axe scan on each page takes 10–40 s on a busy 2-core machine; a timeout is a
  // safety net, not a measure (timing goals live in npm run bench).
  timeout: 120_000,
  workers: 2,
  reporter: [['list'], ['json', { outputFile: join(root, `test-results/e2e${round}.json`) }]],
  use: {
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: systemChromium(),
      args: chromiumArgs,
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
});
