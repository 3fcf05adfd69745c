/**
 * Where Preflight keeps its files when the user does not say otherwise.
 *
 * Mirrors Electron's `app.getPath('userData')` for an app named "Preflight", so the window, the
 * local host and the CLI all open the same default workspace without importing electron.
 */
import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'Preflight';
export const DEFAULT_WORKSPACE_FILE = 'workspace.preflight.db';

/** The per-user application data folder (created lazily by whoever writes into it). */
export function defaultAppDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.PREFLIGHT_APP_DATA) {
    return path.resolve(env.PREFLIGHT_APP_DATA);
  }
  const home = os.homedir();
  if (platform === 'win32') {
    return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_NAME);
  }
  if (platform === 'darwin') {
    return path.join(home, 'Library', 'Application Support', APP_NAME);
  }
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_NAME);
}

/** `--workspace FILE`, else `PREFLIGHT_WORKSPACE`, else the app-data default. */
export function resolveWorkspacePath(
  flag: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  appDataDir: string = defaultAppDataDir(env),
): { path: string; isDefault: boolean } {
  if (flag) {
    return { path: path.resolve(flag), isDefault: false };
  }
  if (env.PREFLIGHT_WORKSPACE) {
    return { path: path.resolve(env.PREFLIGHT_WORKSPACE), isDefault: false };
  }
  return { path: path.join(appDataDir, DEFAULT_WORKSPACE_FILE), isDefault: true };
}
