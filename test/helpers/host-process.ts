/**
 * Starts the real local host (`node out/node/host.cjs`) on a temporary workspace, as
 * `npm run serve` does, and returns the address it prints.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { ROOT, tempDir } from './temp-dir';

export interface HostProcess {
  url: string;
  origin: string;
  dir: string;
  workspace: string;
  output(): string;
  stop(): Promise<void>;
}

/** Spawns the host and waits for its address line. */
export function startHostProcess(opts: { workspace?: string } = {}): Promise<HostProcess> {
  const { dir, cleanup } = tempDir('preflight-e2e-');
  const workspace = opts.workspace ?? path.join(dir, 'e2e.preflight.db');
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'out', 'node', 'host.cjs'), '--workspace', workspace, '--port', '0'], {
    cwd: ROOT,
    env: { ...process.env, PREFLIGHT_APP_DATA: path.join(dir, 'appdata'), PREFLIGHT_WORKSPACE: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${out}`)), 30_000);
    const onData = (b: Buffer): void => {
      out += b.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[a-f0-9]+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        const url = m[1];
        resolve({
          url,
          origin: new URL(url).origin,
          dir,
          workspace,
          output: () => out,
          stop: () =>
            new Promise<void>((done) => {
              child.once('exit', () => {
                cleanup();
                done();
              });
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited (${code}):\n${out}`));
    });
  });
}
