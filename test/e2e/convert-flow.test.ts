/**
 * Issue 11 as a user does it, in Debian's Chromium against the real local host: convert the
 * seed's lead into its existing Contact and Account with a new deal (fixing Zoho's refusal
 * first), simulate it, write the request; preview a quote as an invoice, save the PDF and read
 * it back with pdftotext; the customers preview; an inventory conversion Zoho would refuse;
 * undo.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser';
import { CONVERSION_FIXTURES, IDS } from '../helpers/conversion-replica';
import { startHostProcess, type HostProcess } from '../helpers/host-process';
import { ROOT, tempDir } from '../helpers/temp-dir';
import { ConvertPage } from './pages/convert-page';

let host: HostProcess;
let browser: Browser;
let page: Page;
let app: ConvertPage;
let dir: string;
let cleanup: () => void;
const consoleErrors: string[] = [];

beforeAll(async () => {
  ({ dir, cleanup } = tempDir('preflight-convert-e2e-'));
  const workspace = path.join(dir, 'convert.preflight.db');
  // The replica a consultant would have loaded: the org's exports and its Contacts metadata.
  const cli = (args: string[]): void => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'preflight.cjs'), '--workspace', workspace, ...args], { encoding: 'utf8', env: { ...process.env, PREFLIGHT_APP_DATA: path.join(dir, 'appdata') } });
    if (r.status !== 0) throw new Error(`${args.join(' ')}: ${r.stderr}`);
  };
  cli(['metadata', 'load', '--module', 'Contacts', path.join(CONVERSION_FIXTURES, 'Contacts.fields-phone-unique.json')]);
  for (const m of ['Leads', 'Contacts', 'Accounts', 'Quotes', 'Sales_Orders', 'Deals']) cli(['replica', 'load', '--module', m, path.join(CONVERSION_FIXTURES, `${m}.records.json`)]);
  host = await startHostProcess({ workspace });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1440, height: 960 } });
  page.setDefaultTimeout(20_000);
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  app = new ConvertPage(page);
  await page.goto(host.url);
  await page.getByRole('heading', { level: 1, name: 'Preflight' }).waitFor();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  cleanup?.();
});

describe('converting a lead in the window', () => {
  it('plans the lead with a new deal and shows that Zoho would refuse it (DUPLICATE_DATA on the unique Phone)', async () => {
    await app.open('Convert');
    const leads = await app.search('Leads to convert', 'Boyle');
    await leads.getByRole('checkbox', { name: /Pat Boyle/ }).check();
    await page.getByRole('checkbox', { name: /Create a deal/ }).check();
    await page.getByLabel('Deal name').fill('Zylker Deal');
    await page.getByLabel('Closing date').fill('2024-10-20');
    await page.getByLabel('Stage').selectOption('Negotiation/Review');
    await page.getByLabel('Pipeline').selectOption('Standard');
    await page.getByLabel('Amount').fill('20000000');
    await app.screenshot('convert-01-options');
    await page.getByRole('button', { name: 'Plan conversions' }).click();
    const row = app.planRow('Pat Boyle');
    await row.getByText('DUPLICATE_DATA').waitFor();
    await row.getByRole('button', { name: 'Pat Boyle' }).click();
    const panel = app.planPanel('Pat Boyle');
    await panel.getByText('Zoho would refuse this conversion').waitFor();
    await expect(panel.textContent()).resolves.toContain('Phone "9844444444" is unique and Pat Boyle (4876876000007421001) already has it');
    await app.screenshot('convert-02-refused');
  });

  it('fixes it by merging into the existing Contact and Account: the plan is ready', async () => {
    const panel = app.planPanel('Pat Boyle');
    await panel.getByRole('button', { name: 'Merge into an existing contact…' }).click();
    const contacts = await app.search('Contacts to merge into', 'Pat Boyle');
    await contacts.getByRole('button', { name: /Pat Boyle/ }).click();
    await panel.getByText('Zoho would convert this lead.').waitFor();
    await panel.getByRole('button', { name: 'Merge into an existing account…' }).click();
    const accounts = await app.search('Accounts to merge into', 'Zylker');
    await accounts.getByRole('button', { name: /^Zylker Biotech Zürich/ }).click();
    await panel.getByText('Zoho would convert this lead.').waitFor();
    const text = await panel.textContent();
    expect(text).toContain('merge into Pat Boyle');
    expect(text).toContain('merge into Zylker Biotech');
    expect(text).toContain('Zylker Deal');
    await app.planRow('Pat Boyle').getByText('ready').waitFor();
    await app.screenshot('convert-03-ready');
  });

  it('simulates it in the replica and writes the Convert Lead request', async () => {
    await page.getByRole('button', { name: /Simulate 1 ready in the replica/ }).click();
    await app.notice(/Simulated 1 conversion in the replica/).waitFor();
    await page.getByRole('button', { name: 'Undo simulation 1' }).waitFor();
    await page.getByRole('button', { name: 'Write request files…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Write request files' });
    await dialog.getByLabel('Into the folder').fill(dir);
    await dialog.getByRole('button', { name: 'Write' }).click();
    await app.notice(/Wrote 1 request for 1 conversion/).waitFor();
    const folder = fs.readdirSync(dir).find((f) => f.startsWith('lead-conversion-'));
    expect(folder).toBeDefined();
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, folder ?? '', 'manifest.json'), 'utf8')) as { requests: { file: string; path: string }[] };
    expect(manifest.requests[0]?.path).toBe(`/crm/v8/Leads/${IDS.patLead}/actions/convert`);
    const body = JSON.parse(fs.readFileSync(path.join(dir, folder ?? '', manifest.requests[0]?.file ?? ''), 'utf8')) as { data: Record<string, unknown>[] };
    expect(body.data[0]).toMatchObject({
      Accounts: { id: IDS.zylker },
      Contacts: { id: IDS.patContact },
      Deals: { Deal_Name: 'Zylker Deal', Closing_Date: '2024-10-20', Stage: 'Negotiation/Review', Pipeline: 'Standard', Amount: 20000000 },
    });
    await app.screenshot('convert-04-simulated');
  });

  it('shows Zoho would refuse converting a quote already converted to a sales order', async () => {
    await page.getByRole('radiogroup', { name: 'Convert' }).getByRole('radio', { name: 'Quotes and sales orders' }).click();
    const quotes = await app.search('Quotes to convert', 'Already');
    await quotes.getByRole('button', { name: /Already ordered/ }).click();
    await page.getByText('Zoho would refuse to convert Already ordered').waitFor();
    await page.getByText('ID_ALREADY_CONVERTED').waitFor();
    await quotes.locator('xpath=..').getByRole('searchbox').fill('lab kit');
    await quotes.getByRole('button', { name: /Zylker lab kit/ }).click();
    await page.getByText('Zoho would convert Zylker lab kit into a Sales Order.').waitFor();
    await page.getByRole('table', { name: 'Line items carried over' }).getByText('Centrifuge Z-9').waitFor();
    await app.screenshot('convert-05-inventory');
  });
});

describe('the invoice preview in the window', () => {
  it('previews the quote as an invoice: the account and its contacts, recomputed totals, the stored total flagged', async () => {
    await app.open('Invoices');
    const quotes = await app.search('Quotes to preview', 'lab kit');
    await quotes.getByRole('button', { name: /Zylker lab kit/ }).click();
    await page.getByRole('radiogroup', { name: 'As' }).getByRole('radio', { name: 'Invoice', exact: true }).click();
    const doc = page.getByRole('article', { name: 'Invoice preview' });
    await doc.getByRole('heading', { name: 'INVOICE' }).waitFor();
    const text = await doc.textContent();
    for (const s of ['Zylker Biotech', 'Bahnhofstrasse 1', 'Pat Boyle', 'Centrifuge Z-9', 'Pipette set', '2,599.00', '2,800.00']) expect(text).toContain(s);
    const checks = page.getByRole('table', { name: 'Stored totals that disagree' });
    await expect(checks.textContent()).resolves.toContain('2900');
    await app.screenshot('invoice-01-preview');
  });

  it('saves the PDF, which pdftotext reads with the customer, the line items and the totals', async () => {
    await page.getByRole('button', { name: 'Save as PDF…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Save as PDF' });
    const file = path.join(dir, 'zylker-lab-kit.pdf');
    await dialog.getByLabel('Save to path').fill(file);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await app.notice(/Saved the PDF/).waitFor();
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    for (const s of ['INVOICE', 'Zylker Biotech', '8001 Zürich', 'Pat Boyle (primary)', 'Centrifuge Z-9', 'Benchtop, 220 V', 'Pipette set', 'MwSt (8%)', '2,599.00', '207.92', '2,800.00']) {
      expect(text, s).toContain(s);
    }
    // The customer's copy leaves the preparer's notes out.
    expect(text).not.toContain('in the CRM');
    const png = execFileSync('pdftoppm', ['-png', '-r', '60', '-singlefile', file, path.join(dir, 'pdf-page')]);
    expect(png).toBeDefined();
    fs.copyFileSync(path.join(dir, 'pdf-page.png'), path.join(ROOT, 'test-results', 'screenshots', 'invoice-02-pdf-page.png'));
  });

  it("shows the won deal's invoice workflow and the customers preview with likely duplicates", async () => {
    await page.getByRole('radiogroup', { name: 'Module' }).getByRole('radio', { name: 'Deals' }).click();
    const deals = await app.search('Deals to preview', 'Zylker');
    await deals.getByRole('button', { name: /Zylker Deal Closed Won/ }).click();
    await page.getByRole('radiogroup', { name: 'Workflow' }).getByRole('radio', { name: 'Invoices' }).click();
    await page.getByText('Winning the deal creates this invoice in Zoho Invoice.').waitFor();
    await page.getByRole('radiogroup', { name: 'Show' }).getByRole('radio', { name: 'Customers' }).click();
    await page.getByRole('button', { name: 'Build the customers preview' }).click();
    await app.notice(/look like duplicates/).waitFor();
    const table = page.getByRole('table', { name: 'Customers' });
    await table.getByRole('row').filter({ hasText: 'Dmitri Иванов' }).waitFor();
    await page.getByRole('radiogroup', { name: 'Show' }).nth(1).getByRole('radio', { name: 'Likely duplicates' }).click();
    await expect.poll(() => table.getByRole('row').count(), { timeout: 10_000 }).toBe(3);
    await app.screenshot('invoice-03-customers');
  });

  it('undoes the simulated conversion from the Convert area', async () => {
    await app.open('Convert');
    await page.getByRole('button', { name: 'Undo simulation 1' }).click();
    await app.notice(/Undid simulation #1/).waitFor();
    expect(consoleErrors).toEqual([]);
  });
});
