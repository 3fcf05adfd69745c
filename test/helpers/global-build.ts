/**
 * Vitest global setup: the contract, CLI and e2e suites run the bundled worker/CLI/host, so
 * build them first when the suites are run directly rather than through `npm test`.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export default function setup(): void {
  const root = path.resolve(__dirname, '../..');
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build-node.mjs')], { cwd: root, stdio: 'inherit' });
}
