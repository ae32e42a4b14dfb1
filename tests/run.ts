/**
 * `npm test`: everything, in the order a failure is cheapest to find — type check, unit and
 * integration tests, the production build, end-to-end tests in Chromium with axe, then the
 * reliability suite against the production server — on SQLite, and then the suites that touch a
 * database again on PostgreSQL: a throwaway cluster started here (tests/support/postgres.ts),
 * handed to every test through TEST_POSTGRES_URL, stopped at the end. A PostgreSQL that is missing
 * or does not start fails the run; it is never skipped.
 *
 * `npm test -- --database sqlite` (or `postgres`) runs one round only, for working on one of them.
 * A failing preparation (check, build, browser, cluster) stops the run; a suite with failing tests
 * does not stop the next one, so each database's results are all there at the end.
 * Ends with one line per database and one line "N passed, N failed" over all the tests that ran.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { headlessShell, systemChromium } from './browser.ts';
import { postgresBin, startCluster, type Cluster } from './support/postgres.ts';
import { countResults, databaseUnitFiles, minutes, type Counts } from './support/suite.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name: string) => `${root}node_modules/.bin/${name}`;
const run = (command: string, args: string[], options: SpawnSyncOptions = {}) =>
  spawnSync(command, args, { stdio: 'inherit', cwd: root, ...options }).status ?? 1;

const chosen = process.argv.includes('--database') ? process.argv[process.argv.indexOf('--database') + 1] : 'both';
if (!['sqlite', 'postgres', 'both'].includes(chosen)) {
  console.error('posvet: --database takes sqlite, postgres or both.');
  process.exit(2);
}

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

/** A distribution package installed where we may (a root shell with apt-get); whether `found` holds after. */
function ensurePackage(name: string, found: () => boolean, why: string): boolean {
  if (found()) return true;
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.log(`posvet: ${name} is missing; installing the distribution package (apt-get install ${name})…`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    run('apt-get', ['update', '-qq'], { env });
    run('apt-get', ['install', '-y', '-qq', name], { env });
    if (found()) return true;
  }
  console.error(why);
  return false;
}

/**
 * Chromium is a system package: its headless shell (tests/browser.ts: about half the CPU of the
 * full browser) installed where we may, else the full browser if there is one, else say how.
 */
function ensureChromium(): boolean {
  if (!process.env.CHROMIUM_PATH && !existsSync(headlessShell) && systemChromium()) {
    // Optional: without the shell, the full browser does the same work more slowly.
    ensurePackage(
      'chromium-headless-shell',
      () => existsSync(headlessShell),
      'posvet: the end-to-end tests run on the full Chromium, which needs about twice the CPU of its headless shell (Debian/Ubuntu: sudo apt-get install -y chromium-headless-shell).',
    );
    return true;
  }
  return ensurePackage(
    'chromium-headless-shell',
    () => !!systemChromium() || playwrightChromiumInstalled(),
    [
      'posvet: the end-to-end tests need Chromium and none was found.',
      '  Debian/Ubuntu:  sudo apt-get install -y chromium-headless-shell   (or chromium)',
      '  or Playwright:  npx playwright install chromium   (needs internet access)',
      '  or point CHROMIUM_PATH at a Chromium or Chrome binary.',
    ].join('\n'),
  );
}

/** libfaketime lets a reliability test move the server's clock across a publication boundary. */
const ensureFaketime = () =>
  ensurePackage(
    'libfaketime',
    () => ['x86_64', 'aarch64'].some((arch) => existsSync(`/usr/lib/${arch}-linux-gnu/faketime/libfaketime.so.1`)),
    'posvet: the reliability tests need libfaketime (Debian/Ubuntu: sudo apt-get install -y libfaketime).',
  );

const resultsDir = `${root}test-results`;
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

type Round = 'sqlite' | 'postgres';
const roundNames: Record<Round, string> = { sqlite: 'SQLite', postgres: 'PostgreSQL' };
const suffix = (round: Round) => (round === 'sqlite' ? '' : '-postgres');

interface Step {
  name: string;
  /** A suite: its failing tests are counted, and the run goes on to the next step. */
  suite?: 'unit' | 'e2e' | 'reliability';
  run: () => number | Promise<number>;
}

let cluster: Cluster | undefined;
/** The environment of a round's suites: the cluster's address in the PostgreSQL round, nothing on SQLite. */
const roundEnv = (round: Round) => {
  const env = { ...process.env };
  delete env.TEST_POSTGRES_URL;
  delete env.DATABASE_URL;
  return round === 'postgres' ? { ...env, TEST_POSTGRES_URL: cluster!.url } : env;
};

const vitest = (round: Round, config: string, report: string, files: string[] = []) =>
  run(bin('vitest'), ['run', '--config', config, '--reporter=default', '--reporter=json', `--outputFile.json=${resultsDir}/${report}${suffix(round)}.json`, ...files], { env: roundEnv(round) });

function suites(round: Round): Record<'unit' | 'e2e' | 'reliability', Step> {
  const on = ` on ${roundNames[round]}`;
  return {
    unit: {
      name: `unit and integration tests (vitest)${on}`,
      suite: 'unit',
      // Pure unit tests need not run twice: on PostgreSQL, the files that use a database.
      run: () => vitest(round, 'tests/vitest.config.ts', 'unit', round === 'postgres' ? databaseUnitFiles(root) : []),
    },
    e2e: {
      name: `end-to-end tests (Playwright, Chromium${round === 'sqlite' ? ', axe' : ''})${on}`,
      suite: 'e2e',
      run: () => run(bin('playwright'), ['test', '--config', 'tests/playwright.config.ts'], { env: roundEnv(round) }),
    },
    reliability: {
      name: `reliability tests (production server: storms, crashes, malformed input, shutdown, backup)${on}`,
      suite: 'reliability',
      run: () => vitest(round, 'tests/vitest.reliability.config.ts', 'reliability'),
    },
  };
}

const clusterStep: Step = {
  name: 'PostgreSQL: a throwaway cluster',
  run: async () => {
    const why = 'posvet: the PostgreSQL round needs PostgreSQL and none was found (Debian/Ubuntu: sudo apt-get install -y postgresql).';
    if (!ensurePackage('postgresql', () => !!postgresBin(), why)) return 1;
    try {
      cluster = await startCluster();
      console.log(`posvet: PostgreSQL cluster at ${cluster.url}`);
      return 0;
    } catch (error) {
      console.error(`posvet: the PostgreSQL round cannot run: ${(error as Error).message}`);
      return 1;
    }
  },
};

const rounds: Round[] = chosen === 'both' ? ['sqlite', 'postgres'] : [chosen as Round];
const sqlite = rounds.includes('sqlite') ? suites('sqlite') : undefined;
const postgres = rounds.includes('postgres') ? suites('postgres') : undefined;
const steps: Step[] = [
  { name: 'type check (astro check)', run: () => run(bin('astro'), ['check']) },
  ...(sqlite ? [sqlite.unit] : []),
  { name: 'production build (astro build)', run: () => run(bin('astro'), ['build']) },
  { name: 'browser and clock check', run: () => (ensureChromium() && ensureFaketime() ? 0 : 1) },
  ...(sqlite ? [sqlite.e2e, sqlite.reliability] : []),
  ...(postgres ? [clusterStep, postgres.unit, postgres.e2e, postgres.reliability] : []),
];

// Interrupted (the suite's child gets the signal too): the cluster goes with the run.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    cluster?.stop();
    process.exit(130);
  });
}

const times: Array<[string, number]> = [];
const failedSteps: string[] = [];
try {
  for (const step of steps) {
    console.log(`\n━━ ${step.name}`);
    const started = Date.now();
    const status = await step.run();
    times.push([step.name, Date.now() - started]);
    if (status === 0) continue;
    failedSteps.push(step.name);
    if (!step.suite) break;
  }
} finally {
  cluster?.stop();
}

const reportOf = (suite: 'unit' | 'e2e' | 'reliability', round: Round): Counts =>
  countResults(`${resultsDir}/${suite}${suffix(round)}.json`, suite === 'e2e' ? 'playwright' : 'vitest');
let passed = 0;
// A failed preparation counts as one failure; so does a suite that failed without a failing test (it did not run).
let failed = 0;
for (const name of failedSteps) {
  const step = steps.find((s) => s.name === name)!;
  const round = step === postgres?.[step.suite!] ? 'postgres' : 'sqlite';
  if (!step.suite || reportOf(step.suite, round).failed === 0) failed++;
}
console.log('\nstep times:');
for (const [name, ms] of times) console.log(`  ${minutes(ms).padStart(6)}  ${name}`);
console.log(`  ${minutes(times.reduce((sum, [, ms]) => sum + ms, 0)).padStart(6)}  in all`);
console.log('');
for (const round of rounds) {
  const [unit, e2e, reliability] = (['unit', 'e2e', 'reliability'] as const).map((suite) => reportOf(suite, round));
  passed += unit.passed + e2e.passed + reliability.passed;
  failed += unit.failed + e2e.failed + reliability.failed;
  console.log(
    `${roundNames[round]} — unit: ${unit.passed} passed, ${unit.failed} failed; end-to-end: ${e2e.passed} passed, ${e2e.failed} failed; reliability: ${reliability.passed} passed, ${reliability.failed} failed`,
  );
}
if (failedSteps.length) console.log(`posvet: failed: ${failedSteps.join('; ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failedSteps.length ? 1 : 0;
