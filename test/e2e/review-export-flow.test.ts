/**
 * From the duplicate review to the ZIPs, as a user does it in the window: review a trade-show
 * Leads batch (merge Pat Boyle into her existing Contact taking the incoming title, create
 * one, skip one, fold the two Jordan Price rows into one), then Export: the dry run shows the
 * Contacts update job and what the review left out, Write ZIPs, and the files on disk — read
 * with unzip and Python — hold exactly that.
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
import { ReviewPage } from './pages/review-page';

const R = path.join(FIXTURES, 'review-flow');
const FILE = 'leads-tradeshow.csv';
const PAT_CONTACT = '5550000000000100001';
let win: OpenWindow;
let page: Page;
let app: PreflightPage;
let imp: ImportPage;
let review: ReviewPage;
let exp: ExportPage;
let files: { dir: string; cleanup: () => void };

beforeAll(async () => {
  files = tempDir();
  win = await openWindow();
  page = win.page;
  app = new PreflightPage(page);
  imp = new ImportPage(page);
  review = new ReviewPage(page);
  exp = new ExportPage(page);
});

afterAll(async () => {
  await win?.close();
  files?.cleanup();
});

describe('review decisions drive the export', () => {
  const folder = (): string => path.join(files.dir, 'reviewed-upload');

  it('reviews the batch: a merge into a Contact, a create, a skip and a merge inside the file', async () => {
    for (const [module, records] of [
      ['Contacts', 6],
      ['Accounts', 3],
      ['Leads', 1],
    ] as const) {
      await app.openModule(module);
      await app.loadExportWithPicker(path.join(R, `${module}.bulk-read.csv`));
      await page.getByRole('status').filter({ hasText: `Loaded ${records} record` }).waitFor();
    }
    await imp.importWithPicker(path.join(R, FILE));
    await imp.chooseModule('Leads');
    await imp.importAll(FILE);
    await imp.countsShow('9 valid');
    await review.findDuplicates();
    await review.open(FILE);

    await review.select(1);
    await review.winner('Title', 'incoming').check();
    await page.getByText(/A merge updates 1 field of Contact Pat Boyle: Title/).waitFor();
    await review.action(/^Merge into/).first().click();
    await review.countsShow('1 merge');

    await review.select(4);
    await review.action(/^Create new record/).click();
    await review.countsShow('1 create');
    await review.select(3);
    await review.action(/^Skip/).click();
    await review.countsShow('1 skip');

    await review.select(5);
    await review.tab(/In this file · 2 rows/).click();
    await review.survivor(6).check();
    await review.action(/^Merge 2 rows into row 6/).click();
    await review.countsShow('1 merged into another row');
    await page.getByRole('button', { name: 'Back to batch' }).click();
    await imp.grid(FILE).waitFor();
  });

  it('shows the update job and what the review left out in the dry run', async () => {
    await exp.openFromBatch();
    await exp.setFolder(folder());
    const summary = await exp.dryRun();
    await expect(summary.getByRole('heading').textContent()).resolves.toBe('Dry run: 2 job(s), 7 record(s), 1,000 API credits');
    const jobs = summary.getByRole('table', { name: 'Jobs' });
    const update = (await jobs.getByRole('row').nth(1).textContent()) ?? '';
    expect(update).toContain('Contacts');
    expect(update).toContain('update by id');
    expect(update).toContain('id, Title');
    const insert = (await jobs.getByRole('row').nth(2).textContent()) ?? '';
    expect(insert).toContain('Leads');
    expect(insert).toContain('insert');
    const text = (await summary.textContent()) ?? '';
    expect(text).toContain('7 of 9 rows go to Zoho (1 update, 6 insert).');
    expect(text).toContain('1 row skipped in the duplicate review.');
    expect(text).toContain('1 row merged into another row in the review (row 5 into row 6).');
    expect(text).toContain('From the review: 1 row created as new (insert), 1 row merged into an existing record (update by id).');
    expect(fs.existsSync(folder())).toBe(false);
    await summary.scrollIntoViewIfNeeded();
    await app.screenshot('review-export-01-dry-run');
  });

  it('writes the ZIPs: the Contact update by id with the picked title, the inserts without the left-out rows', async () => {
    await exp.write();
    const names = fs.readdirSync(folder()).sort();
    expect(names).toEqual(
      ['Contacts-batch1-update-part01.json', 'Contacts-batch1-update-part01.zip', 'Leads-batch1-stage1-part01.json', 'Leads-batch1-stage1-part01.zip', 'README.txt', 'manifest.csv', 'manifest.json'].sort(),
    );
    const u = readZipIndependently(path.join(folder(), 'Contacts-batch1-update-part01.zip'));
    expect(u.rows).toEqual([
      ['id', 'Title'],
      [PAT_CONTACT, 'CTO'],
    ]);
    const spec = JSON.parse(fs.readFileSync(path.join(folder(), 'Contacts-batch1-update-part01.json'), 'utf8')) as {
      operation: string;
      resource: { module: string; find_by: string; ignore_empty: boolean; field_mappings: { api_name: string; index: number }[] }[];
    };
    expect(spec.operation).toBe('update');
    expect(spec.resource[0]).toMatchObject({ module: 'Contacts', find_by: 'id', ignore_empty: true });
    for (const m of spec.resource[0]?.field_mappings ?? []) expect(u.rows[0]?.[m.index]).toBe(m.api_name);
    const i = readZipIndependently(path.join(folder(), 'Leads-batch1-stage1-part01.zip'));
    const email = i.rows[0]?.indexOf('Email') ?? -1;
    expect(i.rows.slice(1).map((r) => r[email])).toEqual([
      'ann.lee@northwind.example',
      'mei.chen@fabrikam.example',
      'jordan.price@acme-rockets.example',
      'sofia.rossi@nuovo.example',
      'lars.nilsson@tailspin.example',
      'kenji.watanabe@blueyonder.example',
    ]);
    const manifest = JSON.parse(fs.readFileSync(path.join(folder(), 'manifest.json'), 'utf8')) as { jobs: { module: string; operation: string; rows: number }[]; batches: { left_out: Record<string, number> }[] };
    expect(manifest.jobs.map((j) => [j.module, j.operation, j.rows])).toEqual([
      ['Contacts', 'update', 1],
      ['Leads', 'insert', 6],
    ]);
    expect(manifest.batches[0]?.left_out).toEqual({ 'skipped in review': 1, 'merged into another row': 1 });
    await app.screenshot('review-export-02-written');
  });

  it('loads the update job’s result back: the history says the Contact was updated', async () => {
    const { rows } = readZipIndependently(path.join(folder(), 'Contacts-batch1-update-part01.zip'));
    const [header, data] = rows as [string[], string[]];
    const result = path.join(files.dir, 'Contacts-update-result.csv');
    fs.writeFileSync(result, uploadLine([...header.slice(0, 3), 'STATUS', 'RECORD_ID', 'ERRORS'], []) + uploadLine([...data.slice(0, 3), 'UPDATED', PAT_CONTACT, ''], []));
    const notice = await exp.loadResult(1, result);
    await expect(notice.textContent()).resolves.toContain('0 added, 1 updated, 0 skipped');
    const jobs = exp.history(1).getByRole('table', { name: 'Jobs of export 1' });
    // The history reloads after the notice: wait for it rather than read it once.
    await expect.poll(() => jobs.getByRole('row').nth(1).textContent()).toContain('0 added, 1 updated, 0 skipped');
    const first = (await jobs.getByRole('row').nth(1).textContent()) ?? '';
    expect(first).toContain('Contacts');
    expect(first).toContain('update');
    await exp.history(1).scrollIntoViewIfNeeded();
    await app.screenshot('review-export-03-result');
    expect(win.consoleErrors).toEqual([]);
  });
});
