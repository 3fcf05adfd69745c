/**
 * Vite build of the renderer: root is this folder, output goes to out/renderer.
 *
 * `base: './'` keeps asset URLs relative, so the same build loads from the local host at `/`
 * and from a file or custom protocol inside Electron.
 */
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: './',
  plugins: [react()],
  resolve: {
    alias: { '@shared': fileURLToPath(new URL('../shared', import.meta.url)) },
  },
  build: {
    outDir: fileURLToPath(new URL('../out/renderer', import.meta.url)),
    emptyOutDir: true,
    // Electron 39 and current Chromium; no need to down-level for older browsers.
    target: 'chrome130',
    sourcemap: true,
    // Inlined assets would become data: URLs for scripts/styles, which the CSP forbids.
    assetsInlineLimit: 0,
  },
});
