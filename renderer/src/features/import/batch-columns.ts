/**
 * The batch grid's columns: the mapped fields (values as Zoho will get them), optionally the
 * source columns too (pure).
 */
import type { BatchIssue, BatchSummary, FieldMeta } from '../../store/types';
import { columnWidth } from '../replica/grid-columns';

/** One data column of the batch grid. */
export interface BatchColumn {
  key: string;
  /** `review`: the row's duplicate review decision (read-only). */
  kind: 'field' | 'source' | 'review';
  /** API name of the field (kind "field"). */
  field: string | null;
  /** Index into the row's source cells (kind "source"). */
  source: number | null;
  /** Header text: the field label, or "<header> (source)". */
  label: string;
  /** Longer description for the header's tooltip. */
  title: string;
  width: number;
  editable: boolean;
}

/** Width of the checkbox column and of the row-number column. */
export const SELECT_WIDTH = 40;
export const ROW_NO_WIDTH = 84;
/** The select and row-number columns come before the data columns. */
export const LEADING_COLUMNS = 2;

/** Width of the review decision column ("Merge → Contact Pat Boyle"). */
export const REVIEW_COLUMN_WIDTH = 230;

/**
 * Columns for a batch; `onlyFields` limits the field columns (columns with issues);
 * `showReview` puts the duplicate review's decision first.
 */
export function batchColumns(
  summary: BatchSummary,
  fields: readonly FieldMeta[],
  showSource: boolean,
  onlyFields: ReadonlySet<string> | null,
  showReview = false,
): BatchColumn[] {
  const meta = new Map(fields.map((f) => [f.apiName, f]));
  const out: BatchColumn[] = [];
  if (showReview) {
    out.push({
      key: 'review',
      kind: 'review',
      field: null,
      source: null,
      label: 'Review',
      title: 'The duplicate review’s decision for the row (change it on the Duplicate review screen)',
      width: REVIEW_COLUMN_WIDTH,
      editable: false,
    });
  }
  for (const m of summary.mapping.fields) {
    if (onlyFields !== null && !onlyFields.has(m.field)) continue;
    const f = meta.get(m.field);
    const label = f?.label ?? m.field;
    out.push({
      key: `f:${m.field}`,
      kind: 'field',
      field: m.field,
      source: null,
      label,
      title: `${label} (${m.field}${f ? `, ${f.dataType}` : ''}) ← ${m.columns.join(' + ')}`,
      width: Math.max(columnWidth({ key: m.field, label, dataType: f?.dataType ?? 'text', known: true }), labelWidth(label)),
      editable: true,
    });
  }
  if (showSource) {
    summary.header.forEach((h, i) => {
      out.push({
        key: `s:${i}`,
        kind: 'source',
        field: null,
        source: i,
        label: `${h || `column ${i + 1}`} (source)`,
        title: `Column “${h}” of the file, as read (never changed)`,
        width: Math.max(160, labelWidth(`${h} (source)`)),
        editable: false,
      });
    });
  }
  return out;
}

/** CSS grid template and total width, leading columns included. */
export function batchLayout(columns: readonly BatchColumn[]): { template: string; width: number } {
  const widths = [SELECT_WIDTH, ROW_NO_WIDTH, ...columns.map((c) => c.width)];
  return { template: widths.map((w) => `${w}px`).join(' '), width: widths.reduce((a, b) => a + b, 0) };
}

/** The issues that belong to a cell of a row. */
export function cellIssues(issues: readonly BatchIssue[], column: BatchColumn, header: readonly string[]): BatchIssue[] {
  if (column.kind === 'field') {
    return issues.filter((i) => i.field === column.field);
  }
  const name = column.source === null ? undefined : header[column.source];
  return issues.filter((i) => i.field === null && i.column !== null && i.column === name);
}

/** A width that fits a header label (12.5px semibold, plus padding), capped. */
function labelWidth(label: string): number {
  return Math.min(280, Math.round(label.length * 7.6) + 28);
}

/**
 * Issues of a row that no shown cell carries: whole-row ones (ragged rows) and those of fields
 * without a column here (a mandatory field nobody maps, a column hidden by a toggle).
 */
export function rowIssues(issues: readonly BatchIssue[], columns: readonly BatchColumn[]): BatchIssue[] {
  const shown = new Set(columns.map((c) => c.field));
  return issues.filter((i) => i.field === null || !shown.has(i.field));
}

/** The worst severity among issues, or null. */
export function worst(issues: readonly BatchIssue[]): 'error' | 'warning' | null {
  if (issues.some((i) => i.severity === 'error')) return 'error';
  return issues.length > 0 ? 'warning' : null;
}
