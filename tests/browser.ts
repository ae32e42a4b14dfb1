import { existsSync } from 'node:fs';

/**
 * The Chromium the end-to-end tests drive. Browsers cannot be downloaded on our build machines, so
 * we use the distribution's Chromium (apt-get install chromium); a developer with Playwright's own
 * browser installed (npx playwright install chromium) gets that one instead.
 */
export const systemChromiumCandidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

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
