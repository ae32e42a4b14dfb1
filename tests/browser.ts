import { existsSync } from 'node:fs';

/**
 * The Chromium the end-to-end tests drive. Browsers cannot be downloaded on our build machines, so
 * we use the distribution's: its headless shell (apt-get install chromium-headless-shell) where it
 * is installed, else the full browser (apt-get install chromium); a developer with Playwright's own
 * browser installed (npx playwright install chromium) gets that one instead.
 *
 * The headless shell is what Playwright itself runs headless tests on, and it is much lighter than
 * the full browser in headless mode: the same 31 journeys took 135 CPU-seconds and 72 s instead of
 * 238 CPU-seconds and 122 s on our 2-core machine, where the browser is most of the suite's work.
 */
export const headlessShell = '/usr/bin/chromium-headless-shell';
export const systemChromiumCandidates = [headlessShell, '/usr/bin/chromium', '/usr/bin/chromium-browser'];

export function systemChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return fromEnv;
  return systemChromiumCandidates.find((path) => existsSync(path));
}

/** Flags for a headless run on a machine without internet access. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-gpu',
  '--no-first-run',
];
