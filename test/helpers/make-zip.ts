import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** Zips `files` (paths) into `zipPath` with the `zip` command, storing names only (-j). */
export function zipFiles(zipPath: string, files: string[]): string {
  execFileSync('zip', ['-q', '-j', '-6', zipPath, ...files], { cwd: path.dirname(zipPath) });
  return zipPath;
}
