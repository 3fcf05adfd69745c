/**
 * One source row through its mapping: joined, transformed, edited, defaulted, looked up and
 * judged as Zoho would (pure; lookups go through an injected resolver).
 */
import type { BatchMapping, Issue, Transform } from '../../../../shared/domain/batch';
import type { FieldMeta } from '../../../../shared/domain/field-meta';
import { RowRules } from '../../../../shared/validation';
import { holdsUserIds, isMultiUserField, isUserField } from '../../../../shared/domain/user-fields';
import type { UserDirectory, UserResolution } from '../users/resolve-user';
import { applyTransforms } from '../transform';
import type { StoredRow } from '../../db/repos/batch-repo';

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

/** A stored row as computeRow takes it. */
export function sourceOf(r: StoredRow): SourceRow {
  return { row: r.rowNo, cells: r.cells, width: r.width };
}

export interface RowContext {
  header: readonly string[];
  headerIndex: ReadonlyMap<string, number>;
  mapping: BatchMapping;
  fields: readonly FieldMeta[];
  fieldsByName: ReadonlyMap<string, FieldMeta>;
  mappedFields: ReadonlySet<string>;
  /** Fields the layout requires (a warning when missing; Bulk Write does not enforce them). */
  layoutMandatory: ReadonlySet<string>;
  resolver: LookupResolver | null;
  /**
   * The org's users, for owner and user fields (resolved implicitly, as Zoho's import wizard
   * does). Null or empty: no users loaded, so only ids pass and other values are left alone.
   */
  users: UserDirectory | null;
  /** Each mapped field, worked out once per batch rather than once per row. */
  plans: readonly FieldPlan[];
  /** The checks of a row whose values come in plan order. */
  rules: RowRules;
}

/** What computeRow needs of one mapped field. */
export interface FieldPlan {
  field: string;
  /** The column(s) as issues name them ("First + Last" for joined columns). */
  column: string;
  /** Header positions of the columns (-1 when a column is missing). */
  indexes: number[];
  joinWith: string;
  transforms: Transform[];
  lookup: Extract<Transform, { kind: 'lookup' }> | null;
  meta: FieldMeta | undefined;
  defaultValue: string | null;
  /** True for an owner or user field: its values are resolved to user ids. */
  user: boolean;
  /** Resolves a cell of this user field to user ids (null without users loaded). */
  resolveUser: ((value: string) => UserResolution) | null;
}

export interface ComputedRow {
  /** Field -> the value Zoho would receive, and the column(s) it came from. */
  values: Map<string, { column: string; value: string }>;
  issues: Issue[];
}

/** Builds the lookup tables a RowContext needs once per batch. */
export function rowContext(
  header: readonly string[],
  mapping: BatchMapping,
  fields: readonly FieldMeta[],
  resolver: LookupResolver | null,
  users: UserDirectory | null = null,
): RowContext {
  const headerIndex = new Map<string, number>();
  header.forEach((h, i) => {
    if (!headerIndex.has(h)) headerIndex.set(h, i);
  });
  const fieldsByName = new Map(fields.map((f) => [f.apiName, f]));
  const plans = mapping.fields.map((m): FieldPlan => {
    const lookup = m.transforms.find((t): t is Extract<Transform, { kind: 'lookup' }> => t.kind === 'lookup') ?? null;
    const meta = fieldsByName.get(m.field);
    const user = meta !== undefined && isUserField(meta) && !meta.readOnly;
    return {
      field: m.field,
      column: m.columns.join(' + '),
      indexes: m.columns.map((c) => headerIndex.get(c) ?? -1),
      joinWith: m.joinWith,
      transforms: m.transforms.filter((t) => t.kind !== 'lookup'),
      lookup,
      meta,
      defaultValue: m.defaultValue,
      user,
      resolveUser: user && meta !== undefined && users !== null && users.size > 0 ? users.cellResolver(meta) : null,
    };
  });
  const mappedFields = new Set(mapping.fields.map((f) => f.field));
  const layoutMandatory = new Set(fields.filter((f) => f.layoutMandatory).map((f) => f.apiName));
  return {
    header,
    headerIndex,
    mapping,
    fields,
    fieldsByName,
    mappedFields,
    layoutMandatory,
    resolver,
    users,
    plans,
    rules: new RowRules(plans, fields, mappedFields, layoutMandatory),
  };
}

/** The value a field takes from its column(s) before transforms. */
function sourceValue(src: SourceRow, plan: FieldPlan): string {
  if (plan.indexes.length === 1) {
    const i = plan.indexes[0] as number;
    return i < 0 ? '' : (src.cells[i] ?? '');
  }
  const parts: string[] = [];
  for (const i of plan.indexes) {
    const v = i < 0 ? '' : (src.cells[i] ?? '');
    if (v.trim() !== '') parts.push(v);
  }
  return parts.join(plan.joinWith);
}

/** Computes the Zoho values and the issues of one row; `edits` are the user's fixes by field. */
export function computeRow(src: SourceRow, ctx: RowContext, edits?: ReadonlyMap<string, string>): ComputedRow {
  const computed = new Array<string>(ctx.plans.length);
  const issues: Issue[] = [];
  evaluateRow(src, ctx, edits, computed, issues);
  const values = new Map<string, { column: string; value: string }>();
  ctx.plans.forEach((plan, i) => values.set(plan.field, { column: plan.column, value: computed[i] as string }));
  return { values, issues };
}

/**
 * computeRow without the map: `values[i]` receives plan i's value and `issues` the row's
 * issues (ragged row, failed transforms and lookups, then the field checks). The import and
 * whole-batch validation call this a million times with the same two arrays.
 */
export function evaluateRow(src: SourceRow, ctx: RowContext, edits: ReadonlyMap<string, string> | undefined, values: string[], issues: Issue[]): void {
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
  // Values that fail a transform or lookup carry that issue and are not judged again (nor
  // reported missing when mandatory).
  let failed: boolean[] | null = null;
  const plans = ctx.plans;
  for (let p = 0; p < plans.length; p += 1) {
    const plan = plans[p] as FieldPlan;
    const edited = edits?.get(plan.field);
    let value: string;
    if (edited !== undefined) {
      value = edited;
    } else {
      value = sourceValue(src, plan);
      if (plan.transforms.length > 0 && value !== '') {
        const r = applyTransforms(value, plan.transforms);
        if (!r.ok) {
          issues.push({ row: src.row, column: plan.column, field: plan.field, code: 'INVALID_DATA', message: r.reason, severity: 'error' });
          (failed ??= new Array<boolean>(plans.length).fill(false))[p] = true;
          values[p] = value;
          continue;
        }
        value = r.value;
      }
      if (value === '' && plan.defaultValue !== null) {
        value = plan.defaultValue;
      }
      // Users are not records of the replica: a user field is resolved below, whatever the transform says.
      if (plan.lookup && !plan.user && value !== '' && plan.meta && ctx.resolver) {
        const r = ctx.resolver.resolve(plan.meta, plan.lookup.by, value);
        if (!r.ok) {
          issues.push({ row: src.row, column: plan.column, field: plan.field, code: r.code, message: r.message, severity: 'error' });
          (failed ??= new Array<boolean>(plans.length).fill(false))[p] = true;
          values[p] = value;
          continue;
        }
        value = r.id;
      }
    }
    if (plan.user && value !== '' && plan.meta) {
      if (plan.resolveUser !== null) {
        const r = plan.resolveUser(value);
        if (!r.ok) {
          issues.push({ row: src.row, column: plan.column, field: plan.field, code: r.code, message: r.message, severity: 'error' });
          (failed ??= new Array<boolean>(plans.length).fill(false))[p] = true;
          values[p] = value;
          continue;
        }
        value = r.id;
      } else if (!holdsUserIds(value, isMultiUserField(plan.meta))) {
        // Without users a name cannot become an id. The batch's notice says so once; every row
        // is left alone, and the upload leaves the column out (shared/domain/user-fields.ts).
        (failed ??= new Array<boolean>(plans.length).fill(false))[p] = true;
        values[p] = value;
        continue;
      }
    }
    values[p] = value;
  }
  ctx.rules.check(src.row, values, failed, issues);
}
