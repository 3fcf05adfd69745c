/**
 * Zoho CRM's line-item arithmetic (pure; ZOHO-SPEC §4, tax on the amount after discount):
 * Total = List_Price x Quantity; Total_After_Discount = Total - Discount; Tax = sum of the
 * Line_Tax percentages x Total_After_Discount; Net_Total = Total_After_Discount + Tax;
 * Sub_Total = sum of Net_Total; Grand_Total = Sub_Total - Discount + Tax + Adjustment.
 * Each figure is rounded to cents, as Zoho stores it.
 */
import type { CrmLine } from './line-items';
import { round2 } from './money';

/** A line's figures, recomputed. */
export interface LineFigures {
  total: number;
  discount: number;
  afterDiscount: number;
  /** Per tax, in the line's order. */
  taxes: { name: string; percentage: number; amount: number }[];
  tax: number;
  net: number;
}

/** Recomputes one line; unreadable quantities and prices count as 0 (and are reported). */
export function lineFigures(line: CrmLine): LineFigures {
  const total = round2((line.listPrice ?? 0) * (line.quantity ?? 0));
  const d = line.discount;
  const discount = d === null ? 0 : 'percent' in d ? round2((total * d.percent) / 100) : round2(d.amount);
  const afterDiscount = round2(total - discount);
  const taxes = line.taxes.map((t) => ({ ...t, amount: round2((afterDiscount * t.percentage) / 100) }));
  const tax = round2(taxes.reduce((s, t) => s + t.amount, 0));
  return { total, discount, afterDiscount, taxes, tax, net: round2(afterDiscount + tax) };
}

/** Header figures from the lines and the header's Discount, Tax and Adjustment. */
export function headerFigures(lines: readonly LineFigures[], header: { discount: number; tax: number; adjustment: number }): { subTotal: number; grandTotal: number } {
  const subTotal = round2(lines.reduce((s, l) => s + l.net, 0));
  return { subTotal, grandTotal: round2(subTotal - header.discount + header.tax + header.adjustment) };
}
