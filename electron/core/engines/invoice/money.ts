/**
 * Amounts (pure): read as CRM values arrive (numbers in Records JSON, text in exports), rounded
 * to cents the way Zoho rounds each line, and printed with grouped thousands.
 */

/** A number from a JSON value or text, or null when it is not one (empty counts as null). */
export function readAmount(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const t = value.trim().replace(/,(?=\d{3}(\D|$))/g, '');
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(t)) return null;
  return Number(t);
}

/**
 * Rounds half away from zero to two decimals. The product is first cut to 15 significant
 * digits, so a binary fraction just under a half cent (1.005 x 100 = 100.4999…) rounds up.
 */
export function round2(n: number): number {
  const cents = Math.round(Number((Math.abs(n) * 100).toPrecision(15)));
  return n < 0 && cents !== 0 ? -cents / 100 : cents / 100;
}

/** True when two amounts differ by more than half a cent. */
export function differs(a: number, b: number): boolean {
  return Math.abs(a - b) > 0.005;
}

/** `1234.5` -> `1,234.50`. */
export function formatMoney(n: number): string {
  const [int, frac] = Math.abs(round2(n)).toFixed(2).split('.') as [string, string];
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${n < 0 && round2(n) !== 0 ? '-' : ''}${grouped}.${frac}`;
}

/** A quantity as typed: `10`, `2.5`, no forced decimals. */
export function formatQuantity(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(6)));
}
