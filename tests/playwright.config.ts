import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, systemChromium } from './browser.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const port = Number(process.env.E2E_PORT ?? 4329);

// A fresh database per run, shared with the workers through the environment.
process.env.POSVET_E2E_DB ??= join(mkdtempSync(join(tmpdir(), 'posvet-e2e-')), 'posvet.sqlite');

export default defineConfig({
  testDir: './e2e',
  outputDir: join(root, 'test-results/e2e'),
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // A journey with an axe scan on each page takes 10–40 s on a busy 2-core machine; a timeout is a
  // safety net, not a measure (timing goals live in npm run bench).
  timeout: 120_000,
  workers: 2,
  reporter: [['list'], ['json', { outputFile: join(root, 'test-results/e2e.json') }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: systemChromium(),
      args: chromiumArgs,
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    // The production build, served the way `npm start` serves it (the test runner builds first).
    command: 'node src/cli/start.ts --no-build',
    cwd: root,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATABASE_PATH: process.env.POSVET_E2E_DB,
      MAIL_DIR: join(process.env.POSVET_E2E_DB, '..', 'mail'),
      NODE_ENV: 'test',
    },
  },
});
