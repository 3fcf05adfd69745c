/**
 * A million-record module in the window: the grid pages from SQLite and keeps only the visible
 * rows in the page, so jumping to the end, sorting and searching work as on a small module.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactRow, writeContactsCsv } from '../../bench/generate-contacts';
import { launchBrowser } from '../helpers/browser';
import { startHostProcess, type HostProcess } from '../helpers/host-process';
import { ROOT, tempDir } from '../helpers/temp-dir';
import { PreflightPage } from './pages/preflight-page';

const ROWS = 1_000_000;
let prep: { dir: string; cleanup: () => void };
let host: HostProcess;
let browser: Browser;
let page: Page;
let app: PreflightPage;

beforeAll(async () => {
  prep = tempDir('preflight-1m-');
  const csv = path.join(prep.dir, 'contacts.csv');
  const workspace = path.join(prep.dir, 'million.db');
  writeContactsCsv(csv, ROWS);
  // Loaded through the CLI, as a nightly job would; the window then opens the same workspace.
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/preflight.cjs'), '--workspace', workspace, 'replica', 'load', '--module', 'Contacts', csv, '--json'], {
    encoding: 'utf8',
    env: { ...process.env, PREFLIGHT_APP_DATA: path.join(prep.dir, 'appdata') },
  });
  expect(r.status, r.stderr).toBe(0);
  host = await startHostProcess({ workspace });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.setDefaultTimeout(30_000);
  app = new PreflightPage(page);
  await page.goto(host.url);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  prep?.cleanup();
});

async function renderedRowCount(): Promise<number> {
  return page.locator('[role="grid"] [role="row"]').count();
}

describe('a million records', () => {
  it('shows the count and renders only a window of rows', async () => {
    await app.openModule('Contacts');
    await app.moduleButton('Contacts').filter({ hasText: '1,000,000' }).waitFor();
    await expect(app.grid('Contacts').getAttribute('aria-rowcount')).resolves.toBe(String(ROWS + 1));
    await app.grid('Contacts').getByRole('gridcell', { name: contactRow(0)[3] as string }).waitFor();
    expect(await renderedRowCount()).toBeLessThan(200);
  });

  it('jumps to the last record', async () => {
    await app.grid('Contacts').focus();
    await page.keyboard.press('End');
    const last = contactRow(ROWS - 1);
    await app.grid('Contacts').getByRole('gridcell', { name: last[3] as string }).waitFor();
    expect(await renderedRowCount()).toBeLessThan(200);
    // Let the last block paint before the picture is taken.
    await page.waitForTimeout(300);
    await app.screenshot('10-million-end');
  });

  it('sorts the whole million and searches it', async () => {
    await app.grid('Contacts').getByRole('columnheader', { name: 'Email' }).click();
    // "ada.0@…" sorts first among a million generated addresses.
    await app.grid('Contacts').getByRole('gridcell', { name: 'ada.0@example.com' }).waitFor();
    await app.search('ingrid.999968@');
    await page.getByText('1 matching').waitFor();
    await expect(app.dataRows('Contacts').count()).resolves.toBe(1);
    await app.screenshot('11-million-search');
  });
});
