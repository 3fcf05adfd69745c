/**
 * Running the built `preflight` command as a user does: a real process on a real workspace file,
 * with its own app-data folder so recent workspaces never leak between tests.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect } from 'vitest';
import { ROOT } from './temp-dir';

/** The command's entry point (built by the suites' global set-up). */
export const CLI_BIN = path.join(ROOT, 'bin', 'preflight.cjs');

/** What one run of the command gave. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `preflight --workspace WS …args`, app data under `dir/appdata`. */
export function runCli(ws: string, dir: string, args: readonly string[]): CliRun {
  const r = spawnSync(process.execPath, [CLI_BIN, '--workspace', ws, ...args], { encoding: 'utf8', env: { ...process.env, PREFLIGHT_APP_DATA: path.join(dir, 'appdata') } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** The one JSON object a `--json` run prints (CLI.md: exactly one line). */
export function oneJson(stdout: string): Record<string, unknown> {
  const lines = stdout.trim().split('\n');
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0] as string) as Record<string, unknown>;
}
