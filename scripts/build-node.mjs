// Bundles the Node-side entry points (CLI, local host, worker) into out/node/ with esbuild.
// Why a bundle: worker_threads cannot load TypeScript, and `npx preflight` must work right
// after `npm install` (this runs as the `prepare` script) without a TypeScript loader.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const entries = {
  cli: 'electron/cli/main.ts',
  host: 'electron/host/main.ts',
  worker: 'electron/core/workers/worker-main.ts',
};

const entryPoints = Object.fromEntries(
  Object.entries(entries).filter(([, file]) => existsSync(path.join(root, file))),
);

await build({
  absWorkingDir: root,
  entryPoints,
  outdir: 'out/node',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  // pdfkit reads its font metrics from files beside its own code, so it stays a require (and
  // so does fontkit, which the PDF renderer hands it fonts parsed by).
  external: ['better-sqlite3', 'electron', 'pdfkit', 'fontkit'],
  logLevel: 'warning',
});
