/**
 * Start-up inputs of the main process that do not need Electron to compute.
 */
import fs from 'node:fs';
import path from 'node:path';

/** The value of `--name VALUE` or `--name=VALUE` in `argv`, if given. */
export function argValue(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === name) {
      return argv[i + 1];
    }
    if (arg?.startsWith(`${name}=`)) {
      return arg.slice(name.length + 1);
    }
  }
  return undefined;
}

/**
 * The better-sqlite3 binary built for this Electron by scripts/electron-native.mjs, if any.
 *
 * `mainDir` is out/main, so the binary sits in out/native/electron-<version>/. A packaged app
 * has none there (its packager rebuilds node_modules for Electron), so undefined lets
 * better-sqlite3 load its own.
 */
export function electronNativeBinding(mainDir: string, electronVersion: string): string | undefined {
  const file = path.join(mainDir, '..', 'native', `electron-${electronVersion}`, 'better_sqlite3.node');
  return fs.existsSync(file) ? file : undefined;
}

/** A start-up failure, worded for the error box, with the fix when it is a known one. */
export function describeStartupError(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  if (message.includes('NODE_MODULE_VERSION')) {
    return `${message}\n\nThe SQLite module is built for Node, not for Electron. Run \`node scripts/electron-native.mjs\` (npm start does) and start again.`;
  }
  return message;
}
