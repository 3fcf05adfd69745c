/**
 * The CSV text Zoho receives (pure): UTF-8 without BOM, comma-separated, CRLF line ends,
 * RFC 4180 quoting. Values are written exactly as given: quoting is the only change.
 */

const NEEDS_QUOTES = /[",\r\n]/;

/** One cell: quoted when it holds a comma, a quote, CR or LF, or when `always` (multi-select). */
export function uploadCell(value: string, always: boolean): string {
  if (always || NEEDS_QUOTES.test(value)) {
    return `"${value.replace(/"/g, '""')}"`;
  }
  return value;
}

/** One line with its CRLF; `quoted[i]` forces quotes on column i. */
export function uploadLine(cells: readonly string[], quoted: readonly boolean[]): string {
  let out = '';
  for (let i = 0; i < cells.length; i += 1) {
    if (i > 0) out += ',';
    out += uploadCell(cells[i] ?? '', quoted[i] === true);
  }
  return `${out}\r\n`;
}

/**
 * A cell of a CSV meant for people (error report, manifest summary, retry list): a leading
 * `=`, `+`, `-`, `@`, tab or CR gets a `'` so a spreadsheet shows it instead of running it.
 */
export function spreadsheetSafe(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** A human-facing CSV line: formula-safe cells, quoted as RFC 4180 needs, CRLF. */
export function humanLine(cells: readonly string[]): string {
  return `${cells.map((c) => uploadCell(spreadsheetSafe(c), false)).join(',')}\r\n`;
}
