import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDocument } from '../../../electron/core/engines/invoice/build-document';
import { customerFromAccount } from '../../../electron/core/engines/invoice/customer';
import { renderHtml } from '../../../electron/core/engines/invoice/render-html';
import { renderPdf } from '../../../electron/core/engines/invoice/render-pdf';
import { ROOT, tempDir } from '../../helpers/temp-dir';

const fonts = {
  regular: fs.readFileSync(path.join(ROOT, 'resources', 'fonts', 'DejaVuSans.ttf')),
  bold: fs.readFileSync(path.join(ROOT, 'resources', 'fonts', 'DejaVuSans-Bold.ttf')),
};
const { dir, cleanup } = tempDir();
afterAll(cleanup);

const customer = customerFromAccount(
  { id: '1', values: { Account_Name: 'Ørsted & Søn <AG>', Billing_Street: 'Bahnhofstraße 1', Billing_City: 'Zürich', Billing_Code: '8001', Phone: '0012345600012' } },
  [
    { id: '2', values: { First_Name: 'Σωκράτης', Last_Name: 'Παπαδόπουλος' } },
    { id: '3', values: { First_Name: 'Дмитрий', Last_Name: 'Иванов', Mobile: '+7 900' } },
  ],
);
const items = [
  { Product_Name: { name: 'Café crème machine' }, Quantity: 2, List_Price: 499.5, Line_Tax: [{ name: 'MwSt', percentage: 7.7 }], Description: 'Two-group\nwith grinder' },
  ...Array.from({ length: 45 }, (_, i) => ({ Product_Name: { name: `Spare part ${i + 1}` }, Quantity: 1, List_Price: 10 })),
];
const doc = buildDocument({
  module: 'Quotes',
  id: '4876876000000630001',
  record: { Subject: 'Espresso bar', Quote_Number: 'Q-42', Quoted_Items: JSON.stringify(items), Grand_Total: '999', Terms_and_Conditions: 'Net 30 <days>' },
  kind: 'invoice',
  workflow: 'estimate',
  customer,
  customerProblem: null,
  today: '2026-11-22',
});

describe('the PDF', () => {
  it('opens in an independent reader (pdftotext) with the customer, the accented and non-Latin names, line items and totals', async () => {
    const bytes = await renderPdf(doc, fonts, new Date('2026-11-22T10:00:00Z'), { internal: true });
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const file = path.join(dir, 'quote.pdf');
    fs.writeFileSync(file, bytes);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    for (const s of ['INVOICE', 'Ørsted & Søn <AG>', 'Bahnhofstraße 1', '8001 Zürich', 'Σωκράτης Παπαδόπουλος', 'Дмитрий Иванов', 'Café crème machine', 'Spare part 45', '1,449.00', '1,525.92', 'MwSt (7.7%)', 'Net 30 <days>']) {
      expect(text, s).toContain(s);
    }
    // 46 lines do not fit one A4 page: the table goes on, header repeated.
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Pages:\s+2/);
    expect(text.match(/Amount/g)?.length).toBe(2);
    // The stored Grand_Total disagrees and the PDF says so with both figures.
    expect(text).toContain('Grand_Total is 999 in the CRM, 1525.92 recomputed');
  });

  it("leaves the preparer's notes out of the customer's copy", async () => {
    const file = path.join(dir, 'customer.pdf');
    fs.writeFileSync(file, await renderPdf(doc, fonts, new Date('2026-11-22T10:00:00Z')));
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('1,525.92');
    expect(text).not.toContain('in the CRM');
  });
});

describe('the HTML', () => {
  const html = renderHtml(doc, { internal: true });
  it('is self-contained: inline CSS, no script, no remote content, a CSP forbidding any', () => {
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/<script|<link|src=|url\(|@import/i);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).toContain("default-src 'none'");
  });

  it('escapes every value and keeps text as given', () => {
    expect(html).toContain('Ørsted &amp; Søn &lt;AG&gt;');
    expect(html).toContain('Net 30 &lt;days&gt;');
    expect(html).toContain('0012345600012');
    expect(html).toContain('Two-group\nwith grinder');
    expect(html).toContain('Σωκράτης Παπαδόπουλος');
  });

  it("prints the disagreeing totals only in the preparer's copy", () => {
    expect(html).toContain('Grand_Total is 999 in the CRM, 1525.92 recomputed');
    expect(renderHtml(doc)).not.toContain('in the CRM');
  });
});
