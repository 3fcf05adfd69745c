/**
 * Checks one source row as Zoho's bulk insert would: every mapped value against its field, and
 * the module's mandatory fields.
 */
import type { Issue } from '../domain/batch';
import type { FieldMeta } from '../domain/field-meta';
import { checkValue } from './value-rules';

/** One row, after transforms and `default_value`s have been applied to its values. */
export interface RowInput {
  /** 1-based data row number in the source file. */
  row: number;
  /** Field API name -> the source column it came from and its value (verbatim). */
  values: ReadonlyMap<string, { column: string; value: string }>;
  /** The module's fields. */
  fields: readonly FieldMeta[];
  /** Fields the mapping fills; a value for any other field is not checked. */
  mappedFields: ReadonlySet<string>;
  /** Fields the target layout requires; Bulk Write does not enforce these (ZOHO-SPEC §1.2). */
  layoutMandatory?: ReadonlySet<string>;
}

// The same fields array comes with every row of a batch; index it once, not a million times.
const byApiName = new WeakMap<readonly FieldMeta[], Map<string, FieldMeta>>();

/**
 * All issues of one row: value issues in mapping order, then missing mandatory fields.
 *
 * A system-mandatory field (and not read-only) that is unmapped, empty or only spaces is a
 * MANDATORY_NOT_FOUND error: Zoho skips the row. A layout-mandatory one is a LAYOUT_MANDATORY
 * warning: Zoho creates the record anyway. Values of fields missing from `fields` are not
 * checked (the mapping screen refuses such fields; Zoho would fail the job with INVALID_FIELD).
 */
export function checkRow(input: RowInput): Issue[] {
  const { row, values, fields, mappedFields, layoutMandatory } = input;
  const index = fieldIndex(fields);
  const issues: Issue[] = [];
  const systemMandatory = (f: FieldMeta): boolean => f.systemMandatory && !f.readOnly;

  for (const [apiName, cell] of values) {
    const field = index.get(apiName);
    if (field === undefined || !mappedFields.has(apiName)) {
      continue;
    }
    // A blank mandatory value is reported once, as missing, not also as a bad value.
    if (systemMandatory(field) && isBlank(cell.value)) {
      continue;
    }
    const verdict = checkValue(field, cell.value);
    if (verdict !== null) {
      issues.push({ row, column: cell.column, field: apiName, ...verdict });
    }
  }

  for (const field of mandatoryFields(fields, layoutMandatory)) {
    const required = systemMandatory(field);
    const cell = mappedFields.has(field.apiName) ? values.get(field.apiName) : undefined;
    if (cell !== undefined && !isBlank(cell.value)) {
      continue;
    }
    const where = cell === undefined ? 'no column is mapped to it' : `column “${cell.column}” is ${cell.value === '' ? 'empty' : 'only spaces'} in this row`;
    issues.push(
      required
        ? {
            row,
            column: cell?.column ?? null,
            field: field.apiName,
            code: 'MANDATORY_NOT_FOUND',
            severity: 'error',
            message: `${field.label} is mandatory in Zoho and ${where}; Zoho will skip this row. Fill it in, or set a default value in the mapping.`,
          }
        : {
            row,
            column: cell?.column ?? null,
            field: field.apiName,
            code: 'LAYOUT_MANDATORY',
            severity: 'warning',
            message: `${field.label} is required by the layout and ${where}; Zoho's bulk insert ignores layout rules and will create the record without it.`,
          },
    );
  }
  return issues;
}

const NO_LAYOUT: ReadonlySet<string> = new Set();
const mandatoryCache = new WeakMap<readonly FieldMeta[], WeakMap<ReadonlySet<string>, FieldMeta[]>>();

/** The fields a row must fill (system- or layout-mandatory, not read-only), in field order; cached per batch. */
function mandatoryFields(fields: readonly FieldMeta[], layoutMandatory: ReadonlySet<string> | undefined): FieldMeta[] {
  const layout = layoutMandatory ?? NO_LAYOUT;
  let byLayout = mandatoryCache.get(fields);
  if (byLayout === undefined) {
    byLayout = new WeakMap();
    mandatoryCache.set(fields, byLayout);
  }
  let list = byLayout.get(layout);
  if (list === undefined) {
    list = fields.filter((f) => !f.readOnly && (f.systemMandatory || layout.has(f.apiName)));
    byLayout.set(layout, list);
  }
  return list;
}

function fieldIndex(fields: readonly FieldMeta[]): Map<string, FieldMeta> {
  let index = byApiName.get(fields);
  if (index === undefined) {
    index = new Map(fields.map((f) => [f.apiName, f]));
    byApiName.set(fields, index);
  }
  return index;
}

function isBlank(value: string): boolean {
  return value.trim() === '';
}
