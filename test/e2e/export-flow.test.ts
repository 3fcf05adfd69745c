/**
 * From a batch to the written ZIPs and back, as a user does it in the window: open the export
 * screen, check (dry run), write, then load Zoho's result file and build the retry batch. The
 * ZIPs on disk are read with unzip and Python; the result file is ours (built from the
 * documented layout, as no real one is public).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadLine } from '../../electron/core/engines/export/upload-csv';
import { openWindow, type OpenWindow } from '../helpers/open-window';
import { FIXTURES, tempDir } from '../helpers/temp-dir';
import { readZipIndependently } from '../helpers/zip-check';
import { ExportPage } from './pages/export-page';
import { ImportPage } from './pages/import-page';
import { PreflightPage } from './pages/preflight-page';

const LEADS = path.join(FIXTURES, 'export', 'leads-export.csv');
let win: OpenWindow;
let page: Page;
let app: PreflightPage;
let imp: ImportPage;
let exp: ExportPage;
let files: { dir: string; cleanup: () => void };

beforeAll(async () => {
  files = tempDir();
  win = await openWindow();
  page = win.page;
  app = new PreflightPage(page);
  imp = new ImportPage(page);
  exp = new ExportPage(page);
});

afterAll(async () => {
  await win?.close();
  files?.cleanup();
});

describe('exporting a batch for Zoho Bulk Write', () => {
  const folder = (): string => path.join(files.dir, 'zoho-upload');

  it('opens the export screen from a batch', async () => {
    await imp.importWithPicker(LEADS);
    await imp.chooseModule('Leads');
    await imp.importAll('leads-export.csv');
    await imp.countsShow('1 with errors');
    await exp.openFromBatch();
    await expect(exp.screen().getByText('leads-export.csv').first().isVisible()).resolves.toBe(true);
    await expect(page.getByLabel('Export folder').inputValue()).resolves.toMatch(/exports[/\\]Leads-batch1-/);
  });

  it('shows the dry run: per job what goes in, per batch what is left out and why', async () => {
    await exp.setFolder(folder());
    const summary = await exp.dryRun();
    await expect(summary.getByRole('heading').textContent()).resolves.toBe('Dry run: 1 job(s), 3 record(s), 500 API credits');
    const jobs = summary.getByRole('table', { name: 'Jobs' });
    await expect(jobs.getByRole('row').nth(1).textContent()).resolves.toContain('Email, First_Name, Last_Name');
    await expect(summary.textContent()).resolves.toContain('3 of 4 rows go to insert. 1 row left out for errors');
    expect(fs.existsSync(folder())).toBe(false);
    await app.screenshot('export-01-dry-run');
  });

  it('writes the ZIPs, job JSON, manifest and README to the folder', async () => {
    const done = await exp.write();
    await expect(done.textContent()).resolves.toContain(folder());
    await expect(done.getByRole('button', { name: 'Copy path' }).isVisible()).resolves.toBe(true);
    const names = fs.readdirSync(folder()).sort();
    expect(names).toEqual(['Leads-batch1-stage1-part01.json', 'Leads-batch1-stage1-part01.zip', 'README.txt', 'manifest.csv', 'manifest.json']);
    const content = readZipIndependently(path.join(folder(), 'Leads-batch1-stage1-part01.zip'));
    const spec = JSON.parse(fs.readFileSync(path.join(folder(), 'Leads-batch1-stage1-part01.json'), 'utf8')) as { resource: { field_mappings: { api_name: string; index: number }[] }[] };
    for (const m of spec.resource[0]?.field_mappings ?? []) expect(content.rows[0]?.[m.index]).toBe(m.api_name);
    expect(content.rows).toHaveLength(4);
    await app.screenshot('export-02-written');
  });

  it('loads the result back and builds the retry batch of the refused row', async () => {
    const { rows } = readZipIndependently(path.join(folder(), 'Leads-batch1-stage1-part01.zip'));
    const [header, ...data] = rows as [string[], ...string[][]];
    let text = uploadLine([...header.slice(0, 3), 'STATUS', 'RECORD_ID', 'ERRORS'], []);
    data.forEach((r, i) => {
      text += uploadLine([...r.slice(0, 3), i === 0 ? 'SKIPPED' : 'ADDED', i === 0 ? '' : `70000000000000000${i}`, i === 0 ? 'DUPLICATE_DATA-Email' : ''], []);
    });
    const result = path.join(files.dir, 'Leads-bulkwrite.csv');
    fs.writeFileSync(result, text);
    const notice = await exp.loadResult(1, result);
    await expect(notice.textContent()).resolves.toContain('2 added, 0 updated, 1 skipped');
    const jobs = exp.history(1).getByRole('table', { name: 'Jobs of export 1' });
    // The history reloads after the notice: wait for it rather than read it once.
    await expect.poll(() => jobs.getByRole('row').nth(1).textContent()).toContain('2 added, 0 updated, 1 skipped');
    const refused = exp.history(1).getByRole('table', { name: 'Rows Zoho refused in job 1' });
    await expect(refused.getByRole('row').nth(1).textContent()).resolves.toContain('DUPLICATE_DATA (Email)');
    await app.screenshot('export-03-result');
    await exp.history(1).getByRole('button', { name: 'Build retry batch (1)' }).click();
    await page.waitForFunction(() => document.querySelector('[aria-label="Export 1"] [role="status"]')?.textContent?.includes('Retry batch #2') ?? false);
    await page.getByRole('navigation', { name: 'Batches' }).getByRole('button', { name: /Retry of leads-export\.csv/ }).click();
    await imp.grid('Retry of leads-export.csv (export 1)').waitFor();
    await expect(imp.row('Retry of leads-export.csv (export 1)', 1).textContent()).resolves.toContain('ada@example.com');
    await expect(imp.row('Retry of leads-export.csv (export 1)', 1).textContent()).resolves.toContain('Zoho skipped');
    await expect(imp.row('Retry of leads-export.csv (export 1)', 1).locator('[title*="DUPLICATE_DATA"]').count()).resolves.toBe(1);
    await app.screenshot('export-04-retry-batch');
    // The source batch shows what Zoho said of each row.
    await page.getByRole('navigation', { name: 'Batches' }).getByRole('button', { name: /^leads-export\.csv/ }).click();
    await imp.grid('leads-export.csv').waitFor();
    await expect(imp.row('leads-export.csv', 1).textContent()).resolves.toContain('Zoho skipped');
    await expect(imp.row('leads-export.csv', 2).textContent()).resolves.toContain('Zoho added');
    await app.screenshot('export-05-batch-results');
    expect(win.consoleErrors).toEqual([]);
  });
});
