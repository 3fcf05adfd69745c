/**
 * Whether this machine can run the Electron end-to-end suite, and building what it launches.
 *
 * electron is an optionalDependency: offline (CI) its binary download fails and the package is
 * missing, or present without the binary. The suite then skips and says why.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ROOT } from './temp-dir';

/** The binary to launch, or the reason there is none. */
export type ElectronBinary = { available: true; path: string } | { available: false; reason: string };

/** Looks for the Electron binary the project's `electron` package points to. */
export function findElectronBinary(root: string = ROOT): ElectronBinary {
  const req = createRequire(path.join(root, 'package.json'));
  let binary: unknown;
  try {
    // The package's main export is the binary's path; it throws when the download failed.
    binary = req('electron');
  } catch {
    return { available: false, reason: 'Electron binary not installed (node_modules/electron missing or its download failed)' };
  }
  if (typeof binary !== 'string' || !fs.existsSync(binary)) {
    return { available: false, reason: `Electron binary not installed (${String(binary)} is not on disk)` };
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { available: false, reason: 'no display to open a window on (set DISPLAY, or run under xvfb-run)' };
  }
  return { available: true, path: binary };
}

/** Builds the bundles the window runs and the SQLite binary for Electron's ABI, as `npm start` does. */
export function buildElectronApp(root: string = ROOT): void {
  const node = (script: string, args: string[] = []): void => {
    execFileSync(process.execPath, [path.join(root, script), ...args], { cwd: root, stdio: 'inherit' });
  };
  node('scripts/build-node.mjs');
  node('node_modules/electron-vite/bin/electron-vite.js', ['build']);
  node('scripts/electron-native.mjs');
}

/** Chromium refuses to run as root with its sandbox on (containers, CI). */
export function rootSandboxArgs(): string[] {
  return process.platform === 'linux' && process.getuid?.() === 0 ? ['--no-sandbox'] : [];
}

/**
 * This process's environment plus `extra`, in the string-only shape Playwright takes.
 *
 * ELECTRON_RUN_AS_NODE is dropped: inherited from a parent that runs Electron as Node, it
 * would make the binary skip the app and never open a window.
 */
export function electronEnv(extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && key !== 'ELECTRON_RUN_AS_NODE') {
      env[key] = value;
    }
  }
  return { ...env, ...extra };
}
