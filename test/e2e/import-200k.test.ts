/**
 * The "new user" check, in the window: a 200,000-row export from another CRM with
 * day-first dates and phones in five formats, taken to zero errors without leaving the app.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWindow, type OpenWindow } from '../helpers/open-window';
import { tempDir } from '../helpers/temp-dir';
import { ImportPage } from './pages/import-page';
import { PreflightPage } from './pages/preflight-page';

const ROWS = 200_000;
const PHONES = ['+44 20 7946 0958', '(555) 010-9999', '555.010.1234', '0207 946 0958', '+1-555-010-7777'];

/** Row i: every 1,000th email written "(at)", every 5,000th surname missing. */
function line(i: number): string {
  const day = (i % 28) + 1;
  const month = (i % 12) + 1;
  const email = i % 1000 === 7 ? `p${i}(at)example.com` : `p${i}@example.com`;
  const surname = i % 5000 === 11 ? '' : `Surname${i}`;
  return `First${i},${surname},${email},${PHONES[i % 5]},${day}/${month}/19${50 + (i % 50)}`;
}

let win: OpenWindow;
let page: Page;
let app: PreflightPage;
let imp: ImportPage;
let files: { dir: string; cleanup: () => void };
let csv: string;

beforeAll(async () => {
  files = tempDir();
  csv = path.join(files.dir, 'old-crm-export.csv');
  const out: string[] = ['First Name,Surname,E-mail,Phone,Birthday'];
  for (let i = 0; i < ROWS; i += 1) out.push(line(i));
  fs.writeFileSync(csv, `${out.join('\r\n')}\r\n`);
  win = await openWindow({ timeoutMs: 60_000 });
  page = win.page;
  app = new PreflightPage(page);
  imp = new ImportPage(page);
});

afterAll(async () => {
  await win?.close();
  files?.cleanup();
});

describe('a 200,000-row export to zero errors', () => {
  it('shows progress while importing, and a cancel leaves no batch behind', async () => {
    await imp.importWithPicker(csv);
    await imp.chooseModule('Contacts');
    await page.getByRole('button', { name: 'Import all rows' }).click();
    const panel = page.getByRole('region', { name: 'Importing old-crm-export.csv' });
    await panel.getByText('Importing rows…').waitFor();
    await app.screenshot('import-200k-00-progress');
    await panel.getByRole('button', { name: 'Cancel import' }).click();
    await page.getByRole('status').filter({ hasText: 'Import cancelled.' }).waitFor();
    await expect(page.getByRole('navigation', { name: 'Batches' }).getByRole('button', { name: /Contacts · 200,000 rows/ }).count()).resolves.toBe(0);
  });

  it('maps it with declared phone and date formats and imports it', async () => {
    // Still on the mapping screen after the cancel, with the file and its mapping.
    await expect(imp.fieldSelect('Birthday').inputValue()).resolves.toBe('Date_of_Birth');
    await imp.declareDate('Birthday', 'dmy');
    const phone = await imp.openTransforms('Phone');
    await phone.getByLabel('Value format').selectOption('phone');
    await imp.importAll('old-crm-export.csv');
    // 200 emails written "(at)" and 40 rows without a surname are all that is left.
    await imp.countsShow('199,760 valid', '240 with errors');
    await app.screenshot('import-200k-01-imported');
  });

  it('fixes the emails with find and replace', async () => {
    await page.getByRole('button', { name: 'Find and replace' }).click();
    const panel = page.getByRole('form', { name: 'Find and replace' });
    await panel.getByLabel('Column').selectOption({ label: 'Email' });
    await panel.getByLabel('Find').fill('(at)');
    await panel.getByLabel('Replace with').fill('@');
    await panel.getByRole('button', { name: 'Replace all' }).click();
    await imp.countsShow('199,960 valid', '40 with errors');
  });

  it('excludes the rows that still have errors, and gets to zero', async () => {
    await imp.filter('Errors');
    await imp.row('old-crm-export.csv', 12).waitFor();
    await page.getByRole('button', { name: /^Exclude rows with errors/ }).click();
    await imp.countsShow('199,960 valid', '0 with errors', '40 excluded');
    await app.screenshot('import-200k-02-zero-errors');
  });
});
