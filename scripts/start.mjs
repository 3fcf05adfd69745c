// `npm start [-- --workspace FILE]`: Preflight in its Electron window where this machine has an
// Electron binary; otherwise the same app in the browser through the local host, saying why.
import { buildNodeBundles, ROOT, runInForeground, runNode, serveInBrowser } from './lib/build-if-needed.mjs';
import { electronBinary, rootSandboxArgs } from './lib/electron-binary.mjs';

const argv = process.argv.slice(2);
const electron = electronBinary(ROOT);

if (electron.path) {
  // The worker and CLI bundles first (cheap), then the window app, then the SQLite binary for
  // Electron's ABI: out/main/index.js looks for it in out/native/electron-<version>/.
  buildNodeBundles();
  runNode('node_modules/electron-vite/bin/electron-vite.js', ['build']);
  runNode('scripts/electron-native.mjs');
  const env = { ...process.env };
  // Set in the environment, this would make the binary behave as plain Node.
  delete env.ELECTRON_RUN_AS_NODE;
  runInForeground(electron.path, [...rootSandboxArgs(), ROOT, ...argv], env);
} else {
  console.log(
    'The Electron binary is not installed on this machine (its download failed or was skipped), ' +
      'so Preflight will run in your browser instead.',
  );
  console.log(`(Detail: ${electron.reason}. \`npm run serve\` starts the browser version directly.)\n`);
  serveInBrowser(argv);
}

