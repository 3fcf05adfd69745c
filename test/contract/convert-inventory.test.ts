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

const errors = (p: { findings: { severity: string; code: string | null }[] }): (string | null)[] => p.findings.filter((f) => f.severity === 'error').map((f) => f.code);

describe('convert.inventoryPlan', () => {
  it('Quote -> Sales Order: header fields and line items carried, Quote_Name set, tags carried', async () => {
    const { plan } = await t.call('convert.inventoryPlan', { module: 'Quotes', id: IDS.labQuote, targets: ['Sales_Orders'] });
    expect(plan.status).toBe('ready');
    expect(plan.record?.values).toMatchObject({ Subject: 'Zylker lab kit', Account_Name: IDS.zylker, Contact_Name: IDS.patContact, Quote_Name: IDS.labQuote, Billing_City: 'Zürich', Tag: 'Lab' });
    expect(plan.record?.lineItems.map((i) => (i.Product_Name as { name: string }).name)).toEqual(['Centrifuge Z-9', 'Pipette set']);
    expect(plan.record?.lineItems[0]).not.toHaveProperty('id');
    expect(plan.backLink).toEqual({ field: 'Quote_Name', id: IDS.labQuote });
  });

  it("refuses with Zoho's codes", async () => {
    const plan = async (module: 'Quotes' | 'Sales_Orders' | 'Invoices', id: string, targets: string[]) => (await t.call('convert.inventoryPlan', { module, id, targets })).plan;
    expect(errors(await plan('Quotes', IDS.labQuote, ['Sales_Orders', 'Invoices']))).toEqual(['INVALID_DATA']);
    expect(errors(await plan('Quotes', IDS.pendingQuote, ['Sales_Orders']))).toEqual(['NOT_APPROVED']);
    expect(errors(await plan('Quotes', IDS.reviewQuote, ['Invoices']))).toEqual(['NOT_REVIEWED']);
    const converted = await plan('Quotes', IDS.orderedQuote, ['Sales_Orders']);
    expect(errors(converted)).toEqual(['ID_ALREADY_CONVERTED']);
    expect(converted.findings[0]?.record).toEqual({ module: 'Sales_Orders', id: IDS.salesOrder, name: 'Already ordered' });
    expect(errors(await plan('Sales_Orders', IDS.salesOrder, ['Sales_Orders']))).toEqual(['INVALID_DATA']);
    expect((await t.fail('convert.inventoryPlan', { module: 'Quotes', id: '4876876000000000000', targets: ['Invoices'] })).code).toBe('RECORD_NOT_FOUND');
    expect((await t.fail('convert.inventoryPlan', { module: 'Leads', id: IDS.labQuote, targets: ['Invoices'] })).code).toBe('BAD_REQUEST');
  });

  it('Sales Order -> Invoice sets Sales_Order', async () => {
    const { plan } = await t.call('convert.inventoryPlan', { module: 'Sales_Orders', id: IDS.salesOrder, targets: ['Invoices'] });
    expect(plan.record?.values).toMatchObject({ Sales_Order: IDS.salesOrder, Due_Date: '2026-12-15' });
  });
});

describe('convert.inventorySimulate', () => {
  it('creates the child under a provisional id; converting again is ID_ALREADY_CONVERTED until undone', async () => {
    const r = await t.call('convert.inventorySimulate', { module: 'Quotes', id: IDS.labQuote, target: 'Invoices' });
    expect(r.child.id).toMatch(/^provisional-\d+-1-invoices$/);
    const child = await t.call('replica.record', { module: 'Invoices', id: r.child.id });
    expect(child.title).toBe('Zylker lab kit');
    expect(child.fields.find((f) => f.key === 'Invoiced_Items')?.items).toHaveLength(2);
    const again = await t.call('convert.inventoryPlan', { module: 'Quotes', id: IDS.labQuote, targets: ['Invoices'] });
    expect(errors(again.plan)).toEqual(['ID_ALREADY_CONVERTED']);
    const refused = await t.fail('convert.inventorySimulate', { module: 'Quotes', id: IDS.labQuote, target: 'Invoices' });
    expect(refused.code).toBe('ID_ALREADY_CONVERTED');
    await t.call('convert.undo', { simulation: r.simulation.id });
    expect((await t.fail('replica.record', { module: 'Invoices', id: r.child.id })).code).toBe('RECORD_NOT_FOUND');
    expect((await t.call('convert.inventoryPlan', { module: 'Quotes', id: IDS.labQuote, targets: ['Invoices'] })).plan.status).toBe('ready');
  });
});

describe('convert.inventoryWrite', () => {
  it("writes S2's bodies, the refused records listed", async () => {
    const w = await t.call('convert.inventoryWrite', {
      module: 'Quotes',
      ids: [IDS.labQuote, IDS.pendingQuote],
      targets: ['Sales_Orders'],
      version: 'v8',
      mode: 'single',
      path: t.dir,
      moduleIds: { Sales_Orders: '4876876000000002217' },
    });
    expect(w.requests).toBe(1);
    expect(w.skipped.map((s) => [s.id, s.codes])).toEqual([[IDS.pendingQuote, ['NOT_APPROVED']]]);
    const manifest = JSON.parse(fs.readFileSync(w.manifest, 'utf8')) as { requests: { file: string; path: string; scope: string }[] };
    expect(manifest.requests[0]).toMatchObject({ path: `/crm/v8/Quotes/${IDS.labQuote}/actions/convert`, scope: 'ZohoCRM.mass_convert.Quotes.CREATE' });
    expect(JSON.parse(fs.readFileSync(path.join(w.folder, manifest.requests[0]?.file ?? ''), 'utf8'))).toEqual({
      data: [{ convert_to: [{ module: { api_name: 'Sales_Orders', id: '4876876000000002217' }, carry_over_tags: true }] }],
    });
    expect((await t.fail('convert.inventoryWrite', { module: 'Quotes', ids: [IDS.pendingQuote], targets: ['Sales_Orders'], version: 'v8', mode: 'single', path: t.dir })).code).toBe('NOTHING_TO_CONVERT');
  });
});
