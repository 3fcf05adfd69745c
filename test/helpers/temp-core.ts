/**
 * A real core on a temporary workspace file, for contract tests.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createCore, type Core } from '../../electron/core/app';
import type { Channel, Req, Res } from '../../shared/ipc/contract';
import type { ErrorInfo } from '../../shared/ipc/errors';
import { ROOT, tempDir } from './temp-dir';

export interface TempCore {
  core: Core;
  dir: string;
  workspace: string;
  call<C extends Channel>(channel: C, req: Req<C>): Promise<Res<C>>;
  fail(channel: string, req: unknown): Promise<ErrorInfo>;
  close(): Promise<void>;
}

const WORKER = path.join(ROOT, 'out', 'node', 'worker.cjs');

/** Opens a core on a new temporary workspace. */
export function tempCore(): TempCore {
  if (!fs.existsSync(WORKER)) {
    throw new Error('out/node/worker.cjs is missing: run `node scripts/build-node.mjs` (npm test does).');
  }
  const { dir, cleanup } = tempDir();
  const workspace = path.join(dir, 'ws.preflight.db');
  const core = createCore({
    workspacePath: workspace,
    workspaceIsDefault: false,
    appDataDir: path.join(dir, 'appdata'),
    resourcesDir: path.join(ROOT, 'resources'),
    workerPath: WORKER,
    version: '0.0.0-test',
    now: () => new Date('2026-11-22T10:00:00Z'),
  });
  return {
    core,
    dir,
    workspace,
    async call(channel, req) {
      const env = await core.dispatch(channel, req);
      if (!env.ok) {
        throw new Error(`${channel} failed: ${env.error.code} ${env.error.message}`);
      }
      return env.value as Res<typeof channel>;
    },
    async fail(channel, req) {
      const env = await core.dispatch(channel, req);
      if (env.ok) {
        throw new Error(`${channel} unexpectedly succeeded`);
      }
      return env.error;
    },
    async close() {
      await core.close();
      cleanup();
    },
  };
}
