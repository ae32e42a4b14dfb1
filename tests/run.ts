/**
 * `npm test`: everything, in the order a failure is cheapest to find — type check, unit and
 * integration tests, the production build, end-to-end tests in Chromium with axe, then the
 * reliability suite against the production server.
 * Ends with one line "N passed, N failed" over all the tests that ran.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { systemChromium } from './browser.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name: string) => `${root}node_modules/.bin/${name}`;
const run = (command: string, args: string[], options: SpawnSyncOptions = {}) =>
  spawnSync(command, args, { stdio: 'inherit', cwd: root, ...options }).status ?? 1;

function playwrightChromiumInstalled(): boolean {
  try {
    const out = spawnSync(process.execPath, ['-e', "process.stdout.write(require('playwright-core').chromium.executablePath())"], {
      cwd: root,
      encoding: 'utf8',
    });
    return out.status === 0 && existsSync(out.stdout.trim());
  } catch {
    return false;
  }
}

/** Chromium is a system package: install it where we may (a root shell with apt-get), else say how. */
function ensureChromium(): boolean {
  if (systemChromium() || playwrightChromiumInstalled()) return true;
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (canInstall) {
    console.log('posvet: Chromium is missing; installing the distribution package (apt-get install chromium)…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    run('apt-get', ['update', '-qq'], { env });
    run('apt-get', ['install', '-y', '-qq', 'chromium'], { env });
    if (systemChromium()) return true;
  }
  console.error(
    [
      'posvet: the end-to-end tests need Chromium and none was found.',
      '  Debian/Ubuntu:  sudo apt-get install -y chromium',
      '  or Playwright:  npx playwright install chromium   (needs internet access)',
      '  or point CHROMIUM_PATH at a Chromium or Chrome binary.',
    ].join('\n'),
  );
  return false;
}

/** libfaketime lets a reliability test move the server's clock across a publication boundary. */
function ensureFaketime(): boolean {
  const found = () => ['x86_64', 'aarch64'].some((arch) => existsSync(`/usr/lib/${arch}-linux-gnu/faketime/libfaketime.so.1`));
  if (found()) return true;
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.log('posvet: libfaketime is missing; installing the distribution package (apt-get install libfaketime)…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    run('apt-get', ['update', '-qq'], { env });
    run('apt-get', ['install', '-y', '-qq', 'libfaketime'], { env });
    if (found()) return true;
  }
  console.error('posvet: the reliability tests need libfaketime (Debian/Ubuntu: sudo apt-get install -y libfaketime).');
  return false;
}

function countResults(file: string, kind: 'vitest' | 'playwright'): { passed: number; failed: number } {
  if (!existsSync(file)) return { passed: 0, failed: 0 };
  const report = JSON.parse(readFileSync(file, 'utf8'));
  if (kind === 'vitest') return { passed: report.numPassedTests ?? 0, failed: report.numFailedTests ?? 0 };
  const stats = report.stats ?? {};
  return { passed: stats.expected ?? 0, failed: (stats.unexpected ?? 0) + (stats.flaky ?? 0) };
}

const resultsDir = `${root}test-results`;
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

const steps: Array<[string, () => number]> = [
  ['type check (astro check)', () => run(bin('astro'), ['check'])],
  [
    'unit and integration tests (vitest)',
    () =>
      run(bin('vitest'), [
        'run',
        '--config',
        'tests/vitest.config.ts',
        '--reporter=default',
        '--reporter=json',
        `--outputFile.json=${resultsDir}/unit.json`,
      ]),
  ],
  ['production build (astro build)', () => run(bin('astro'), ['build'])],
  ['browser and clock check', () => (ensureChromium() && ensureFaketime() ? 0 : 1)],
  ['end-to-end tests (Playwright, Chromium, axe)', () => run(bin('playwright'), ['test', '--config', 'tests/playwright.config.ts'])],
  [
    'reliability tests (production server: storms, crashes, malformed input, shutdown, backup)',
    () =>
      run(bin('vitest'), [
        'run',
        '--config',
        'tests/vitest.reliability.config.ts',
        '--reporter=default',
        '--reporter=json',
        `--outputFile.json=${resultsDir}/reliability.json`,
      ]),
  ],
];

let failedStep: string | undefined;
for (const [name, step] of steps) {
  console.log(`\n━━ ${name}`);
  if (step() !== 0) {
    failedStep = name;
    break;
  }
}

const unit = countResults(`${resultsDir}/unit.json`, 'vitest');
const e2e = countResults(`${resultsDir}/e2e.json`, 'playwright');
const reliability = countResults(`${resultsDir}/reliability.json`, 'vitest');
console.log(
  `\nunit: ${unit.passed} passed, ${unit.failed} failed; end-to-end: ${e2e.passed} passed, ${e2e.failed} failed; reliability: ${reliability.passed} passed, ${reliability.failed} failed`,
);
if (failedStep) console.log(`posvet: stopped at: ${failedStep}`);
const passed = unit.passed + e2e.passed + reliability.passed;
const failed = unit.failed + e2e.failed + reliability.failed + (failedStep ? 1 : 0);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failedStep ? 1 : 0;
