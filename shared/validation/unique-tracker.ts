/**
 * Duplicates inside one batch for fields that do not allow them (`unique` in the metadata).
 * Zoho skips every row whose unique value is already taken with DUPLICATE_DATA (ZOHO-SPEC
 * §1.7), and within one job the first row wins, so every later repeat is reported.
 */
import type { Issue } from '../domain/batch';
import { shown } from './verdict';

/** One value of a unique field, as fed to `UniqueTracker.track`. */
export interface UniqueEntry {
  /** 1-based data row number. */
  row: number;
  /** Field API name. */
  field: string;
  value: string;
  /** From the field's `unique.caseSensitive`; Zoho's default is insensitive. */
  caseSensitive?: boolean;
  /** Source column, only to label the issue. */
  column?: string | null;
}

/**
 * Remembers, per field, the first row of each value, in one `Map` per field: a million rows cost
 * a million map entries and no scan.
 *
 * Feed rows in file order; "first" means the first row fed. Values are compared verbatim except
 * for letter case when the field is case-insensitive (Zoho's default). Empty and blank values
 * are ignored, since Zoho does not compare empties.
 */
export class UniqueTracker {
  private readonly firstRows = new Map<string, Map<string, number>>();

  /**
   * Records one value; returns the DUPLICATE_DATA error when an earlier row has the same value
   * for this field, else null.
   */
  track(entry: UniqueEntry): Issue | null {
    const { row, field, value, caseSensitive = false, column = null } = entry;
    if (value.trim() === '') {
      return null;
    }
    let seen = this.firstRows.get(field);
    if (seen === undefined) {
      seen = new Map();
      this.firstRows.set(field, seen);
    }
    const key = caseSensitive ? value : value.toLowerCase();
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, row);
      return null;
    }
    const letterCase = caseSensitive ? '' : ' (letter case ignored, as Zoho does for this field)';
    return {
      row,
      column,
      field,
      code: 'DUPLICATE_DATA',
      severity: 'error',
      message: `${shown(value)} in ${field} is also in row ${first}${letterCase}; ${field} does not allow duplicates, so Zoho will skip this row.`,
    };
  }

  /** The first row that had this value for this field, or null. */
  firstRow(field: string, value: string, caseSensitive = false): number | null {
    return this.firstRows.get(field)?.get(caseSensitive ? value : value.toLowerCase()) ?? null;
  }

  /** How many distinct values are remembered, over all fields. */
  get size(): number {
    let n = 0;
    for (const seen of this.firstRows.values()) {
      n += seen.size;
    }
    return n;
  }

  /** Forgets everything (a new batch, or a re-check after edits). */
  clear(): void {
    this.firstRows.clear();
  }
}
