// Finding the Electron binary, if this machine has one.
// electron is an optionalDependency: its package may be missing, or present without the binary
// when the postinstall download failed. Its main export is the binary's path and throws in the
// second case, so both show up here as "not installed" with the reason.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The Electron binary for the project at `root`.
 * @param {string} root
 * @returns {{ path: string, version: string } | { path: null, reason: string }}
 */
export function electronBinary(root) {
  const require = createRequire(path.join(root, 'package.json'));
  let pkgFile;
  try {
    pkgFile = require.resolve('electron/package.json');
  } catch {
    return { path: null, reason: 'node_modules/electron is missing' };
  }
  let binary;
  try {
    binary = require('electron');
  } catch (err) {
    return { path: null, reason: `its download failed: ${err instanceof Error ? err.message : String(err)}` };
  }
  if (typeof binary !== 'string' || !fs.existsSync(binary)) {
    return { path: null, reason: `the binary it names is not on disk (${String(binary)})` };
  }
  const version = JSON.parse(fs.readFileSync(pkgFile, 'utf8')).version;
  return { path: binary, version };
}

/**
 * Chromium refuses to start as root unless its sandbox is off; say so rather than fail.
 * @returns {string[]}
 */
export function rootSandboxArgs() {
  if (process.platform === 'linux' && process.getuid?.() === 0) {
    console.warn('Running as root: starting Electron with --no-sandbox (Chromium requires it for root).');
    return ['--no-sandbox'];
  }
  return [];
}
