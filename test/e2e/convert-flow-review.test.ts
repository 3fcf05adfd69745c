/**
 * Issue 11 points 1 and 2 as a user meets them, in Debian's Chromium against the real host: a
 * Leads batch whose duplicate review merged a row into an existing Contact and skipped another
 * is planned on the Convert screen. The reviewed lead starts merging into that Contact "from the
 * review", the skipped row is left out and said so, Zoho's conversion options list the
 * matching Contacts with the field each matched on, one of them becomes the target as "Zoho's
 * match", the exact API body is copied, and the org without a Contacts module answers 204.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/app';
import type { Channel, Req } from '../../shared/ipc/contract';
import { launchBrowser } from '../helpers/browser';
import { CONVERSION_FIXTURES, IDS } from '../helpers/conversion-replica';
import { startHostProcess, type HostProcess } from '../helpers/host-process';
import { ROOT, tempDir } from '../helpers/temp-dir';
import { ConvertPage } from './pages/convert-page';

let host: HostProcess;
let browser: Browser;
let page: Page;
let app: ConvertPage;
let cleanup: () => void;
const consoleErrors: string[] = [];

beforeAll(async () => {
  const t = tempDir('preflight-convert-review-e2e-');
  cleanup = t.cleanup;
  const workspace = path.join(t.dir, 'convert-review.preflight.db');
  // The workspace a consultant has after last week's review: the replica, a trade-show file of
  // leads, and the decisions taken on its rows.
  const core = createCore({
    workspacePath: workspace,
    workspaceIsDefault: false,
    appDataDir: path.join(t.dir, 'appdata'),
    resourcesDir: path.join(ROOT, 'resources'),
    workerPath: path.join(ROOT, 'out', 'node', 'worker.cjs'),
    version: '0.0.0-test',
    now: () => new Date('2026-11-22T10:00:00Z'),
  });
  const call = async <C extends Channel>(channel: C, req: Req<C>): Promise<unknown> => {
    const env = await core.dispatch(channel, req);
    if (!env.ok) throw new Error(`${channel}: ${env.error.code} ${env.error.message}`);
    return env.value;
  };
  await call('metadata.load', { module: 'Contacts', source: { kind: 'path', path: path.join(CONVERSION_FIXTURES, 'Contacts.fields-phone-unique.json') } });
  for (const m of ['Leads', 'Contacts', 'Accounts']) await call('replica.load', { module: m, source: { kind: 'path', path: path.join(CONVERSION_FIXTURES, `${m}.records.json`) } });
  const csv = path.join(t.dir, 'tradeshow-leads.csv');
  fs.writeFileSync(csv, 'First Name,Last Name,Company,Email,Phone\nPat,Boyle,Zylker Biotech,pat.boyle@zylker.com,9844444444\nWalk,In,Nobody Ltd,walk.in@example.com,\n');
  const batch = (await call('import.start', { source: { kind: 'path', path: csv }, module: 'Leads', encoding: 'auto', delimiter: 'auto', mapping: null, template: null })) as { batch: number };
  await call('dedupe.run', { batch: batch.batch, against: null });
  await call('review.decide', { batch: batch.batch, rows: [1], decision: { action: 'merge', module: 'Contacts', id: IDS.patContact, rule: 'fill-blanks', picks: {} } });
  await call('review.decide', { batch: batch.batch, rows: [2], decision: { action: 'skip' } });
  await core.close();

  host = await startHostProcess({ workspace });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, permissions: ['clipboard-read', 'clipboard-write'] });
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

describe('converting reviewed leads', () => {
  it('plans the batch: the reviewed row merges into its Contact "from the review", the skipped row is left out', async () => {
    await app.open('Convert');
    await page.getByRole('radiogroup', { name: 'From' }).getByRole('radio', { name: 'An imported batch' }).click();
    await page.getByLabel('Batch', { exact: true }).selectOption({ label: '#1 tradeshow-leads.csv (2 rows)' });
    await page.getByRole('button', { name: 'Plan conversions' }).click();
    const row = app.planRow('Pat Boyle');
    await row.getByText('from the review').waitFor();
    await expect(row.textContent()).resolves.toContain('into Pat Boyle');
    await page.getByRole('note').filter({ hasText: '1 row not planned because of the duplicate review: 1 reviewed as skip (row 2).' }).waitFor();
    await expect(app.planRow('Walk In').count()).resolves.toBe(0);
  });

  it('shows the plan merging into the reviewed Contact, and Zoho’s options with the field each Contact matched on', async () => {
    await app.planRow('Pat Boyle').getByRole('button', { name: 'Pat Boyle' }).click();
    const panel = app.planPanel('Pat Boyle');
    const contact = panel.getByRole('region', { name: 'Contact' });
    await contact.getByText('from the review').waitFor();
    await expect(contact.textContent()).resolves.toContain('merge into Pat Boyle');
    await expect(panel.getByRole('region', { name: 'Account' }).textContent()).resolves.toContain('the Contact’s own Account');

    const options = panel.getByRole('region', { name: 'Zoho’s conversion options' });
    const contacts = options.getByRole('list', { name: 'Matching Contacts' });
    const pat = contacts.getByRole('listitem').filter({ hasText: IDS.patContact });
    await pat.getByText('matched Phone = 9844444444').waitFor();
    await pat.getByText('the plan’s contact').waitFor();
    await contacts.getByRole('listitem').filter({ hasText: IDS.boyleContact }).getByText('matched Email = pat.boyle@zylker.com').waitFor();
    await options.getByText('Duplicate review: merge into Contact Pat Boyle').waitFor();
    await expect(options.textContent()).resolves.toContain('Zoho lists it too');
    await options.getByRole('list', { name: 'Matching Accounts' }).getByText('matched Account_Name = Zylker Biotech').waitFor();
    await app.screenshot('convert-review-01-options');
  });

  it('copies exactly the API body', async () => {
    const options = app.planPanel('Pat Boyle').getByRole('region', { name: 'Zoho’s conversion options' });
    await options.getByRole('button', { name: 'Copy JSON' }).click();
    await options.getByRole('button', { name: 'Copied' }).waitFor();
    const copied = JSON.parse(await page.evaluate(() => navigator.clipboard.readText())) as { __conversion_options: { module_preference: { api_name: string }; Contacts: { id: string }[] } };
    expect(Object.keys(copied)).toEqual(['__conversion_options']);
    expect(copied.__conversion_options.module_preference.api_name).toBe('Contacts');
    expect(copied.__conversion_options.Contacts.map((c) => c.id)).toEqual([IDS.patContact, IDS.boyleContact]);
  });

  it('takes another of Zoho’s matches as the target, marked as Zoho’s match', async () => {
    const panel = app.planPanel('Pat Boyle');
    await panel.getByRole('button', { name: 'Merge into Boyle' }).click();
    const contact = panel.getByRole('region', { name: 'Contact' });
    await contact.getByText('Zoho’s match').waitFor();
    await expect(contact.textContent()).resolves.toContain(IDS.boyleContact);
    await app.planRow('Pat Boyle').getByText('Zoho’s match').waitFor();
    // Boyle has no Account, so the plan would create one: the panel points at Zoho's match for it.
    const options = panel.getByRole('region', { name: 'Zoho’s conversion options' });
    await options.getByText(/Boyle has no Account, so the plan creates a new one from the Company although Zoho lists a matching one/).waitFor();
    await options.getByRole('list', { name: 'Matching Accounts' }).getByRole('button', { name: 'Merge into Zylker Biotech' }).click();
    await panel.getByRole('region', { name: 'Account' }).getByText('Zoho’s match').waitFor();
    await panel.getByText('Zoho would refuse this conversion:').waitFor();
    await expect(panel.textContent()).resolves.toContain('Zoho merges a lead into a Contact and an Account only when the Contact is associated with that Account');
    await app.screenshot('convert-review-02-zoho-match');
  });

  it('answers 204 No Content, and offers no merge, for an org without the Contacts module', async () => {
    const options = app.planPanel('Pat Boyle').getByRole('region', { name: 'Zoho’s conversion options' });
    await options.getByRole('checkbox', { name: 'Contacts' }).uncheck();
    await options.getByText('204 No Content', { exact: true }).waitFor();
    await options.getByText(/Zoho does not convert leads at all/).waitFor();
    await expect(options.getByRole('list', { name: 'Matching Contacts' }).count()).resolves.toBe(0);
    await options.scrollIntoViewIfNeeded();
    await app.screenshot('convert-review-03-no-contacts-module');
    await options.getByRole('checkbox', { name: 'Contacts' }).check();
    await options.getByRole('list', { name: 'Matching Contacts' }).waitFor();
    expect(consoleErrors).toEqual([]);
  });
});
