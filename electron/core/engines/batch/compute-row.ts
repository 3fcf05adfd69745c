/**
 * One source row through its mapping: joined, transformed, edited, defaulted, looked up and
 * judged as Zoho would (pure; lookups go through an injected resolver).
 */
import type { BatchMapping, Issue } from '../../../../shared/domain/batch';
import type { FieldMeta } from '../../../../shared/domain/field-meta';
import { checkRow } from '../../../../shared/validation';
import { applyTransforms } from '../transform';

export type LookupResult = { ok: true; id: string } | { ok: false; code: 'LOOKUP_NOT_FOUND' | 'AMBIGUOUS_LOOKUP'; message: string };

/** Finds the record a name, email or id points at in the replica. */
export interface LookupResolver {
  resolve(field: FieldMeta, by: 'id' | 'name' | 'email', value: string): LookupResult;
}

export interface SourceRow {
  row: number;
  cells: ReadonlyArray<string | null>;
  /** Field count when it differs from the header's, else null. */
  width: number | null;
}

export interface RowContext {
  header: readonly string[];
  headerIndex: ReadonlyMap<string, number>;
  mapping: BatchMapping;
  fields: readonly FieldMeta[];
  fieldsByName: ReadonlyMap<string, FieldMeta>;
  mappedFields: ReadonlySet<string>;
  resolver: LookupResolver | null;
}

export interface ComputedRow {
  /** Field -> the value Zoho would receive, and the column(s) it came from. */
  values: Map<string, { column: string; value: string }>;
  issues: Issue[];
}

/** Builds the lookup tables a RowContext needs once per batch. */
export function rowContext(header: readonly string[], mapping: BatchMapping, fields: readonly FieldMeta[], resolver: LookupResolver | null): RowContext {
  const headerIndex = new Map<string, number>();
  header.forEach((h, i) => {
    if (!headerIndex.has(h)) headerIndex.set(h, i);
  });
  return {
    header,
    headerIndex,
    mapping,
    fields,
    fieldsByName: new Map(fields.map((f) => [f.apiName, f])),
    mappedFields: new Set(mapping.fields.map((f) => f.field)),
    resolver,
  };
}

/** Computes the Zoho values and the issues of one row; `edits` are the user's fixes by field. */
export function computeRow(src: SourceRow, ctx: RowContext, edits?: ReadonlyMap<string, string>): ComputedRow {
  const values = new Map<string, { column: string; value: string }>();
  const issues: Issue[] = [];
  if (src.width !== null) {
    issues.push({
      row: src.row,
      column: null,
      field: null,
      code: 'RAGGED_ROW',
      message: `This row has ${src.width} fields but the header has ${ctx.header.length}, so its values may sit under the wrong columns.`,
      severity: 'error',
    });
  }
  for (const m of ctx.mapping.fields) {
    const column = m.columns.join(' + ');
    const edited = edits?.get(m.field);
    let value: string;
    if (edited !== undefined) {
      value = edited;
    } else {
      const parts = m.columns.map((c) => {
        const i = ctx.headerIndex.get(c);
        return i === undefined ? '' : (src.cells[i] ?? '');
      });
      value = parts.length === 1 ? (parts[0] ?? '') : parts.filter((p) => p.trim() !== '').join(m.joinWith);
      const plain = m.transforms.filter((t) => t.kind !== 'lookup');
      if (plain.length > 0 && value !== '') {
        const r = applyTransforms(value, plain);
        if (!r.ok) {
          issues.push({ row: src.row, column, field: m.field, code: 'INVALID_DATA', message: r.reason, severity: 'error' });
          values.set(m.field, { column, value });
          continue;
        }
        value = r.value;
      }
      if (value === '' && m.defaultValue !== null) {
        value = m.defaultValue;
      }
      const lookup = m.transforms.find((t) => t.kind === 'lookup');
      const field = ctx.fieldsByName.get(m.field);
      if (lookup && lookup.kind === 'lookup' && value !== '' && field && ctx.resolver) {
        const r = ctx.resolver.resolve(field, lookup.by, value);
        if (!r.ok) {
          issues.push({ row: src.row, column, field: m.field, code: r.code, message: r.message, severity: 'error' });
          values.set(m.field, { column, value });
          continue;
        }
        value = r.id;
      }
    }
    values.set(m.field, { column, value });
  }
  // Values that failed a transform or lookup already carry their issue; judge the rest.
  const failed = new Set(issues.map((i) => i.field));
  const judged = new Map([...values].filter(([f]) => !failed.has(f)));
  for (const issue of checkRow({ row: src.row, values: judged, fields: ctx.fields, mappedFields: ctx.mappedFields })) {
    // A mandatory field whose value failed a transform is reported once, for the failure.
    if (!(issue.code === 'MANDATORY_NOT_FOUND' && failed.has(issue.field))) {
      issues.push(issue);
    }
  }
  return { values, issues };
}
