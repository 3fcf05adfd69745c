/**
 * Line items as the replica holds them (pure): Records API entries kept as JSON text. Both key
 * spellings are read: v2+ (`Product_Name`, `List_Price`, `Line_Tax`, …) and API v2's lower-case
 * `Product_Details` keys (`product`, `list_price`, `line_tax`, …) (ZOHO-SPEC §4).
 */
import { readAmount } from './money';

/** One CRM line item, read. */
export interface CrmLine {
  name: string;
  description: string;
  quantity: number | null;
  listPrice: number | null;
  /** The line discount: an amount, or a percentage of the line total when written `10%`. */
  discount: { amount: number } | { percent: number } | null;
  taxes: { name: string; percentage: number }[];
  /** The figures stored with the line, where present, for checking. */
  stored: { Total: unknown; Total_After_Discount: unknown; Tax: unknown; Net_Total: unknown };
  /** Raw values that could not be read, as `Quantity "ten"`. */
  problems: string[];
}

type Entry = Record<string, unknown>;

function pick(entry: Entry, ...keys: string[]): unknown {
  for (const k of keys) if (entry[k] !== undefined && entry[k] !== null) return entry[k];
  return undefined;
}

function text(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'object' && !Array.isArray(v) && 'name' in v) return String((v as { name: unknown }).name ?? '');
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
}

function readDiscount(v: unknown, problems: string[]): CrmLine['discount'] {
  if (v === undefined || v === null || v === '') return null;
  if (typeof v === 'string' && v.trim().endsWith('%')) {
    const p = readAmount(v.trim().slice(0, -1));
    if (p !== null) return { percent: p };
  }
  const a = readAmount(v);
  if (a === null) {
    problems.push(`Discount "${text(v)}"`);
    return null;
  }
  return { amount: a };
}

function readTaxes(v: unknown, problems: string[]): CrmLine['taxes'] {
  if (!Array.isArray(v)) return [];
  const out: CrmLine['taxes'] = [];
  for (const t of v) {
    if (typeof t !== 'object' || t === null) continue;
    const o = t as Entry;
    const pct = readAmount(pick(o, 'percentage', 'value'));
    if (pct === null) {
      problems.push(`tax "${text(o.name)}" percentage`);
      continue;
    }
    out.push({ name: text(o.name) || 'Tax', percentage: pct });
  }
  return out;
}

function number(entry: Entry, problems: string[], label: string, ...keys: string[]): number | null {
  const raw = pick(entry, ...keys);
  if (raw === undefined || raw === '') return null;
  const n = readAmount(raw);
  if (n === null) problems.push(`${label} "${text(raw)}"`);
  return n;
}

/** Reads one entry. */
export function readLine(entry: Entry): CrmLine {
  const problems: string[] = [];
  return {
    name: text(pick(entry, 'Product_Name', 'product', 'Name')) || '(no product)',
    description: text(pick(entry, 'Description', 'product_description')),
    quantity: number(entry, problems, 'Quantity', 'Quantity', 'quantity'),
    listPrice: number(entry, problems, 'List Price', 'List_Price', 'list_price', 'Unit_Price', 'unit_price'),
    discount: readDiscount(pick(entry, 'Discount', 'discount'), problems),
    taxes: readTaxes(pick(entry, 'Line_Tax', 'line_tax'), problems),
    stored: {
      Total: pick(entry, 'Total', 'total'),
      Total_After_Discount: pick(entry, 'Total_After_Discount', 'total_after_discount'),
      Tax: pick(entry, 'Tax'),
      Net_Total: pick(entry, 'Net_Total', 'net_total'),
    },
    problems,
  };
}

/** Reads a line-item cell; null when it is not a JSON list. */
export function readLines(cell: string | undefined): CrmLine[] | null {
  const t = (cell ?? '').trim();
  if (t === '') return [];
  try {
    const parsed = JSON.parse(t) as unknown;
    if (!Array.isArray(parsed)) return null;
    return parsed.filter((x): x is Entry => typeof x === 'object' && x !== null && !Array.isArray(x)).map(readLine);
  } catch {
    return null;
  }
}
