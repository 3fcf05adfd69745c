/**
 * The error report: rows with issues, their original values, and the issue columns (pure).
 *
 * Written so whoever produced the file can fix it at the source: the original header and
 * cells come first, untouched but for the `'` that keeps a spreadsheet from running a cell
 * that starts like a formula; then Preflight's row number, Zoho's own error notation
 * (`CODE-field` joined by `:`, as in a Bulk Write result file) and readable messages.
 */
import type { Issue } from '../../../../shared/domain/batch';
import { spreadsheetSafe } from '../export/upload-csv';

export const REPORT_COLUMNS = ['Preflight row', 'Zoho errors', 'Errors', 'Warnings'];

/**
 * One cell for a spreadsheet: a leading `=`, `+`, `-`, `@`, tab or CR gets a `'` so it is shown,
 * not run as a formula; then quoted when RFC 4180 needs it.
 */
export function csvCell(value: string): string {
  const safe = spreadsheetSafe(value);
  return /[",\r\n]/.test(safe) || /^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The header line of the report. */
export function reportHeader(sourceHeader: readonly string[]): string {
  return [...sourceHeader, ...REPORT_COLUMNS].map(csvCell).join(',');
}

/** One report line for a row and its issues. */
export function reportLine(row: number, cells: ReadonlyArray<string | null>, width: number, issues: readonly Issue[]): string {
  const padded = Array.from({ length: width }, (_, i) => cells[i] ?? '');
  const byCode = new Map<string, string[]>();
  for (const i of issues.filter((x) => x.severity === 'error')) {
    const cols = byCode.get(i.code) ?? [];
    cols.push(i.field ?? i.column ?? 'row');
    byCode.set(i.code, cols);
  }
  const zoho = [...byCode].map(([code, cols]) => `${code}-${[...new Set(cols)].join(',')}`).join(':');
  const messages = (sev: 'error' | 'warning'): string =>
    issues
      .filter((i) => i.severity === sev)
      .map((i) => (i.field ? `${i.field}: ${i.message}` : i.message))
      .join(' | ');
  return [...padded, String(row), zoho, messages('error'), messages('warning')].map(csvCell).join(',');
}
