// `npm test`: builds what the suites run against, makes sure a Chromium is there for the
// end-to-end suite, then runs every suite in one vitest run that ends with
// "N passed, N failed".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium } from './lib/find-chromium.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = (cmd, args, opts = {}) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });

function step(label, cmd, args) {
  process.stderr.write(`[test] ${label}\n`);
  const r = run(cmd, args);
  if (r.status !== 0) {
    process.stderr.write(`[test] ${label} failed\n`);
    process.stdout.write('\n0 passed, 1 failed\n');
    process.exit(1);
  }
}

step('building the Node bundles', process.execPath, ['scripts/build-node.mjs']);
step('building the window', process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn']);

let chromium = findChromium();
if (!chromium && process.platform === 'linux' && process.getuid?.() === 0 && fs.existsSync('/usr/bin/apt-get')) {
  process.stderr.write('[test] no Chromium found; installing Debian\'s chromium package (running as root)\n');
  run('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'] });
  run('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  chromium = findChromium();
}
if (chromium) {
  process.stderr.write(`[test] end-to-end tests use ${chromium}\n`);
} else {
  process.stderr.write(
    '[test] No Chromium could be found or installed, so the end-to-end tests will fail.\n' +
      '       Install one (Debian/Ubuntu: `sudo apt-get install chromium`) or point PREFLIGHT_CHROMIUM at a Chrome/Chromium binary.\n',
  );
}

const vitest = path.join(root, 'node_modules/vitest/vitest.mjs');
const r = run(process.execPath, [vitest, 'run', '--reporter=default', '--reporter=./test/summary-reporter.ts', ...process.argv.slice(2)], {
  env: { ...process.env, PREFLIGHT_CHROMIUM: chromium ?? '' },
});
process.exit(r.status ?? 1);
