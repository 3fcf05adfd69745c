import { describe, expect, it } from 'vitest';
import { buildDocument, type DocumentInput } from '../../../electron/core/engines/invoice/build-document';
import { readLine } from '../../../electron/core/engines/invoice/line-items';
import { headerFigures, lineFigures } from '../../../electron/core/engines/invoice/line-math';
import { formatMoney, readAmount, round2 } from '../../../electron/core/engines/invoice/money';
import { dealWorkflow } from '../../../electron/core/engines/invoice/deal-workflow';

const ITEMS = [
  { Product_Name: { name: 'Widget', id: '1' }, Quantity: 10, List_Price: 100, Discount: 50, Total: 1000, Total_After_Discount: 950, Tax: 171, Net_Total: 1121, Line_Tax: [{ name: 'VAT', percentage: 18 }] },
  { Product_Name: { name: 'Gizmo', id: '2' }, Quantity: 3, List_Price: '19.99', Discount: '10%', Line_Tax: [{ name: 'VAT', percentage: 18 }, { name: 'Eco', percentage: 2 }] },
  { Product_Name: { name: 'Service' }, Quantity: 2.5, List_Price: 80 },
];

function input(record: Record<string, string>, module = 'Quotes', kind: DocumentInput['kind'] = null): DocumentInput {
  return { module, id: '4876876000000630001', record, kind, workflow: 'estimate', customer: null, customerProblem: 'none', today: '2026-11-22' };
}

describe('amounts', () => {
  it('read numbers and numeric text, round half away from zero, print grouped', () => {
    expect(readAmount(' 1,180.50 ')).toBe(1180.5);
    expect(readAmount('12a')).toBeNull();
    expect(readAmount('')).toBeNull();
    expect(round2(1.005)).toBe(1.01);
    expect(round2(-2.675)).toBe(-2.68);
    expect(round2(0.1 + 0.2)).toBe(0.3);
    expect(formatMoney(1234567.5)).toBe('1,234,567.50');
    expect(formatMoney(-0.004)).toBe('0.00');
  });
});

describe('CRM line math (ZOHO-SPEC §4)', () => {
  it('Total, discount (amount or %), tax on the amount after discount, Net_Total', () => {
    expect(lineFigures(readLine(ITEMS[0] as Record<string, unknown>))).toEqual({ total: 1000, discount: 50, afterDiscount: 950, taxes: [{ name: 'VAT', percentage: 18, amount: 171 }], tax: 171, net: 1121 });
    const gizmo = lineFigures(readLine(ITEMS[1] as Record<string, unknown>));
    expect(gizmo).toMatchObject({ total: 59.97, discount: 6, afterDiscount: 53.97, tax: 10.79, net: 64.76 });
    expect(gizmo.taxes.map((t) => t.amount)).toEqual([9.71, 1.08]);
    expect(lineFigures(readLine(ITEMS[2] as Record<string, unknown>))).toMatchObject({ total: 200, tax: 0, net: 200 });
  });

  it('Sub_Total is the sum of Net_Total; Grand_Total takes off the discount and adds tax and adjustment', () => {
    const lines = ITEMS.map((i) => lineFigures(readLine(i as Record<string, unknown>)));
    expect(headerFigures(lines, { discount: 10, tax: 5, adjustment: -0.76 })).toEqual({ subTotal: 1385.76, grandTotal: 1380 });
  });

  it('reads API v2 lower-case line keys too', () => {
    const line = readLine({ product: { name: 'Old' }, quantity: 2, list_price: 5, Discount: 1, line_tax: [{ name: 'GST', percentage: 10 }], total: 10, net_total: 9.9 });
    expect(line.name).toBe('Old');
    expect(lineFigures(line)).toMatchObject({ total: 10, afterDiscount: 9, tax: 0.9, net: 9.9 });
  });
});

describe('the document', () => {
  it('recomputes every total and lists the line items as Zoho Invoice would', () => {
    const doc = buildDocument(input({ Subject: 'Rocket parts', Quote_Number: 'Q-7', Quoted_Items: JSON.stringify(ITEMS), Discount: '10', Adjustment: '-0.76', Valid_Till: '2026-12-31', Sub_Total: '1385.76', Grand_Total: '1375' }));
    expect(doc.kind).toBe('estimate');
    expect(doc.number).toBe('Q-7');
    expect(doc.status).toBe('draft');
    expect(doc.date).toBe('2026-11-22');
    expect(doc.due_date).toBe('2026-12-31');
    expect(doc.line_items.map((l) => [l.name, l.rate, l.quantity, l.discount, l.item_total, l.tax_amount])).toEqual([
      ['Widget', 100, 10, 50, 950, 171],
      ['Gizmo', 19.99, 3, 6, 53.97, 10.79],
      ['Service', 80, 2.5, 0, 200, 0],
    ]);
    expect(doc.sub_total).toBe(1203.97);
    expect(doc.taxes).toEqual([
      { tax_name: 'VAT (18%)', tax_amount: 180.71 },
      { tax_name: 'Eco (2%)', tax_amount: 1.08 },
    ]);
    expect(doc.tax_total).toBe(181.79);
    expect(doc.total).toBe(1375);
    // The stored Grand_Total agrees; nothing flagged.
    expect(doc.checks.filter((c) => !c.agrees)).toEqual([]);
  });

  it('flags stored totals that disagree, with both figures', () => {
    const bad = [{ ...ITEMS[0], Net_Total: 1200 }];
    const doc = buildDocument(input({ Subject: 'Bad', Quoted_Items: JSON.stringify(bad), Grand_Total: '1180.5' }));
    expect(doc.checks.filter((c) => !c.agrees)).toEqual([
      { where: 'line 1', field: 'Net_Total', stored: '1200', computed: '1121.00', agrees: false },
      { where: 'document', field: 'Grand_Total', stored: '1180.5', computed: '1121.00', agrees: false },
    ]);
  });

  it('reports values that are not numbers instead of inventing them', () => {
    const doc = buildDocument(input({ Subject: 'Odd', Quoted_Items: JSON.stringify([{ Product_Name: { name: 'X' }, Quantity: 'ten', List_Price: 5 }]), Discount: 'some' }));
    expect(doc.problems).toEqual(['line 1: Quantity "ten"', 'Discount "some"']);
  });

  it('an Invoice keeps its number and dates; a Sales Order previewed as an invoice gets its number from Zoho Invoice', () => {
    const inv = buildDocument(input({ Subject: 'I', Invoice_Number: 'INV-9', Invoice_Date: '2026-11-01', Due_Date: '2026-12-01', Invoiced_Items: '[]' }, 'Invoices'));
    expect([inv.kind, inv.number, inv.date, inv.due_date]).toEqual(['invoice', 'INV-9', '2026-11-01', '2026-12-01']);
    const so = buildDocument(input({ Subject: 'S', SO_Number: 'SO-3', Ordered_Items: '[]' }, 'Sales_Orders'));
    expect([so.kind, so.number, so.reference]).toEqual(['invoice', '', 'Sales Order SO-3']);
  });
});

describe('the Deal workflow (S4)', () => {
  it('estimates: created -> draft, won -> accepted, lost -> declined', () => {
    expect(['Qualification', 'Closed Won', 'Closed Lost'].map((s) => [dealWorkflow(s, 'estimate').documentKind, dealWorkflow(s, 'estimate').status])).toEqual([
      ['estimate', 'draft'],
      ['estimate', 'accepted'],
      ['estimate', 'declined'],
    ]);
  });

  it('invoices: none while open, created when won, void when lost', () => {
    expect(['Qualification', 'Closed Won', 'Closed Lost'].map((s) => [dealWorkflow(s, 'invoice').documentKind, dealWorkflow(s, 'invoice').status])).toEqual([
      [null, null],
      ['invoice', 'draft'],
      ['invoice', 'void'],
    ]);
  });

  it("a won deal's invoice has one line for the deal amount", () => {
    const doc = buildDocument({ ...input({ Deal_Name: 'Zylker Deal', Amount: '20000000', Stage: 'Closed Won', Closing_Date: '2024-10-20' }, 'Deals'), workflow: 'invoice' });
    expect([doc.kind, doc.status, doc.date, doc.total]).toEqual(['invoice', 'draft', '2024-10-20', 20000000]);
    expect(doc.line_items[0]).toMatchObject({ name: 'Zylker Deal', rate: 20000000, quantity: 1 });
  });
});
