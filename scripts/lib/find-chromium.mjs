// Finds a Chromium for the end-to-end tests without ever downloading a browser build:
// PREFLIGHT_CHROMIUM, then Playwright's own cache, then the system's packages.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function findChromium(env = process.env) {
  const candidates = [];
  if (env.PREFLIGHT_CHROMIUM) candidates.push(env.PREFLIGHT_CHROMIUM);
  const cache = env.PLAYWRIGHT_BROWSERS_PATH || path.join(os.homedir(), '.cache', 'ms-playwright');
  try {
    for (const dir of fs.readdirSync(cache).filter((d) => d.startsWith('chromium')).sort().reverse()) {
      for (const sub of ['chrome-linux/chrome', 'chrome-linux64/chrome', 'chrome-headless-shell-linux64/chrome-headless-shell']) {
        candidates.push(path.join(cache, dir, sub));
      }
    }
  } catch {
    // no Playwright cache
  }
  candidates.push('/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable');
  return candidates.find((c) => {
    try {
      fs.accessSync(c, fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  }) ?? null;
}
