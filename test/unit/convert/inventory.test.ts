import { describe, expect, it } from 'vitest';
import { planInventory, type InventoryWorld } from '../../../electron/core/engines/convert/inventory-plan';
import { inventoryConvertBody, inventoryRequests } from '../../../electron/core/engines/convert/inventory-requests';
import { inventoryChanges } from '../../../electron/core/engines/convert/simulation';
import { UniqueIndex } from '../../../electron/core/engines/convert/unique-index';
import type { RecordRef } from '../../../shared/domain/convert';
import { standardFields, withUnique } from './convert-world';

const QUOTE_ID = '4876876000000630001';
const ITEMS = [
  { id: '4876876000000630101', Product_Name: { name: 'Widget', id: '4876876000000700001' }, Quantity: 10, List_Price: 100, Discount: 0, Total: 1000, Line_Tax: [{ name: 'VAT', percentage: 18 }] },
  { id: '4876876000000630102', Product_Name: { name: 'Gizmo "XL"', id: '4876876000000700002' }, Quantity: 1, List_Price: 0.5, Parent_Id: { id: QUOTE_ID } },
];
const QUOTE: Record<string, string> = {
  Subject: 'Rocket parts',
  Quote_Number: 'Q-7',
  Quote_Stage: 'Draft',
  Valid_Till: '2026-12-31',
  Deal_Name: '4876876000000800001',
  'Deal_Name.name': 'Rocket deal',
  Account_Name: '4876876000000418001',
  'Account_Name.name': 'Acme Corporation',
  Contact_Name: '4876876000000520001',
  Billing_City: 'Zürich',
  Terms_and_Conditions: 'Net 30',
  Discount: '5',
  Grand_Total: '1175.5',
  Owner: '4876876000000225001',
  Tag: '[{"name":"Priority","id":"9"}]',
  Quoted_Items: JSON.stringify(ITEMS),
  $approval_state: 'approved',
};

function world(opts: { children?: RecordRef[]; uniques?: UniqueIndex } = {}): InventoryWorld {
  return {
    fieldsOf: (m) => standardFields(m),
    uniques: opts.uniques ?? new UniqueIndex(),
    convertedChildren: () => opts.children ?? [],
  };
}

const codes = (p: { findings: { severity: string; code: string | null }[] }): (string | null)[] => p.findings.filter((f) => f.severity === 'error').map((f) => f.code);

describe('inventory conversion', () => {
  it('Quote -> Sales Order carries the header fields, the line items entry by entry, the tags and the Quote_Name back-link', () => {
    const plan = planInventory('Quotes', QUOTE_ID, QUOTE, ['Sales_Orders'], world());
    expect(plan.status).toBe('ready');
    expect(plan.record?.module).toBe('Sales_Orders');
    expect(plan.record?.values).toMatchObject({
      Subject: 'Rocket parts',
      Deal_Name: '4876876000000800001',
      Account_Name: '4876876000000418001',
      'Account_Name.name': 'Acme Corporation',
      Billing_City: 'Zürich',
      Terms_and_Conditions: 'Net 30',
      Discount: '5',
      Grand_Total: '1175.5',
      Owner: '4876876000000225001',
      Quote_Name: QUOTE_ID,
      'Quote_Name.name': 'Rocket parts',
      Tag: 'Priority',
    });
    // Quote-only fields and the quote's own number stay behind.
    expect(plan.record?.values).not.toHaveProperty('Quote_Stage');
    expect(plan.record?.values).not.toHaveProperty('Valid_Till');
    expect(plan.record?.values).not.toHaveProperty('Quote_Number');
    expect(plan.record?.lineItemField).toBe('Ordered_Items');
    expect(plan.record?.lineItems).toEqual([
      { Product_Name: { name: 'Widget', id: '4876876000000700001' }, Quantity: 10, List_Price: 100, Discount: 0, Total: 1000, Line_Tax: [{ name: 'VAT', percentage: 18 }] },
      { Product_Name: { name: 'Gizmo "XL"', id: '4876876000000700002' }, Quantity: 1, List_Price: 0.5 },
    ]);
    expect(plan.backLink).toEqual({ field: 'Quote_Name', id: QUOTE_ID });
    expect(plan.record?.tags).toEqual(['Priority']);
  });

  it('Quote -> Invoice drops what Invoices lack (Deal_Name) and has no back-link field', () => {
    const plan = planInventory('Quotes', QUOTE_ID, QUOTE, ['Invoices'], world());
    expect(plan.status).toBe('ready');
    expect(plan.record?.values).not.toHaveProperty('Deal_Name');
    expect(plan.record?.lineItemField).toBe('Invoiced_Items');
    expect(plan.backLink).toBeNull();
  });

  it('Sales Order -> Invoice sets Sales_Order', () => {
    const so = { Subject: 'SO 1', Ordered_Items: JSON.stringify(ITEMS), Due_Date: '2026-12-01', Status: 'Created' };
    const plan = planInventory('Sales_Orders', '4876876000000900001', so, ['Invoices'], world());
    expect(plan.record?.values).toMatchObject({ Sales_Order: '4876876000000900001', Due_Date: '2026-12-01', Status: 'Created' });
    expect(plan.record?.lineItems).toHaveLength(2);
  });

  it('refuses several targets (INVALID_DATA), a wrong target, a record of another module, and an empty convert_to', () => {
    expect(codes(planInventory('Quotes', QUOTE_ID, QUOTE, ['Sales_Orders', 'Invoices'], world()))).toEqual(['INVALID_DATA']);
    expect(codes(planInventory('Sales_Orders', '1', { Subject: 'x' }, ['Sales_Orders'], world()))).toEqual(['INVALID_DATA']);
    expect(codes(planInventory('Invoices', '1', { Subject: 'x' }, ['Invoices'], world()))).toEqual(['INVALID_DATA']);
    expect(codes(planInventory('Quotes', QUOTE_ID, QUOTE, [], world()))).toEqual(['MANDATORY_NOT_FOUND']);
  });

  it('refuses an already converted parent (ID_ALREADY_CONVERTED), naming the child', () => {
    const child = { module: 'Sales_Orders', id: '4876876000000900009', name: 'Rocket parts' };
    const plan = planInventory('Quotes', QUOTE_ID, QUOTE, ['Sales_Orders'], world({ children: [child] }));
    expect(codes(plan)).toEqual(['ID_ALREADY_CONVERTED']);
    expect(plan.findings[0]?.record).toEqual(child);
  });

  it('refuses parents in an approval (NOT_APPROVED) or review process (NOT_REVIEWED)', () => {
    expect(codes(planInventory('Quotes', QUOTE_ID, { ...QUOTE, $approval_state: 'approval_process_pending' }, ['Sales_Orders'], world()))).toEqual(['NOT_APPROVED']);
    expect(codes(planInventory('Quotes', QUOTE_ID, { ...QUOTE, $approval_state: 'review_process_pending' }, ['Sales_Orders'], world()))).toEqual(['NOT_REVIEWED']);
  });

  it('refuses a child whose unique field value another record of the target holds (DUPLICATE_DATA)', () => {
    const uniques = new UniqueIndex();
    uniques.addModule('Sales_Orders', withUnique(standardFields('Sales_Orders'), ['Subject']));
    uniques.add('Sales_Orders', { Subject: 'ROCKET PARTS' }, { module: 'Sales_Orders', id: '4876876000000900002', name: 'ROCKET PARTS', plannedBy: null });
    const plan = planInventory('Quotes', QUOTE_ID, QUOTE, ['Sales_Orders'], world({ uniques }));
    expect(codes(plan)).toEqual(['DUPLICATE_DATA']);
    expect(plan.findings.find((f) => f.code === 'DUPLICATE_DATA')?.record?.id).toBe('4876876000000900002');
  });

  it('says when the replica has no line items to show (Bulk Read exports carry none)', () => {
    const plan = planInventory('Quotes', QUOTE_ID, { Subject: 'Bare' }, ['Sales_Orders'], world());
    expect(plan.status).toBe('ready');
    expect(plan.findings.some((f) => f.severity === 'note' && f.message.includes('no line items'))).toBe(true);
  });

  it("writes S2's request bodies, single and mass", () => {
    const plan = planInventory('Quotes', QUOTE_ID, QUOTE, ['Sales_Orders'], world());
    expect(inventoryConvertBody(plan)).toEqual({ data: [{ convert_to: [{ module: { api_name: 'Sales_Orders' }, carry_over_tags: true }] }] });
    expect(inventoryConvertBody(plan, { Sales_Orders: '4876876000000002217' })).toEqual({ data: [{ convert_to: [{ module: { api_name: 'Sales_Orders', id: '4876876000000002217' }, carry_over_tags: true }] }] });
    const single = inventoryRequests([plan], { version: 'v8', mode: 'single' });
    expect(single.requests[0]).toMatchObject({ path: `/crm/v8/Quotes/${QUOTE_ID}/actions/convert`, scope: 'ZohoCRM.mass_convert.Quotes.CREATE' });
    const mass = inventoryRequests(
      Array.from({ length: 51 }, (_, i) => ({ ...plan, source: { ...plan.source, id: String(4876876000000630000 + i) } })),
      { version: 'v8', mode: 'mass', assignTo: '4876876000000281001' },
    );
    expect(mass.requests.map((r) => (r.body as { ids: string[] }).ids.length)).toEqual([50, 1]);
    expect(mass.requests[0]?.body).toMatchObject({ convert_to: [{ module: { api_name: 'Sales_Orders' } }], carry_over_tags: true, assign_to: { id: '4876876000000281001' } });
    expect(mass.requests[0]?.path).toBe('/crm/v8/Quotes/actions/mass_convert');
  });

  it('simulates the child under a provisional id', () => {
    const plan = planInventory('Quotes', QUOTE_ID, QUOTE, ['Sales_Orders'], world());
    const [change] = inventoryChanges(plan, (m) => `provisional-1-${m}`);
    expect(change).toMatchObject({ module: 'Sales_Orders', id: 'provisional-1-Sales_Orders', kind: 'create' });
    expect(JSON.parse(change?.values.Ordered_Items ?? '[]')).toHaveLength(2);
  });
});
