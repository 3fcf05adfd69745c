/**
 * Amounts as the documents print them (`1,234.50`).
 */

/** Two decimals, grouped thousands. */
export function money(n: number): string {
  return n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}
