/**
 * Which columns an upload CSV has and in what order (pure).
 *
 * Only writable fields go in; lookups are written as `Field.id` (their values are record ids by
 * then), or as `Field.<unique>` with `find_by` when they point at a record another batch of the
 * export creates. The first three columns are the row's key, because Zoho's result file echoes
 * only the first three mapped columns: `id` for updates by id, then unique fields, the module's
 * duplicate-check field and its name.
 */
import type { BatchMapping } from '../../../../shared/domain/batch';
import { LOOKUP_TYPES, type FieldMeta } from '../../../../shared/domain/field-meta';
import { nameKeyGroups } from '../../../../shared/domain/record-name';
import { isUserField } from '../../../../shared/domain/user-fields';
// The duplicate engine's table of Zoho's duplicate-check fields, so the two never disagree.
import { systemDuplicateField } from '../dedupe/zoho-rules';

/** Zoho refuses a job with more column headers than this (HEADER_LIMIT_EXCEEDED). */
export const MAX_COLUMNS = 200;

/** One column of an upload CSV. */
export interface UploadColumn {
  /** Target field API name (`id` for the record id). */
  field: string;
  /** The CSV header: the API name, `Field.id` for a lookup by id, `Field.<unique>` with find_by. */
  header: string;
  /** Index into the batch's mapped fields (RowContext.plans), or -1 for the record id. */
  plan: number;
  /** For a lookup written as another field's value: the target's unique field. */
  findBy: string | null;
  /** Multi-select values hold `;` and are always quoted. */
  multiselect: boolean;
  defaultValue: string | null;
}

/** A mapped field that the upload leaves out, and why. */
export interface LeftOutColumn {
  field: string;
  reason: string;
}

/** Inputs of the column plan of one batch. */
export interface ColumnPlanInput {
  module: string;
  mapping: BatchMapping;
  fields: readonly FieldMeta[];
  /** Fields left out whatever the rows hold (e.g. an owner column holding names). */
  dropped: ReadonlyMap<string, string>;
  /** Lookup fields written through `find_by` a unique field of their target, per field. */
  findBy: ReadonlyMap<string, string>;
  /** The job updates by record id: an `id` column comes first. */
  withId: boolean;
}

/** The ordered columns of a job, and the mapped fields left out. */
export interface ColumnPlan {
  columns: UploadColumn[];
  leftOut: LeftOutColumn[];
}

/** Works out the columns of one batch's upload. */
export function planColumns(input: ColumnPlanInput): ColumnPlan {
  const byName = new Map(input.fields.map((f) => [f.apiName, f]));
  const leftOut: LeftOutColumn[] = [];
  const columns: UploadColumn[] = [];
  input.mapping.fields.forEach((m, plan) => {
    const meta = byName.get(m.field);
    if (!meta) {
      leftOut.push({ field: m.field, reason: 'not a field of the module (Zoho would refuse it: INVALID_FIELD)' });
      return;
    }
    if (meta.readOnly) {
      leftOut.push({ field: m.field, reason: 'read-only in Zoho' });
      return;
    }
    const dropped = input.dropped.get(m.field);
    if (dropped !== undefined) {
      leftOut.push({ field: m.field, reason: dropped });
      return;
    }
    const findBy = input.findBy.get(m.field) ?? null;
    const lookup = LOOKUP_TYPES.has(meta.dataType) || isUserField(meta);
    columns.push({
      field: m.field,
      header: findBy !== null ? `${m.field}.${findBy}` : lookup ? `${m.field}.id` : m.field,
      plan,
      findBy,
      multiselect: meta.dataType === 'multiselectpicklist',
      defaultValue: m.defaultValue,
    });
  });
  const ordered = orderForKeys(input.module, columns, byName);
  if (input.withId) {
    ordered.unshift({ field: 'id', header: 'id', plan: -1, findBy: null, multiselect: false, defaultValue: null });
  }
  return { columns: ordered, leftOut };
}

/** Key columns first (unique, duplicate check, name), then the rest in mapping order. */
function orderForKeys(module: string, columns: UploadColumn[], byName: ReadonlyMap<string, FieldMeta>): UploadColumn[] {
  const rank = (c: UploadColumn): number => {
    if (byName.get(c.field)?.unique) return 0;
    if (c.field === systemDuplicateField(module)) return 1;
    if (nameKeyGroups(module).some((g) => g.includes(c.field))) return 2;
    return 3;
  };
  // A stable sort keeps mapping order within a rank.
  return columns
    .map((c, i) => ({ c, i, r: rank(c) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((x) => x.c);
}

/** The fields `find_by` may name in a job: `id` and the module's unique fields. */
export function findByChoices(fields: readonly FieldMeta[]): string[] {
  return ['id', ...fields.filter((f) => f.unique !== null && !f.readOnly).map((f) => f.apiName)];
}
