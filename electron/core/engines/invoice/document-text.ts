/**
 * The words and figures both renderers print (pure), so the HTML and the PDF say the same.
 */
import type { InvoiceAddress, InvoiceDocument } from '../../../../shared/domain/invoice';
import { personName } from './customer';
import { formatMoney } from './money';

/** `Invoice` or `Estimate`. */
export function documentTitle(doc: InvoiceDocument): string {
  return doc.kind === 'invoice' ? 'Invoice' : 'Estimate';
}

/** The address as printed lines (empty lines left out). */
export function addressLines(a: InvoiceAddress): string[] {
  const cityLine = [a.zip, a.city].filter((x) => x !== '').join(' ');
  const lines = [a.address, [cityLine, a.state].filter((x) => x !== '').join(', '), a.country];
  if (a.phone) lines.push(`Phone ${a.phone}`);
  if (a.fax) lines.push(`Fax ${a.fax}`);
  return lines.filter((l) => l !== '');
}

/** Header facts, label and value, in print order. */
export function headerFacts(doc: InvoiceDocument): [string, string][] {
  const facts: [string, string][] = [
    [`${documentTitle(doc)} number`, doc.number || 'assigned by Zoho Invoice'],
    ['Status', doc.status],
    [doc.kind === 'invoice' ? 'Invoice date' : 'Estimate date', doc.date],
  ];
  if (doc.due_date) facts.push([doc.kind === 'invoice' ? 'Due date' : 'Expiry date', doc.due_date]);
  if (doc.reference) facts.push(['Reference', doc.reference]);
  if (doc.currency_code) facts.push(['Currency', doc.currency_code]);
  return facts;
}

/** Contact persons as printed lines. */
export function personLines(doc: InvoiceDocument): string[] {
  return (doc.customer?.contact_persons ?? []).map((p) => {
    const phones = [p.phone && `phone ${p.phone}`, p.mobile && `mobile ${p.mobile}`].filter(Boolean).join(', ');
    return `${personName(p) || p.crm_id}${p.is_primary_contact ? ' (primary)' : ''}${phones ? ` — ${phones}` : ''}`;
  });
}

/** The totals block, label and amount. */
export function totalLines(doc: InvoiceDocument): [string, string][] {
  const out: [string, string][] = [['Sub total', formatMoney(doc.sub_total)]];
  if (doc.discount !== 0) out.push(['Discount', `-${formatMoney(doc.discount)}`]);
  for (const t of doc.taxes) out.push([t.tax_name, formatMoney(t.tax_amount)]);
  if (doc.adjustment !== 0) out.push(['Adjustment', formatMoney(doc.adjustment)]);
  out.push([`Total${doc.currency_code ? ` (${doc.currency_code})` : ''}`, formatMoney(doc.total)]);
  return out;
}

/** Stored CRM figures that disagree with the recomputed ones, in words. */
export function checkLines(doc: InvoiceDocument): string[] {
  return doc.checks.filter((c) => !c.agrees).map((c) => `${c.where}: ${c.field} is ${c.stored} in the CRM, ${c.computed} recomputed`);
}

/** The footer line. */
export const FOOTER = 'Preview made by Preflight from the local CRM replica. Zoho Invoice assigns the final numbers.';
