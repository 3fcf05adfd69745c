/**
 * Import batches: how a CSV's columns become Zoho fields, and what Zoho would say about them.
 */

export type Severity = 'error' | 'warning';

/**
 * Issue codes: Zoho's own row codes where Zoho would report the problem, ours (prefixed by
 * nothing Zoho uses) where the file itself is at fault.
 */
export type IssueCode =
  | 'MANDATORY_NOT_FOUND'
  | 'INVALID_DATA'
  | 'DUPLICATE_DATA'
  | 'NEW_PICKLIST_VALUE'
  | 'LAYOUT_MANDATORY'
  | 'AMBIGUOUS_LOOKUP'
  | 'LOOKUP_NOT_FOUND'
  | 'RAGGED_ROW';

/** One problem with one value (or one row, when `column` is null). */
export interface Issue {
  /** 1-based data row number in the source file. */
  row: number;
  column: string | null;
  field: string | null;
  code: IssueCode;
  message: string;
  severity: Severity;
}

/** The order of day, month and year in a source date, or an Excel serial day number. */
export type DateOrder = 'dmy' | 'mdy' | 'ymd' | 'excel';

/** A transform declared for a column; applied the same way to every cell, never guessed per cell. */
export type Transform =
  | { kind: 'trim' }
  | { kind: 'case'; to: 'upper' | 'lower' | 'title' }
  | { kind: 'split-name'; part: 'first' | 'last' }
  | { kind: 'date'; order: DateOrder }
  | { kind: 'datetime'; order: DateOrder; timeZone: string }
  | { kind: 'phone'; e164: boolean; defaultCountry: string | null }
  | { kind: 'number'; decimal: '.' | ',' }
  | { kind: 'boolean' }
  | { kind: 'picklist'; table: Record<string, string> }
  | { kind: 'multiselect'; separator: string }
  | { kind: 'lookup'; by: 'id' | 'name' | 'email' };

/** How one Zoho field is filled from the source. */
export interface FieldMapping {
  field: string;
  /** Source header(s); several are joined with `joinWith` (e.g. two address lines). */
  columns: string[];
  joinWith: string;
  transforms: Transform[];
  /** Bulk Write `default_value`: used where the mapped cell is empty. */
  defaultValue: string | null;
}

export interface BatchMapping {
  module: string;
  fields: FieldMapping[];
  /** Bulk Write `ignore_empty`: empty cells leave the CRM value alone instead of clearing it. */
  ignoreEmpty: boolean;
}
