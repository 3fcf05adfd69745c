/**
 * Locating the project's files at run time, from a bundle in out/ or from source.
 */
import fs from 'node:fs';
import path from 'node:path';

/** The nearest folder above `from` holding our package.json. */
export function findProjectRoot(from: string): string {
  let dir = path.resolve(from);
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg)) {
      try {
        if ((JSON.parse(fs.readFileSync(pkg, 'utf8')) as { name?: string }).name === 'preflight') {
          return dir;
        }
      } catch {
        // not ours; keep walking up
      }
    }
    const up = path.dirname(dir);
    if (up === dir) {
      throw new Error(`Cannot find the Preflight project above ${from}`);
    }
    dir = up;
  }
}

export interface RuntimePaths {
  root: string;
  resourcesDir: string;
  workerPath: string;
  rendererDir: string;
  version: string;
}

/** Paths used by the Node entry points (host, CLI). */
export function runtimePaths(from: string): RuntimePaths {
  const root = findProjectRoot(from);
  const version = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
  return {
    root,
    resourcesDir: path.join(root, 'resources'),
    workerPath: path.join(root, 'out', 'node', 'worker.cjs'),
    rendererDir: path.join(root, 'out', 'renderer'),
    version,
  };
}
