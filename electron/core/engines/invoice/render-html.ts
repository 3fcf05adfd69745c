/**
 * An invoice or estimate as one self-contained HTML file (pure): inline CSS, no script, no
 * remote content (a CSP in the file itself forbids any), printable as it is.
 */
import type { InvoiceDocument } from '../../../../shared/domain/invoice';
import { addressLines, checkLines, documentTitle, FOOTER, headerFacts, personLines, totalLines } from './document-text';
import { formatMoney, formatQuantity } from './money';

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

const CSS = `
*{box-sizing:border-box}body{font-family:"DejaVu Sans",Arial,Helvetica,sans-serif;color:#1d2433;margin:0;padding:32px;font-size:13px}
.doc{max-width:820px;margin:0 auto}h1{font-size:26px;margin:0 0 4px;letter-spacing:.5px}h2{font-size:13px;text-transform:uppercase;color:#5b6577;margin:0 0 6px}
.top{display:flex;justify-content:space-between;gap:24px;align-items:flex-start;border-bottom:2px solid #1d2433;padding-bottom:12px;margin-bottom:18px}
.facts{border-collapse:collapse}.facts td{padding:2px 0 2px 16px;text-align:right}.facts td:first-child{color:#5b6577;text-align:left;padding-left:0}
.status{display:inline-block;padding:2px 8px;border-radius:10px;background:#e8edf6;font-weight:bold;text-transform:uppercase;font-size:11px}
.status-void,.status-declined{background:#fbe3e3;color:#8a1c1c}.status-accepted{background:#e2f4e6;color:#1d6b2f}
.parties{display:flex;gap:32px;margin-bottom:18px}.parties>div{flex:1}.lines p{margin:0 0 2px}
table.items{width:100%;border-collapse:collapse;margin-bottom:12px}table.items th{background:#1d2433;color:#fff;text-align:left;padding:6px;font-size:12px}
table.items td{padding:6px;border-bottom:1px solid #d9dee8;vertical-align:top}table.items .num{text-align:right;white-space:nowrap}
.desc{color:#5b6577;font-size:12px;white-space:pre-line}.totals{margin-left:auto;border-collapse:collapse;min-width:300px}
.totals td{padding:3px 6px}.totals td:last-child{text-align:right}.totals tr:last-child td{border-top:2px solid #1d2433;font-weight:bold;font-size:15px}
.note{border:1px solid #e0b400;background:#fff8dc;padding:8px 12px;margin:12px 0}.note h2{color:#7a5d00}
.terms{margin-top:18px;white-space:pre-line}footer{margin-top:28px;color:#5b6577;font-size:11px;border-top:1px solid #d9dee8;padding-top:8px}
@media print{body{padding:0}}`;

const p = (text: string): string => `<p>${escapeHtml(text)}</p>`;

/** What a rendering shows besides the document itself. */
export interface RenderOptions {
  /**
   * Also print the preparer's notes: stored totals that disagree, values that are not numbers,
   * what the deal workflow does. Off for a document meant for the customer.
   */
  internal: boolean;
}

/** The document as a complete HTML page. */
export function renderHtml(doc: InvoiceDocument, opts: RenderOptions = { internal: false }): string {
  const title = documentTitle(doc);
  const c = doc.customer;
  const customer = c
    ? `<div><h2>Bill to</h2><div class="lines">${p(c.contact_name)}${addressLines(c.billing_address).map(p).join('')}</div></div>
       <div><h2>Ship to</h2><div class="lines">${addressLines(c.shipping_address).map(p).join('') || p('—')}</div></div>
       <div><h2>Contact persons</h2><div class="lines">${personLines(doc).map(p).join('') || p('none')}</div></div>`
    : `<div><h2>Bill to</h2><div class="lines">${p(doc.customerProblem ?? 'No customer')}</div></div>`;
  const rows = doc.line_items
    .map(
      (l) => `<tr><td>${l.item_order}</td><td>${escapeHtml(l.name)}${l.description ? `<div class="desc">${escapeHtml(l.description)}</div>` : ''}</td>
<td class="num">${escapeHtml(formatQuantity(l.quantity))}</td><td class="num">${formatMoney(l.rate)}</td><td class="num">${l.discount ? formatMoney(l.discount) : ''}</td>
<td>${escapeHtml(l.tax_name)}</td><td class="num">${formatMoney(l.item_total)}</td></tr>`,
    )
    .join('\n');
  const notes: string[] = [];
  if (opts.internal && doc.workflow) notes.push(`<div class="note"><h2>Deal workflow</h2>${p(doc.workflow.explanation)}</div>`);
  const disagreements = checkLines(doc);
  if (opts.internal && disagreements.length > 0) notes.push(`<div class="note"><h2>Stored totals that disagree</h2>${disagreements.map(p).join('')}</div>`);
  if (opts.internal && doc.problems.length > 0) notes.push(`<div class="note"><h2>Values that are not numbers</h2>${doc.problems.map(p).join('')}</div>`);
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`${title} ${doc.number || doc.source.name}`)}</title><style>${CSS}</style></head>
<body><div class="doc">
<div class="top"><div><h1>${title.toUpperCase()}</h1>${p(doc.source.name)}<span class="status status-${escapeHtml(doc.status.replace(/\s+/g, '-'))}">${escapeHtml(doc.status)}</span></div>
<table class="facts">${headerFacts(doc).map(([k, v]) => `<tr><td>${escapeHtml(k)}</td><td>${escapeHtml(v)}</td></tr>`).join('')}</table></div>
<div class="parties">${customer}</div>
<table class="items"><thead><tr><th>#</th><th>Item</th><th class="num">Qty</th><th class="num">Rate</th><th class="num">Discount</th><th>Tax</th><th class="num">Amount</th></tr></thead>
<tbody>${rows || '<tr><td colspan="7">No line items</td></tr>'}</tbody></table>
<table class="totals">${totalLines(doc).map(([k, v]) => `<tr><td>${escapeHtml(k)}</td><td>${escapeHtml(v)}</td></tr>`).join('')}</table>
${notes.join('\n')}
${doc.notes ? `<div class="terms"><h2>Notes</h2>${escapeHtml(doc.notes)}</div>` : ''}
${doc.terms ? `<div class="terms"><h2>Terms and conditions</h2>${escapeHtml(doc.terms)}</div>` : ''}
<footer>${escapeHtml(FOOTER)}</footer>
</div></body></html>
`;
}
