#!/usr/bin/env node
// The `preflight` command. The CLI is bundled into out/node by `npm install` (the prepare
// script); if that step was skipped, build it now rather than fail with a missing module.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
const cli = path.join(root, 'out', 'node', 'cli.cjs');
if (!fs.existsSync(cli)) {
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build-node.mjs')], { stdio: ['ignore', 'ignore', 'inherit'] });
}
require(cli);
