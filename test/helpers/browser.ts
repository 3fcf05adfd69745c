/**
 * Launching Debian's (or Playwright's) Chromium headless for the end-to-end suite.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { ROOT } from './temp-dir';

/** The Chromium binary chosen by `npm test` (PREFLIGHT_CHROMIUM) or the usual system path. */
export function chromiumPath(): string {
  const fromEnv = process.env.PREFLIGHT_CHROMIUM;
  const candidates = [fromEnv, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter(
    (c): c is string => typeof c === 'string' && c !== '',
  );
  const found = candidates.find((c) => fs.existsSync(c));
  if (!found) {
    throw new Error(
      'No Chromium found for the end-to-end tests. Install one (Debian/Ubuntu: `apt-get install chromium`) or set PREFLIGHT_CHROMIUM to a Chrome/Chromium binary.',
    );
  }
  return found;
}

/** A headless Chromium with the flags this offline machine needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

export const SCREENSHOTS = path.join(ROOT, 'test-results', 'screenshots');

/** Where a screenshot named `name` is saved (the folder is created). */
export function screenshotPath(name: string): string {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return path.join(SCREENSHOTS, `${name}.png`);
}
