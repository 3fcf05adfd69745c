/**
 * The invoice or estimate a Quote, Sales Order, Invoice or Deal would give in Zoho Invoice
 * (pure; ZOHO-SPEC §7): line items with rate, quantity, discount and tax, every total
 * recomputed, and the CRM's stored figures checked against the recomputed ones.
 */
import { LINE_ITEM_FIELD } from '../../../../shared/domain/convert';
import type { InvoiceCustomer, InvoiceDocument, InvoiceLine, TotalsCheck } from '../../../../shared/domain/invoice';
import { recordName } from '../../../../shared/domain/record-name';
import { dealWorkflow } from './deal-workflow';
import type { CrmLine } from './line-items';
import { readLines } from './line-items';
import { headerFigures, lineFigures, type LineFigures } from './line-math';
import { differs, readAmount, round2 } from './money';

type Values = Readonly<Record<string, string | undefined>>;

/** What a document is built from. */
export interface DocumentInput {
  module: string;
  id: string;
  record: Values;
  /** null: the module's usual document (a Quote gives an estimate, the others an invoice). */
  kind: 'invoice' | 'estimate' | null;
  /** Deals: which Zoho Invoice workflow the org runs. */
  workflow: 'estimate' | 'invoice';
  customer: InvoiceCustomer | null;
  customerProblem: string | null;
  /** Today (yyyy-MM-dd), for documents the CRM record gives no date. */
  today: string;
}

const NUMBER_FIELD: Readonly<Record<string, string>> = { Quotes: 'Quote_Number', Sales_Orders: 'SO_Number', Invoices: 'Invoice_Number' };

function check(where: string, field: string, stored: unknown, computed: number, out: TotalsCheck[]): void {
  if (stored === undefined || stored === null || stored === '') return;
  const s = readAmount(stored);
  const storedText = typeof stored === 'string' ? stored : typeof stored === 'number' ? String(stored) : JSON.stringify(stored);
  out.push({ where, field, stored: storedText, computed: computed.toFixed(2), agrees: s !== null && !differs(s, computed) });
}

function dealLine(record: Values): CrmLine {
  return {
    name: record.Deal_Name ?? '(deal)',
    description: '',
    quantity: 1,
    listPrice: readAmount(record.Amount) ?? 0,
    discount: null,
    taxes: [],
    stored: { Total: undefined, Total_After_Discount: undefined, Tax: undefined, Net_Total: undefined },
    problems: record.Amount && readAmount(record.Amount) === null ? [`Amount "${record.Amount}"`] : [],
  };
}

function invoiceLine(line: CrmLine, f: LineFigures, order: number): InvoiceLine {
  return {
    item_order: order,
    name: line.name,
    description: line.description,
    rate: line.listPrice ?? 0,
    quantity: line.quantity ?? 0,
    discount: f.discount,
    tax_name: f.taxes.map((t) => `${t.name} (${t.percentage}%)`).join(', '),
    tax_percentage: f.taxes.reduce((s, t) => s + t.percentage, 0),
    tax_amount: f.tax,
    item_total: f.afterDiscount,
  };
}

function headerAmount(record: Values, field: string, problems: string[]): number {
  const raw = record[field];
  if (raw === undefined || raw.trim() === '') return 0;
  const n = readAmount(raw);
  if (n === null) {
    problems.push(`${field} "${raw}"`);
    return 0;
  }
  return n;
}

/** Builds the document. */
export function buildDocument(input: DocumentInput): InvoiceDocument {
  const { module, record } = input;
  const problems: string[] = [];
  const step = module === 'Deals' ? dealWorkflow(record.Stage ?? '', input.workflow) : null;
  const kind = input.kind ?? (step ? (step.documentKind ?? 'invoice') : module === 'Quotes' ? 'estimate' : 'invoice');
  let lines: CrmLine[];
  if (module === 'Deals') {
    lines = [dealLine(record)];
  } else {
    const read = readLines(record[LINE_ITEM_FIELD[module] ?? '']);
    if (read === null) problems.push(`${LINE_ITEM_FIELD[module]} is not a list of line items`);
    lines = read ?? [];
  }
  const figures = lines.map(lineFigures);
  const checks: TotalsCheck[] = [];
  lines.forEach((l, i) => {
    for (const p of l.problems) problems.push(`line ${i + 1}: ${p}`);
    const f = figures[i] as LineFigures;
    check(`line ${i + 1}`, 'Total', l.stored.Total, f.total, checks);
    check(`line ${i + 1}`, 'Total_After_Discount', l.stored.Total_After_Discount, f.afterDiscount, checks);
    check(`line ${i + 1}`, 'Tax', l.stored.Tax, f.tax, checks);
    check(`line ${i + 1}`, 'Net_Total', l.stored.Net_Total, f.net, checks);
  });
  const discount = module === 'Deals' ? 0 : headerAmount(record, 'Discount', problems);
  const headerTax = module === 'Deals' ? 0 : headerAmount(record, 'Tax', problems);
  const adjustment = module === 'Deals' ? 0 : headerAmount(record, 'Adjustment', problems);
  const { subTotal, grandTotal } = headerFigures(figures, { discount, tax: headerTax, adjustment });
  if (module !== 'Deals') {
    check('document', 'Sub_Total', record.Sub_Total, subTotal, checks);
    check('document', 'Grand_Total', record.Grand_Total, grandTotal, checks);
  }

  const taxMap = new Map<string, number>();
  for (const f of figures) for (const t of f.taxes) taxMap.set(`${t.name} (${t.percentage}%)`, (taxMap.get(`${t.name} (${t.percentage}%)`) ?? 0) + t.amount);
  if (headerTax !== 0) taxMap.set('Tax', (taxMap.get('Tax') ?? 0) + headerTax);
  const taxes = [...taxMap].map(([tax_name, amount]) => ({ tax_name, tax_amount: round2(amount) }));
  const taxTotal = round2(taxes.reduce((s, t) => s + t.tax_amount, 0));
  const itemSum = round2(figures.reduce((s, f) => s + f.afterDiscount, 0));

  const crmNumber = record[NUMBER_FIELD[module] ?? ''] ?? '';
  const keepsNumber = (kind === 'invoice' && module === 'Invoices') || (kind === 'estimate' && module === 'Quotes');
  const dueField = kind === 'estimate' ? 'Valid_Till' : 'Due_Date';
  return {
    kind,
    source: { module, id: input.id, name: recordName(module, (k) => record[k]) || input.id },
    number: keepsNumber ? crmNumber : '',
    status: step ? (step.status ?? 'not created') : 'draft',
    date: (module === 'Invoices' ? record.Invoice_Date : undefined) || (module === 'Deals' && step?.event !== 'created' ? record.Closing_Date : undefined) || input.today,
    due_date: record[dueField] ?? '',
    reference: keepsNumber ? '' : [module.replace(/_/g, ' ').replace(/s$/, ''), crmNumber || recordName(module, (k) => record[k])].filter(Boolean).join(' '),
    currency_code: record.Currency ?? '',
    customer: input.customer,
    customerProblem: input.customerProblem,
    line_items: lines.map((l, i) => invoiceLine(l, figures[i] as LineFigures, i + 1)),
    sub_total: itemSum,
    discount,
    taxes,
    tax_total: taxTotal,
    adjustment,
    total: round2(itemSum - discount + taxTotal + adjustment),
    checks,
    problems,
    notes: record.Description ?? '',
    terms: record.Terms_and_Conditions ?? '',
    workflow: step,
  };
}
