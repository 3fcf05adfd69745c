/**
 * What a new user does in the window, in Debian's Chromium against the real local host:
 * open it, load a Contacts export, see the count, search, open a record.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeContactsCsv } from '../../bench/generate-contacts';
import { launchBrowser } from '../helpers/browser';
import { startHostProcess, type HostProcess } from '../helpers/host-process';
import { FIXTURES } from '../helpers/temp-dir';
import { PreflightPage } from './pages/preflight-page';

const Z = path.join(FIXTURES, 'zoho');
let host: HostProcess;
let browser: Browser;
let page: Page;
let app: PreflightPage;
const consoleErrors: string[] = [];

beforeAll(async () => {
  host = await startHostProcess();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.setDefaultTimeout(20_000);
  page.on('console', (m) => {
    // 4xx replies carrying a coded error are expected in the refusal tests.
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  app = new PreflightPage(page);
  await page.goto(host.url);
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

describe('the replica in the window', () => {
  it('opens on the workspace and lists the modules', async () => {
    await page.getByRole('heading', { level: 1, name: 'Preflight' }).waitFor();
    await page.getByText(host.workspace).waitFor();
    for (const m of ['Leads', 'Contacts', 'Accounts', 'Deals', 'Products', 'Quotes', 'Sales Orders', 'Invoices']) {
      await app.moduleButton(m).waitFor();
    }
    // The address no longer shows the token once it has been traded for a cookie.
    expect(page.url()).not.toContain('token=');
    await app.screenshot('01-start');
  });

  it('loads a Contacts export through the file picker and shows the count', async () => {
    await app.openModule('Contacts');
    await page.getByText('No records yet.').waitFor();
    await app.loadExportWithPicker(path.join(Z, 'Contacts.bulk-read.csv'));
    const result = page.getByRole('status').filter({ hasText: 'Loaded 4 records (4 new, 0 updated)' });
    await result.waitFor();
    await expect(result.textContent()).resolves.toContain('Row 5: no record id');
    await expect(result.textContent()).resolves.toContain('Favourite_Colour__c');
    await app.moduleButton('Contacts').filter({ hasText: '4 records' }).waitFor();
    await app.grid('Contacts').waitFor();
    await expect(app.dataRows('Contacts').count()).resolves.toBe(4);
    await app.screenshot('02-contacts-loaded');
  });

  it('finds a contact by name and opens it with its fields by label', async () => {
    await app.search('lovelace');
    await page.getByText('1 matching').waitFor();
    await expect(app.dataRows('Contacts').count()).resolves.toBe(1);
    await app.dataRows('Contacts').first().click();
    const panel = app.recordPanel('Ada Lovelace');
    await panel.waitFor();
    const text = await panel.textContent();
    expect(text).toContain('Phone');
    expect(text).toContain('0012345600012');
    expect(text).toContain('Wrote the first "program", famously');
    await app.screenshot('03-contact-record');
    await page.getByRole('button', { name: 'Close record' }).click();
    await app.search('');
  });

  it('loads Accounts by drag and drop, and then shows lookups by name', async () => {
    await app.openModule('Accounts');
    await app.dropFile(path.join(Z, 'Accounts.bulk-read.csv'));
    await page.getByRole('status').filter({ hasText: 'Loaded 3 records' }).waitFor();
    await app.openModule('Contacts');
    await app.grid('Contacts').getByRole('gridcell', { name: 'Acme Corporation' }).waitFor();
    await app.search('Ada');
    await page.getByText('1 matching').waitFor();
    await app.dataRows('Contacts').first().click();
    await app.recordPanel('Ada Lovelace').getByRole('button', { name: 'Acme Corporation' }).click();
    const account = app.recordPanel('Acme Corporation');
    await account.waitFor();
    await expect(account.textContent()).resolves.toContain('Springfield');
    await app.screenshot('04-lookup-followed');
    await page.getByRole('button', { name: 'Close record' }).click();
    await app.search('');
  });

  it('sorts by a column', async () => {
    const header = app.grid('Contacts').getByRole('columnheader', { name: 'Last Name' });
    await header.click();
    await expect(header.getAttribute('aria-sort')).resolves.toBe('ascending');
    await page.waitForFunction(() => document.querySelector('[role="grid"] [role="row"][aria-rowindex="2"]')?.textContent?.includes('Hopper'));
    await header.click();
    await expect(header.getAttribute('aria-sort')).resolves.toBe('descending');
    await page.waitForFunction(() => document.querySelector('[role="grid"] [role="row"][aria-rowindex="2"]')?.textContent?.includes('Turing'));
    await header.click();
  });

  it("loads the org's field metadata, which types the unknown column", async () => {
    await app.loadMetadataWithPicker(path.join(Z, 'contacts-fields.json'));
    await page.getByRole('status').filter({ hasText: 'Loaded field metadata for Contacts: 9 fields' }).waitFor();
    await app.moduleButton('Contacts').filter({ hasText: 'org metadata' }).waitFor();
    await app.grid('Contacts').getByRole('columnheader', { name: 'Favourite Colour' }).waitFor();
    await app.screenshot('05-org-metadata');
  });

  it('refuses a file that is not what it claims and says the replica was not changed', async () => {
    const fake = path.join(host.dir, 'export.zip');
    fs.writeFileSync(fake, 'id,Last_Name\n1,Not a zip\n');
    await app.loadExportWithPicker(fake);
    const alert = page.getByRole('alert').filter({ hasText: 'NOT_A_ZIP' });
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain('The replica was not changed.');
    await app.moduleButton('Contacts').filter({ hasText: '4 records' }).waitFor();
    await app.screenshot('06-refused');
    await page.getByRole('button', { name: 'Dismiss load result' }).click();
  });

  it('shows progress for a large load and cancels it without changing the replica', async () => {
    const big = path.join(host.dir, 'contacts-big.csv');
    writeContactsCsv(big, 600_000);
    await app.loadExportWithPicker(big);
    const panel = page.getByRole('region', { name: 'Loading export into Contacts' });
    await panel.waitFor();
    await panel.getByRole('progressbar', { name: /Loading progress/ }).waitFor({ timeout: 60_000 });
    // The window keeps answering during the load: browse another module and come back.
    await app.openModule('Accounts');
    await app.grid('Accounts').getByRole('gridcell', { name: 'Acme Corporation' }).waitFor();
    await app.screenshot('07-progress-while-browsing');
    await app.openModule('Contacts');
    await panel.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('status').filter({ hasText: 'Load cancelled.' }).waitFor({ timeout: 60_000 });
    await app.moduleButton('Contacts').filter({ hasText: '4 records' }).waitFor();
    await page.getByRole('button', { name: 'Dismiss load result' }).click();
  });

  it('creates a second workspace, switches to it and back', async () => {
    const second = path.join(host.dir, 'second.preflight.db');
    await page.getByRole('button', { name: 'Workspace…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Workspace' });
    await dialog.getByRole('textbox', { name: 'Workspace file' }).fill(second);
    await dialog.getByRole('button', { name: 'Create' }).click();
    await page.getByText(second).waitFor();
    await app.moduleButton('Contacts').filter({ hasText: '0 records' }).waitFor();
    await app.screenshot('08-second-workspace');
    await page.getByRole('button', { name: 'Workspace…' }).click();
    await page.getByRole('dialog', { name: 'Workspace' }).getByRole('button', { name: new RegExp(path.basename(host.workspace).replace(/\./g, '\\.')) }).click();
    await page.getByText(host.workspace).waitFor();
    await app.moduleButton('Contacts').filter({ hasText: '4 records' }).waitFor();
  });

  it('logged no errors in the page', () => {
    expect(consoleErrors).toEqual([]);
  });
});
