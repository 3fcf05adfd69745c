// Builds better-sqlite3's native binary for the installed Electron into
// out/native/electron-<version>/better_sqlite3.node (`npm start` runs this before launching).
//
// Why a second binary: node_modules/better-sqlite3 is compiled for Node, which the CLI, the local
// host and the tests use; Electron has its own ABI. Rebuilding in place (electron-rebuild) would
// break the Node copy, so we build in a temporary copy of the package and the main process passes
// the result to better-sqlite3 as `nativeBinding`.
//
// Usage: node scripts/electron-native.mjs [--target VERSION]   (default: node_modules/electron)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary } from './lib/electron-binary.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PACKAGE_DIR = path.join(ROOT, 'node_modules', 'better-sqlite3');
const BINARY = 'better_sqlite3.node';

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function targetVersion(argv) {
  const i = argv.indexOf('--target');
  if (i >= 0 && argv[i + 1]) {
    return argv[i + 1];
  }
  const pkg = path.join(ROOT, 'node_modules', 'electron', 'package.json');
  return fs.existsSync(pkg) ? readJson(pkg).version : null;
}

/** What the binary was built from; a change in any of these means a rebuild. */
function buildInfo(version) {
  return {
    electron: version,
    betterSqlite3: readJson(path.join(PACKAGE_DIR, 'package.json')).version,
    platform: process.platform,
    arch: process.arch,
  };
}

function isUpToDate(dest, infoFile, info) {
  try {
    return fs.existsSync(dest) && JSON.stringify(readJson(infoFile)) === JSON.stringify(info);
  } catch {
    return false;
  }
}

/** The environment for the build tools, without npm's per-package variables that redirect them. */
function toolEnv() {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (key.startsWith('npm_package_') || key === 'npm_config_build_from_source') {
      delete env[key];
    }
  }
  return env;
}

function runTool(label, command, args, cwd) {
  console.log(`electron-native: ${label}`);
  const result = spawnSync(command, args, { cwd, stdio: 'inherit', env: toolEnv() });
  return result.status === 0;
}

/** Electron's prebuilt better-sqlite3 from the package's release page (needs the network). */
function tryPrebuild(dir, version) {
  const bin = path.join(ROOT, 'node_modules', 'prebuild-install', 'bin.js');
  const args = [bin, '--runtime', 'electron', '--target', version, '--arch', process.arch, '--platform', process.platform, '--verbose'];
  return runTool(`downloading a prebuilt binary for Electron ${version}`, process.execPath, args, dir);
}

/** node-gyp: from npm's environment, else the copy bundled with npm beside this Node. */
function nodeGypCommand() {
  const nodeDir = path.dirname(process.execPath);
  const candidates = [
    process.env.npm_config_node_gyp,
    path.join(nodeDir, '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    path.join(nodeDir, 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ];
  const found = candidates.find((c) => c && fs.existsSync(c));
  if (found) {
    return { command: process.execPath, prefix: [found] };
  }
  // Last resort: let npm find (or fetch) node-gyp from the registry.
  return { command: process.platform === 'win32' ? 'npm.cmd' : 'npm', prefix: ['exec', '--yes', '--package=node-gyp', '--', 'node-gyp'] };
}

/** A source build against Electron's headers (needs the network once, plus python3 and a C++ compiler). */
function tryNodeGyp(dir, version) {
  const { command, prefix } = nodeGypCommand();
  const args = [
    ...prefix,
    'rebuild',
    '--release',
    `--target=${version}`,
    `--arch=${process.arch}`,
    '--dist-url=https://electronjs.org/headers',
    // Electron's headers in their own cache, apart from Node's of the same version number.
    `--devdir=${path.join(os.homedir(), '.electron-gyp')}`,
  ];
  return runTool(`building from source against Electron ${version} headers`, command, args, dir);
}

/** Loads the new binary in Electron-as-Node, where it will be used, and runs one query. */
function verify(dest, version) {
  const electron = electronBinary(ROOT);
  if (!electron.path || electron.version !== version) {
    console.log(`electron-native: no Electron ${version} binary here to test the result with; skipped the load check.`);
    return true;
  }
  const code = `const D = require(${JSON.stringify(PACKAGE_DIR)}); const db = new D(':memory:', { nativeBinding: ${JSON.stringify(dest)} }); db.prepare('select 1').get(); db.close();`;
  const result = spawnSync(electron.path, ['-e', code], { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, encoding: 'utf8' });
  if (result.status !== 0) {
    console.error(`electron-native: Electron could not load the new binary:\n${result.stderr || result.error?.message || ''}`);
    return false;
  }
  return true;
}

/**
 * Makes sure the binary for Electron `version` exists; returns its path.
 * @param {string} version
 * @returns {string}
 */
export function ensureElectronNative(version) {
  const destDir = path.join(ROOT, 'out', 'native', `electron-${version}`);
  const dest = path.join(destDir, BINARY);
  const infoFile = path.join(destDir, 'build-info.json');
  const info = buildInfo(version);
  if (isUpToDate(dest, infoFile, info)) {
    console.log(`electron-native: up to date (${path.relative(ROOT, dest)})`);
    return dest;
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'preflight-native-'));
  try {
    const dir = path.join(work, 'better-sqlite3');
    // Without build/: the Node binary must not be mistaken for a result if a tool does nothing.
    fs.cpSync(PACKAGE_DIR, dir, { recursive: true, filter: (src) => path.relative(PACKAGE_DIR, src).split(path.sep)[0] !== 'build' });
    const built = path.join(dir, 'build', 'Release', BINARY);
    if (!(tryPrebuild(dir, version) && fs.existsSync(built))) {
      console.log('electron-native: no prebuilt binary; trying a source build.');
      if (!(tryNodeGyp(dir, version) && fs.existsSync(built))) {
        throw new Error(`could not get ${BINARY} for Electron ${version} (both the prebuilt download and the source build failed; see above)`);
      }
    }
    fs.mkdirSync(destDir, { recursive: true });
    // Copy then rename, so a half-written binary is never left under the final name.
    fs.copyFileSync(built, `${dest}.tmp`);
    fs.renameSync(`${dest}.tmp`, dest);
    if (!verify(dest, version)) {
      fs.rmSync(dest, { force: true });
      throw new Error(`the ${BINARY} built for Electron ${version} does not load in it`);
    }
    fs.writeFileSync(infoFile, `${JSON.stringify(info, null, 2)}\n`);
    console.log(`electron-native: ready (${path.relative(ROOT, dest)})`);
    return dest;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const version = targetVersion(process.argv.slice(2));
  if (!version) {
    console.error('electron-native: Electron is not installed (node_modules/electron is missing); pass --target VERSION to build anyway.');
    process.exit(1);
  }
  try {
    ensureElectronNative(version);
  } catch (err) {
    console.error(`electron-native: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}
