/**
 * The real Electron window: title, the preload bridge, isolation from Node, one call through
 * IPC to the core, and navigation away from the app being refused.
 */
import fs from 'node:fs';
import path from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildElectronApp, electronEnv, findElectronBinary, rootSandboxArgs } from '../helpers/electron-binary';
import { ROOT, tempDir } from '../helpers/temp-dir';

/** What the preload exposes, as the page sees it. */
interface Bridge {
  invoke(channel: string, payload: unknown): Promise<unknown>;
  on(event: string, cb: (payload: unknown) => void): () => void;
}

const electron = findElectronBinary();
if (!electron.available) {
  process.stderr.write(`e2e-electron: SKIPPED — ${electron.reason}\n`);
}

// Skipped where no Electron binary is installed: electron is an optional dependency and its
// binary download fails offline (as on CI), and this suite needs the real binary. The
// browser suite (test/e2e) covers the same renderer through the local host everywhere.
describe.skipIf(!electron.available)('Electron window', () => {
  let temp: { dir: string; cleanup: () => void } | undefined;
  let workspace = '';
  let app: ElectronApplication | undefined;
  let page: Page;

  beforeAll(async () => {
    if (!electron.available) {
      return;
    }
    buildElectronApp();
    temp = tempDir('preflight-electron-');
    workspace = path.join(temp.dir, 'ws.preflight.db');
    app = await _electron.launch({
      executablePath: electron.path,
      args: [...rootSandboxArgs(), ROOT, '--workspace', workspace],
      // Its own app-data folder: the user's recent list stays untouched and no running
      // Preflight holds the single-instance lock.
      env: electronEnv({ PREFLIGHT_APP_DATA: path.join(temp.dir, 'appdata') }),
      timeout: 60_000,
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  }, 600_000);

  afterAll(async () => {
    await app?.close();
    temp?.cleanup();
  });

  it('is titled Preflight', async () => {
    expect(await page.title()).toBe('Preflight');
  });

  it('exposes exactly invoke and on, and no Node', async () => {
    const keys = await page.evaluate(() => Object.keys((globalThis as { preflight?: Bridge }).preflight ?? {}).sort());
    expect(keys).toEqual(['invoke', 'on']);
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
  });

  it('answers app.info through IPC with the workspace it was given', async () => {
    const reply = await page.evaluate(() => (globalThis as { preflight?: Bridge }).preflight?.invoke('app.info', {}));
    expect(reply).toMatchObject({ ok: true, value: { workspace: { path: workspace, isDefault: false } } });
    expect(fs.existsSync(workspace)).toBe(true);
  });

  it('refuses channels outside the contract in the preload', async () => {
    const outcome = await page.evaluate(() =>
      (globalThis as { preflight?: Bridge }).preflight?.invoke('fs.readFile', {}).then(
        () => 'resolved',
        (err: unknown) => (err instanceof Error ? err.message : String(err)),
      ),
    );
    expect(outcome).toContain('Unknown channel');
  });

  it('does not navigate away or open windows', async () => {
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    const opened = await page.evaluate(() => window.open('https://example.com/') === null);
    // Navigation is asynchronous; give a (blocked) one time to happen before looking.
    await page.waitForTimeout(1_000);
    expect(page.url()).toMatch(/^app:\/\/preflight\//);
    expect(opened).toBe(true);
    expect(app?.windows()).toHaveLength(1);
  });
});
