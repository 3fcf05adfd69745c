/**
 * One batch as the export reads it: its column plans, what its rows become, and which of its
 * lookups point at records another batch of the same export creates.
 */
import type { BatchMapping, Issue } from '../../../../shared/domain/batch';
import { LOOKUP_TYPES, type FieldMeta } from '../../../../shared/domain/field-meta';
import { recordName } from '../../../../shared/domain/record-name';
import { AppError } from '../../../../shared/ipc/errors';
import type { BatchRecord } from '../../db/repos/batch-repo';
import type { RowContext } from '../batch/compute-row';
import { findByChoices, MAX_COLUMNS, planColumns, type ColumnPlan } from './column-plan';
import type { ExportOptions, LeftOutReason } from './export-types';
import { isMultiUserField, isUserField, userColumnExportable } from '../../../../shared/domain/user-fields';

/** Records one batch of the export creates, by name (and email), for dependent batches. */
export interface CreatedIndex {
  batch: number;
  module: string;
  /** The target's unique field that dependent jobs find it by, or null (they wait for ids). */
  findBy: string | null;
  /** Name key -> the unique value (or '') and the stage of the job creating it; null when the name repeats. */
  byKey: Map<string, { value: string; stage: number } | null>;
}

/** Lowercased, trimmed, NFC, single spaces: how lookups compare names (as the replica lookup does). */
export function nameKey(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** What the export knows of one batch before reading its rows. */
export interface BatchExportPlan {
  record: BatchRecord;
  mapping: BatchMapping;
  fields: FieldMeta[];
  ctx: RowContext;
  /** Owner/user fields left out; their errors do not keep a row out. */
  dropped: Map<string, string>;
  /** Lookup field -> the batch of this export creating its targets. */
  dependent: Map<string, CreatedIndex>;
  findBy: string | null;
  ignoreEmpty: boolean;
  /** Index into ctx.plans per field. */
  planOf: Map<string, number>;
}

/** Checks the operation and find_by against one batch's metadata and mapping. */
export function checkFindBy(options: ExportOptions, b: BatchRecord, mapping: BatchMapping, fields: readonly FieldMeta[]): string | null {
  const { operation, findBy } = options;
  if (findBy === null) {
    if (operation !== 'insert') {
      throw new AppError('FIND_BY_INVALID', `An ${operation} needs find_by: the record id or a unique field of ${b.module} (${findByChoices(fields).join(', ')}).`);
    }
    return null;
  }
  const choices = findByChoices(fields);
  if (!choices.includes(findBy)) {
    throw new AppError(
      'FIND_BY_INVALID',
      `find_by must be id or a field ${b.module}'s metadata marks unique (${choices.join(', ')}); ${findBy} is not. Load the org's Fields metadata if the field is unique there.`,
    );
  }
  if (findBy === 'id') {
    throw new AppError('FIND_BY_INVALID', `Batch ${b.id} holds no record ids to find records by; map a unique field and use it as find_by instead.`);
  }
  if (!mapping.fields.some((f) => f.field === findBy)) {
    throw new AppError('FIND_BY_INVALID', `find_by ${findBy} is not mapped in batch ${b.id}, so Zoho could not find the records; map a column to it.`);
  }
  return findBy;
}

/**
 * Owner/user fields left out of the upload: those whose values are not all user ids (the rule
 * of shared/domain/user-fields.ts). With the org's users loaded every value the batch computes
 * is an id (a name that matches no user is the row's error), so only the fields left
 * unresolved — no users loaded — can be left out; `exportable(plan)` says how their values were.
 */
export function droppedUserFields(ctx: RowContext, exportable: (plan: number) => boolean): Map<string, string> {
  const out = new Map<string, string>();
  ctx.plans.forEach((plan, i) => {
    if (!plan.user || plan.resolveUser !== null || !plan.meta) return;
    if (!exportable(i)) {
      out.set(plan.field, 'holds values that are not user ids and no users are loaded: left out, so Zoho makes the importing user the owner');
    }
  });
  return out;
}

/** True when every value seen so far of a user column is one or more user ids (or empty). */
export function stillUserIds(ok: boolean, value: string, meta: FieldMeta): boolean {
  return ok && userColumnExportable([value], isMultiUserField(meta));
}

/** Indexes of the plans whose user values need a look before the export (no users loaded). */
export function unresolvedUserPlans(ctx: RowContext): number[] {
  return ctx.plans.flatMap((plan, i) => (plan.user && plan.resolveUser === null && plan.meta ? [i] : []));
}

/** Lookup fields whose target module is created by an earlier batch of the export. */
export function dependentFields(mapping: BatchMapping, fields: readonly FieldMeta[], created: ReadonlyMap<string, CreatedIndex>): Map<string, CreatedIndex> {
  const out = new Map<string, CreatedIndex>();
  for (const m of mapping.fields) {
    const meta = fields.find((f) => f.apiName === m.field);
    if (!meta || !LOOKUP_TYPES.has(meta.dataType) || isUserField(meta) || meta.lookupModule === null) continue;
    const target = created.get(meta.lookupModule);
    if (target) out.set(m.field, target);
  }
  return out;
}

/** The column plans of a batch: stage 1, or with `find_by` on some dependent fields. */
export function columnsFor(p: BatchExportPlan, viaFindBy: readonly string[]): ColumnPlan {
  const findBy = new Map<string, string>();
  for (const f of viaFindBy) {
    const t = p.dependent.get(f);
    if (t?.findBy) findBy.set(f, t.findBy);
  }
  const plan = planColumns({ module: p.record.module, mapping: p.mapping, fields: p.fields, dropped: p.dropped, findBy, withId: false });
  if (plan.columns.length > MAX_COLUMNS) {
    throw new AppError(
      'HEADER_LIMIT_EXCEEDED',
      `Batch ${p.record.id} would upload ${plan.columns.length} columns; Zoho takes at most ${MAX_COLUMNS} per job (HEADER_LIMIT_EXCEEDED). Unmap some fields. Nothing was written.`,
    );
  }
  return plan;
}

/** How one row leaves the export, or the dependent values it is written with. */
export type RowFate =
  | { kind: 'left'; reason: LeftOutReason }
  | { kind: 'write'; stage: number; viaFindBy: string[]; findByValues: Map<string, string> };

/**
 * Decides a row from its stored issues and computed values: errors keep it out, except a lookup
 * that names a record another batch of the export creates (then it is a later stage).
 */
export function rowFate(p: BatchExportPlan, issues: readonly Issue[], values: readonly string[], fresh: readonly Issue[] = []): RowFate {
  let stage = 1;
  const viaFindBy: string[] = [];
  const findByValues = new Map<string, string>();
  let waits = false;
  for (const i of issues) {
    if (i.severity !== 'error') continue;
    if (i.field !== null && p.dropped.has(i.field)) continue;
    // A lookup the replica resolves now (its records came back with a result since the batch
    // was validated) is no longer an error: the value already holds the id.
    if ((i.code === 'LOOKUP_NOT_FOUND' || i.code === 'AMBIGUOUS_LOOKUP') && !fresh.some((f) => f.field === i.field && f.code === i.code)) continue;
    const target = i.field !== null && i.code === 'LOOKUP_NOT_FOUND' ? p.dependent.get(i.field) : undefined;
    if (target && i.field !== null) {
      const hit = target.byKey.get(nameKey(values[p.planOf.get(i.field) ?? -1] ?? ''));
      if (hit) {
        stage = Math.max(stage, hit.stage + 1);
        // Without a unique value to find the new record by, only its id will do.
        if (target.findBy === null || hit.value === '') waits = true;
        else {
          viaFindBy.push(i.field);
          findByValues.set(i.field, hit.value);
        }
        continue;
      }
    }
    return { kind: 'left', reason: 'has errors' };
  }
  if (waits) return { kind: 'left', reason: 'waits for stage 1' };
  return { kind: 'write', stage, viaFindBy: viaFindBy.sort(), findByValues };
}

/** What the index of created records keeps of one row: its name keys and its unique value. */
export interface CreatedEntry {
  keys: string[];
  value: string;
}

/** The index entry of a row whose values `valueOf(plan)` gives. */
export function createdEntry(index: CreatedIndex, p: BatchExportPlan, valueOf: (plan: number) => string): CreatedEntry {
  const get = (k: string): string | null => {
    const i = p.planOf.get(k);
    return i === undefined ? null : valueOf(i);
  };
  const value = index.findBy === null ? '' : (get(index.findBy) ?? '');
  const keys = [recordName(p.record.module, get), get('Email') ?? ''].filter((k) => k.trim() !== '').map(nameKey);
  return { keys: [...new Set(keys)], value };
}

/** Adds an exported row to the index of records this batch creates (a repeated name becomes ambiguous). */
export function addCreated(index: CreatedIndex, entry: CreatedEntry, stage: number): void {
  for (const k of entry.keys) {
    index.byKey.set(k, index.byKey.has(k) ? null : { value: entry.value, stage });
  }
}

/** The unique field of a target batch that dependents can find its records by, if mapped. */
export function targetFindBy(fields: readonly FieldMeta[], mapping: BatchMapping): string | null {
  const mapped = new Set(mapping.fields.map((f) => f.field));
  return fields.find((f) => f.unique !== null && !f.readOnly && mapped.has(f.apiName))?.apiName ?? null;
}
