import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IDS, loadConversionReplica } from '../helpers/conversion-replica';
import { tempCore, type TempCore } from '../helpers/temp-core';

let t: TempCore;
beforeEach(async () => {
  t = tempCore();
  await loadConversionReplica(t);
});
afterEach(async () => {
  await t.close();
});

describe('invoice.preview', () => {
  it('a Quote as an invoice: the Account with its contacts (case 1), lines recomputed, the stored Grand_Total flagged', async () => {
    const { document: d } = await t.call('invoice.preview', { module: 'Quotes', id: IDS.labQuote, kind: 'invoice', workflow: 'estimate' });
    expect(d).toMatchObject({ kind: 'invoice', status: 'draft', number: '', reference: 'Quote QT-1001', date: '2026-11-22', sub_total: 2599, discount: 6.92, tax_total: 207.92, total: 2800 });
    expect(d.customer).toMatchObject({ case: 1, contact_name: 'Zylker Biotech', billing_address: { city: 'Zürich', phone: '9844444444', fax: '+41 44 000 0000' } });
    expect(d.customer?.contact_persons.map((p) => [p.first_name, p.last_name, p.is_primary_contact])).toEqual([
      ['Pat', 'Boyle', true],
      ['Lee', 'Chan', false],
    ]);
    expect(d.line_items.map((l) => [l.name, l.item_total, l.tax_amount])).toEqual([
      ['Centrifuge Z-9', 2400, 192],
      ['Pipette set', 199, 15.92],
    ]);
    expect(d.checks.filter((c) => !c.agrees)).toEqual([{ where: 'document', field: 'Grand_Total', stored: '2900', computed: '2800.00', agrees: false }]);
  });

  it('an estimate keeps the quote number and expiry; a contact without account is case 3', async () => {
    const est = (await t.call('invoice.preview', { module: 'Quotes', id: IDS.reviewQuote, kind: null, workflow: 'estimate' })).document;
    expect([est.kind, est.number, est.customer?.case, est.customer?.contact_name]).toEqual(['estimate', 'QT-1003', 3, 'Dmitri Иванов']);
  });

  it("the Deal workflow: a won deal's invoice, a lost deal's declined estimate", async () => {
    const won = (await t.call('invoice.preview', { module: 'Deals', id: IDS.wonDeal, kind: null, workflow: 'invoice' })).document;
    expect([won.kind, won.status, won.total, won.workflow?.event]).toEqual(['invoice', 'draft', 20000000, 'won']);
    const lost = (await t.call('invoice.preview', { module: 'Deals', id: IDS.lostDeal, kind: null, workflow: 'estimate' })).document;
    expect([lost.kind, lost.status]).toEqual(['estimate', 'declined']);
  });

  it('refuses records the replica does not hold', async () => {
    expect((await t.fail('invoice.preview', { module: 'Quotes', id: '1', kind: null, workflow: 'estimate' })).code).toBe('RECORD_NOT_FOUND');
    expect((await t.fail('invoice.preview', { module: 'Leads', id: IDS.patLead, kind: null, workflow: 'estimate' })).code).toBe('BAD_REQUEST');
  });
});

describe('invoice.save', () => {
  it('saves a PDF an independent reader opens, and a self-contained HTML', async () => {
    const pdf = path.join(t.dir, 'zylker.pdf');
    const r = await t.call('invoice.save', { module: 'Quotes', id: IDS.labQuote, kind: 'invoice', workflow: 'estimate', format: 'pdf', path: pdf, internal: false });
    expect(r.path).toBe(pdf);
    expect(fs.statSync(pdf).size).toBe(r.bytes);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    for (const s of ['INVOICE', 'Zylker Biotech', '8001 Zürich', 'Pat Boyle (primary)', 'Centrifuge Z-9', 'Pipette set', '2,599.00', '2,800.00']) expect(text, s).toContain(s);
    const html = path.join(t.dir, 'zylker.html');
    await t.call('invoice.save', { module: 'Quotes', id: IDS.labQuote, kind: 'invoice', workflow: 'estimate', format: 'html', path: html, internal: true });
    const page = fs.readFileSync(html, 'utf8');
    expect(page).toContain('Zylker Biotech');
    expect(page).toContain('Grand_Total is 2900 in the CRM, 2800.00 recomputed');
    expect(page).not.toMatch(/<script|https?:\/\//);
    expect((await t.fail('invoice.save', { module: 'Quotes', id: IDS.labQuote, kind: null, workflow: 'estimate', format: 'pdf', path: path.join(t.dir, 'no', 'x.pdf'), internal: false })).code).toBe('FILE_NOT_FOUND');
  });
});

describe('the customers preview', () => {
  it('builds customers and contact persons from Accounts and Contacts, flags likely duplicates, and goes stale with the replica', async () => {
    const empty = await t.call('invoice.customers', { offset: 0, limit: 50, duplicatesOnly: false, search: '' });
    expect(empty).toMatchObject({ state: null, total: 0 });
    const state = await t.call('invoice.customersBuild', {});
    expect(state).toMatchObject({ accounts: 3, contacts: 5, customers: 5, duplicates: 2 });
    const page = await t.call('invoice.customers', { offset: 0, limit: 50, duplicatesOnly: false, search: '' });
    expect(page.stale).toBe(false);
    // In name order, so likely duplicates sit together.
    expect(page.items.map((i) => [i.customer.contact_name, i.customer.case, i.customer.contact_persons.length, i.duplicates])).toEqual([
      ['Boyle', 3, 1, 0],
      ['Dmitri Иванов', 3, 1, 0],
      ['Other Corp', 1, 1, 0],
      ['Zylker Biotech', 1, 2, 1],
      ['zylker  biotech.', 2, 0, 1],
    ]);
    const dups = await t.call('invoice.customers', { offset: 0, limit: 50, duplicatesOnly: true, search: '' });
    expect(dups.items.map((i) => i.customer.contact_name)).toEqual(['Zylker Biotech', 'zylker  biotech.']);
    expect((await t.call('invoice.customers', { offset: 0, limit: 50, duplicatesOnly: false, search: 'иван' })).total).toBe(1);
    await t.call('convert.inventorySimulate', { module: 'Quotes', id: IDS.labQuote, target: 'Invoices' });
    expect((await t.call('invoice.customers', { offset: 0, limit: 1, duplicatesOnly: false, search: '' })).stale).toBe(true);
  });
});
