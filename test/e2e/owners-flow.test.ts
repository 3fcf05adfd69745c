/**
 * Owners as a new user meets them: import the public leads sample with no users loaded (no row
 * fails on Lead Owner, the mapping says why), load the org's users, re-validate, and see the
 * owners resolved by name; then the error paths (inactive, ambiguous, unknown) on their rows.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWindow, type OpenWindow } from '../helpers/open-window';
import { FIXTURES, TESTDATA, tempDir } from '../helpers/temp-dir';
import { ImportPage } from './pages/import-page';
import { PreflightPage } from './pages/preflight-page';
import { UsersPage } from './pages/users-page';

const LEADS = path.join(TESTDATA, 'crm-samples', 'datablist-sample-csv', 'leads-100.csv');
const USERS_JSON = path.join(FIXTURES, 'users', 'users-api.json');
const CASES = path.join(FIXTURES, 'users', 'owner-cases.csv');

let win: OpenWindow;
let page: Page;
let app: PreflightPage;
let imp: ImportPage;
let users: UsersPage;
let files: { dir: string; cleanup: () => void };

beforeAll(async () => {
  files = tempDir();
  win = await openWindow();
  page = win.page;
  app = new PreflightPage(page);
  imp = new ImportPage(page);
  users = new UsersPage(page);
});

afterAll(async () => {
  await win?.close();
  files?.cleanup();
});

/** The text of every column header of a batch grid. */
async function gridHeaders(fileName: string): Promise<string[]> {
  return (await imp.grid(fileName).getByRole('columnheader').allInnerTexts()).map((h) => h.trim());
}

describe('owners without users, then with them', () => {
  it('maps Lead Owner to Owner and says, once, that names are not user ids', async () => {
    await imp.importWithPicker(LEADS);
    await imp.chooseModule('Leads');
    await expect(imp.fieldSelect('Lead Owner').inputValue()).resolves.toBe('Owner');
    const notice = users.notice('Owners are not user ids', 'Lead Owner');
    await expect(notice.textContent()).resolves.toContain('Lead Owner holds names, not user ids: load your users (Users → Load users…)');
    await expect(notice.getByRole('button', { name: 'Open Users' }).isVisible()).resolves.toBe(true);
    // Users is not a target the import offers.
    const targets = await page.getByLabel('Import into module').locator('option').allInnerTexts();
    expect(targets).not.toContain('Users');
    // "Email 1" has no exact header match, but every value is an email.
    await expect(imp.fieldSelect('Email 1').inputValue()).resolves.toBe('Email');
    await expect(imp.matchOf('Email 1').textContent()).resolves.toMatch(/name and values · \d+%/);
    await app.screenshot('owners-01-mapping-notice');
    await imp.matchOf('Email 1').scrollIntoViewIfNeeded();
    await app.screenshot('owners-01b-mapping-values');
  });

  it('imports all 100 rows with no row failing on Lead Owner', async () => {
    await imp.importAll('leads-100.csv');
    await imp.countsShow('11 valid', '36 with errors');
    await expect(users.notice('Owners are not user ids', 'Lead Owner').isVisible()).resolves.toBe(true);
    await imp.filter('Errors');
    await page.getByLabel('Only columns with issues').check();
    await imp.row('leads-100.csv', 4).waitFor();
    const headers = await gridHeaders('leads-100.csv');
    expect(headers).toContain('Mobile');
    expect(headers).not.toContain('Lead Owner');
    await page.getByLabel('Only columns with issues').uncheck();
    await imp.filter('All');
    await expect((await imp.cell('leads-100.csv', 1, 'Lead Owner')).textContent()).resolves.toBe('Bethany Dixon');
    await app.screenshot('owners-02-batch-without-users');
  });

  it('opens Users from the notice and loads the saved Users API response', async () => {
    await users.notice('Owners are not user ids', 'Lead Owner').getByRole('button', { name: 'Open Users' }).click();
    await page.getByRole('heading', { level: 2, name: 'Users' }).waitFor();
    await page.getByText('No users yet').waitFor();
    await expect(page.getByRole('button', { name: 'Load export…' }).count()).resolves.toBe(0);
    await users.loadUsersWithPicker(USERS_JSON);
    await page.getByText('Loaded 104 users (104 new, 0 updated) · 103 active, 1 not active').waitFor();
    await app.grid('Users').waitFor();
    await expect(app.moduleButton('Users').textContent()).resolves.toContain('104');
    await app.search('ortega');
    await page.getByText('1 matching').waitFor();
    await expect(app.dataRows('Users').first().textContent()).resolves.toContain('Ángel Ortega');
    await app.screenshot('owners-03-users-module');
    await app.search('');
  });

  it('offers to re-validate the batch, then shows every owner by name', async () => {
    await imp.batchButton('leads-100.csv').click();
    const stale = users.notice('Users loaded since this batch was checked', 'Lead Owner');
    await stale.waitFor();
    await stale.getByRole('button', { name: 'Re-validate now' }).click();
    const resolved = users.notice('Owners matched to your users', 'Lead Owner');
    await resolved.waitFor();
    await expect(resolved.textContent()).resolves.toContain('matched to your 104 users by id, email or full name');
    await imp.countsShow('11 valid', '36 with errors');
    const first = await imp.cell('leads-100.csv', 1, 'Lead Owner');
    await expect(first.textContent()).resolves.toBe('Bethany Dixon');
    await expect(first.getAttribute('title')).resolves.toContain('sent to Zoho as 4876876000000225001');
    // "Angel Ortega" in the file is the user Zoho spells Ángel Ortega.
    await expect((await imp.cell('leads-100.csv', 3, 'Lead Owner')).textContent()).resolves.toBe('Ángel Ortega');
    await imp.filter('Errors');
    await page.getByLabel('Only columns with issues').check();
    await imp.row('leads-100.csv', 4).waitFor();
    expect(await gridHeaders('leads-100.csv')).not.toContain('Lead Owner');
    await page.getByLabel('Only columns with issues').uncheck();
    await imp.filter('All');
    await (await imp.cell('leads-100.csv', 1, 'Lead Owner')).click();
    await expect(imp.rowPanel(1).textContent()).resolves.toContain('Bethany Dixon4876876000000225001');
    await app.screenshot('owners-04-resolved-batch');
  });

  it('marks an inactive, an ambiguous and an unknown owner on their rows', async () => {
    await imp.importWithPicker(CASES);
    await imp.chooseModule('Leads');
    await expect(users.notice('Owners matched to your users', 'Lead Owner').isVisible()).resolves.toBe(true);
    await imp.importAll('owner-cases.csv');
    await imp.countsShow('4 with errors');
    await expect((await imp.cell('owner-cases.csv', 1, 'Lead Owner')).getAttribute('title')).resolves.toContain('is inactive in Zoho');
    await expect((await imp.cell('owner-cases.csv', 2, 'Lead Owner')).getAttribute('title')).resolves.toContain('AMBIGUOUS_LOOKUP');
    await expect((await imp.cell('owner-cases.csv', 3, 'Lead Owner')).getAttribute('title')).resolves.toContain('LOOKUP_NOT_FOUND');
    await expect((await imp.cell('owner-cases.csv', 4, 'Lead Owner')).textContent()).resolves.toBe('Bethany Dixon');
    // Fixing the ambiguous owner by email resolves it at once.
    await imp.editCell('owner-cases.csv', 2, 'Lead Owner', 'j.lee@example.com');
    await imp.countsShow('3 with errors');
    await expect((await imp.cell('owner-cases.csv', 2, 'Lead Owner')).textContent()).resolves.toBe('Jordan Lee');
    await app.screenshot('owners-05-owner-errors');
  });

  it('offers, rather than maps, a header match whose values cannot fit, and says why', async () => {
    const file = path.join(files.dir, 'mixed-up.csv');
    fs.writeFileSync(file, 'Last Name,Email,Date of Birth\r\nCochran,555-0100,ask\r\nFuentes,555-0101,n/a\r\nMurillo,555-0102,1990-01-04\r\n');
    await imp.importWithPicker(file);
    await imp.chooseModule('Contacts');
    await expect(imp.fieldSelect('Email').inputValue()).resolves.toBe('');
    const row = imp.mappingTable().getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Email', exact: true }) });
    await expect(row.textContent()).resolves.toContain('None of the 3 sample values is an email address.');
    await expect(row.locator('.match').textContent()).resolves.toMatch(/offered: Email · \d+%/);
    await app.screenshot('owners-06-offered-suggestion');
    await page.getByRole('button', { name: 'Map Email to Email', exact: true }).click();
    await expect(imp.fieldSelect('Email').inputValue()).resolves.toBe('Email');
    await expect(row.textContent()).resolves.toContain('None of the 3 sample values is an email address.');
    await page.getByRole('button', { name: 'Discard' }).click();
  });

  it('logged no errors in the page', () => {
    expect(win.consoleErrors).toEqual([]);
  });
});
