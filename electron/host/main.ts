/**
 * `node out/node/host.cjs [--workspace FILE] [--port N]`: starts the local host and prints the
 * address to open.
 */
import fs from 'node:fs';
import { toErrorInfo } from '../../shared/ipc/errors';
import { createNodeCore } from '../node/node-core';
import { startHost } from './server';

function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const port = Number(argValue(args, '--port') ?? process.env.PREFLIGHT_PORT ?? '0');
  const { core, paths } = createNodeCore(argValue(args, '--workspace'), __dirname);
  if (!fs.existsSync(`${paths.rendererDir}/index.html`)) {
    console.error(`The window's files are not built (${paths.rendererDir}). Run \`npm run build:renderer\` first.`);
    process.exit(1);
  }
  const host = await startHost({ core, rendererDir: paths.rendererDir, port: Number.isFinite(port) ? port : 0 });
  console.log(`Preflight is running. Open this address in your browser:\n\n  ${host.url}\n`);
  console.log(`Workspace: ${core.workspacePath()}`);
  console.log('Press Ctrl+C to stop.');
  const stop = (): void => {
    void host.close().then(() => core.close()).finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  const info = toErrorInfo(err);
  console.error(`Preflight could not start: ${info.message} [${info.code}]`);
  process.exit(1);
});
