// Shared steps of `npm start` and `npm run serve`: build what is missing or stale, then run a
// child process in the foreground as if it were this one.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Runs a command to completion with our stdio; exits this process if it fails.
 * @param {string} command
 * @param {string[]} args
 */
export function run(command, args) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) {
    const how = result.error ? result.error.message : `exit code ${result.status ?? result.signal}`;
    console.error(`\`${[path.basename(command), ...args].join(' ')}\` failed (${how}).`);
    process.exit(typeof result.status === 'number' && result.status !== 0 ? result.status : 1);
  }
}

/** Runs a Node script of this project (or of a dependency) with the current Node. */
export function runNode(script, args = []) {
  run(process.execPath, [path.join(ROOT, script), ...args]);
}

/** The CLI, host and worker bundles in out/node (esbuild: about a second, so always rebuilt). */
export function buildNodeBundles() {
  runNode('scripts/build-node.mjs');
}

/** Newest modification time of any file under `dir` (0 when it does not exist). */
function newestMtime(dir) {
  let newest = 0;
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    const time = entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs;
    newest = Math.max(newest, time);
  }
  return newest;
}

/**
 * True when out/renderer is missing or older than what it is built from.
 * The renderer imports shared/, and the lock file changes when a dependency does.
 */
export function rendererIsStale() {
  const built = path.join(ROOT, 'out', 'renderer', 'index.html');
  if (!fs.existsSync(built)) {
    return true;
  }
  const builtAt = fs.statSync(built).mtimeMs;
  const sources = [path.join(ROOT, 'renderer'), path.join(ROOT, 'shared')];
  const files = [path.join(ROOT, 'package-lock.json')].filter((f) => fs.existsSync(f));
  const newest = Math.max(...sources.map(newestMtime), ...files.map((f) => fs.statSync(f).mtimeMs));
  return newest > builtAt;
}

/** Builds out/renderer with Vite when it is missing or stale. */
export function buildRendererIfNeeded() {
  if (rendererIsStale()) {
    runNode('node_modules/vite/bin/vite.js', ['build', '--config', 'renderer/vite.config.ts']);
  }
}

/**
 * Runs `command` in the foreground and exits with its code, like exec.
 * Signals sent to this process (Ctrl+C, kill) are passed on so the child can close its
 * workspace cleanly instead of being orphaned.
 * @param {string} command
 * @param {string[]} args
 * @param {NodeJS.ProcessEnv} [env]
 */
export function runInForeground(command, args, env = process.env) {
  const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      child.kill(signal);
    });
  }
  child.on('error', (err) => {
    console.error(`Could not start ${command}: ${err.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    process.exit(code ?? (signal ? 1 : 0));
  });
}

/** `node out/node/host.cjs ARGV` after building what it serves: the browser version of the app. */
export function serveInBrowser(argv) {
  buildRendererIfNeeded();
  buildNodeBundles();
  runInForeground(process.execPath, [path.join(ROOT, 'out', 'node', 'host.cjs'), ...argv]);
}
