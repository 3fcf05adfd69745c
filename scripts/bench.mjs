// `npm run bench`: bundles bench/*.bench.ts with esbuild and runs each in turn.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
spawnSync(process.execPath, [path.join(root, 'scripts/build-node.mjs')], { stdio: 'inherit' });
// `npm run bench -- csv-import` runs only the benchmarks whose file name contains the word.
const only = process.argv.slice(2);
const benches = fs
  .readdirSync(path.join(root, 'bench'))
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((w) => f.includes(w)));
for (const b of benches) {
  const out = path.join(root, 'out', 'bench', b.replace(/\.ts$/, '.cjs'));
  await build({ entryPoints: [path.join(root, 'bench', b)], outfile: out, bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['better-sqlite3', 'pdfkit', 'fontkit'], logLevel: 'warning' });
  // Run from bench/ so __dirname-relative paths in the bench resolve to the project.
  const r = spawnSync(process.execPath, [out], { stdio: 'inherit', cwd: root, env: { ...process.env } });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
