/**
 * electron-vite build of the window app: out/main (main process + worker), out/preload,
 * out/renderer.
 *
 * The Node-only bundles for the CLI and the local host are built separately by
 * scripts/build-node.mjs; this config only covers what runs inside Electron.
 */
import fs from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { mergeConfig } from 'vite';
import rendererConfig from './renderer/vite.config';

const root = __dirname;

pinElectronVersionWhenAbsent();

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      // Pure-JS dependencies are bundled (as scripts/build-node.mjs does); only the native
      // module stays a require, so it can load the Electron build of its binary.
      externalizeDeps: false,
      rollupOptions: {
        input: {
          index: resolve(root, 'electron/main/index.ts'),
          // The core starts worker threads from out/main/worker.js (see electron/main/index.ts).
          worker: resolve(root, 'electron/core/workers/worker-main.ts'),
        },
        // pdfkit reads its font metrics from files beside its own code, so it stays a require.
        external: ['better-sqlite3', 'pdfkit', 'fontkit'],
        output: { format: 'cjs', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      // A sandboxed preload can require nothing but 'electron' (and a few builtins), so zod and
      // the contract it checks names against must be inside the one output file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].js', inlineDynamicImports: true },
      },
    },
  },
  // The same settings as `npm run build:renderer`; electron-vite only needs the entry named,
  // since it looks for one under src/renderer by default.
  renderer: mergeConfig(rendererConfig, {
    build: { rollupOptions: { input: resolve(root, 'renderer/index.html') } },
  }),
});

/**
 * Tells electron-vite which Electron to target when node_modules/electron is missing.
 *
 * electron-vite reads the major version from electron/package.json to pick its node/chrome
 * build targets and throws when the optional package failed to install. The version pinned in
 * our package.json is the one that would be installed, so the output is the same either way.
 */
function pinElectronVersionWhenAbsent(): void {
  if (process.env.ELECTRON_MAJOR_VER || fs.existsSync(resolve(root, 'node_modules/electron/package.json'))) {
    return;
  }
  const pkg = JSON.parse(fs.readFileSync(resolve(root, 'package.json'), 'utf8')) as {
    optionalDependencies?: Record<string, string>;
  };
  const major = /\d+/.exec(pkg.optionalDependencies?.electron ?? '')?.[0];
  if (major) {
    process.env.ELECTRON_MAJOR_VER = major;
  }
}
