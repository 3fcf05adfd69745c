/**
 * The review's merges as update jobs (the export thread's part): each row merged into an
 * existing record becomes one line of an update by `id` in that record's module, holding the
 * id and exactly the values `updateValues` says the merge writes.
 *
 * Two passes over the merged rows: the first learns which fields any merge writes (the job's
 * columns must be known before its first line) and which merges change nothing; the second
 * writes the lines. Rows are read a chunk at a time; only a bounded number of worked-out lines
 * is kept between the passes.
 */
import { LOOKUP_TYPES, type FieldMeta } from '../../../../shared/domain/field-meta';
import type { ReviewDecision } from '../../../../shared/domain/review';
import { isUserField } from '../../../../shared/domain/user-fields';
import { AppError } from '../../../../shared/ipc/errors';
import type { BatchRepo } from '../../db/repos/batch-repo';
import type { ExportRepo } from '../../db/repos/export-repo';
import type { ReplicaRepo } from '../../db/repos/replica-repo';
import type { ReviewRepo } from '../../db/repos/review-repo';
import type { Issue } from '../../../../shared/domain/batch';
import { evaluateRow, sourceOf } from '../batch/compute-row';
import { updateValues } from '../dedupe/update-values';
import type { JobContext } from '../replica-load/load-types';
import type { BatchExportPlan } from './batch-source';
import { MAX_COLUMNS, type UploadColumn } from './column-plan';
import type { LeftOutReason } from './export-types';
import type { JobStream } from './job-stream';
import { CANCELLED_EXPORT } from './export-rows';

/** Merged rows read per chunk. */
const CHUNK = 2000;
/**
 * Up to this many merges the first pass keeps its lines for the second (a few MB); past it the
 * second pass works them out again, so memory stays flat in the number of rows.
 */
const KEEP_LINES = 100_000;

/** Inputs of a batch's merge pass. */
export interface MergePassInput {
  p: BatchExportPlan;
  /** The merged rows that passed every other check, in row order. */
  rows: readonly number[];
  batches: BatchRepo;
  state: ExportRepo;
  review: ReviewRepo;
  replica: ReplicaRepo;
  ctx: JobContext;
  /** True when this pass reports progress (the dry run; a written export reports its parts). */
  progress: boolean;
  /** Metadata of a target module (the batch's own or another, as the decision names). */
  fieldsOf(module: string): readonly FieldMeta[];
  /** The update stream of a target module with these columns (created on first use). */
  streamFor(module: string, columns: UploadColumn[]): JobStream;
}

/** What the merge pass counted. */
export interface MergePass {
  updated: number;
  leftOut: Map<LeftOutReason, number>;
}

/** One merge, worked out. */
interface MergeLine {
  row: number;
  module: string;
  id: string;
  /** Null when the record is no longer in the replica. */
  values: Record<string, string> | null;
}

/**
 * The existing record as `updateValues` reads it: values by field API name. A lookup loaded
 * from a Bulk Read export sits under `Field.id`; it counts as the field's value.
 */
export function recordValues(columns: readonly { key: string; col: string }[], rec: Readonly<Record<string, string | null>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of columns) {
    const v = rec[c.col];
    if (v === null || v === undefined || v === '') continue;
    out[c.key] = v;
  }
  for (const c of columns) {
    if (!c.key.endsWith('.id')) continue;
    const field = c.key.slice(0, -3);
    const v = out[c.key];
    if (out[field] === undefined && v !== undefined) out[field] = v;
  }
  return out;
}

/**
 * The columns of an update job: `id` first (the row key Zoho's result echoes), then the fields
 * some merge writes, in the target's metadata order; lookups and owners by id.
 */
export function updateColumns(module: string, fields: readonly FieldMeta[], written: ReadonlySet<string>): UploadColumn[] {
  const cols: UploadColumn[] = [{ field: 'id', header: 'id', plan: 0, findBy: null, multiselect: false, defaultValue: null }];
  for (const f of fields) {
    if (!written.has(f.apiName)) continue;
    const lookup = LOOKUP_TYPES.has(f.dataType) || isUserField(f);
    cols.push({ field: f.apiName, header: lookup ? `${f.apiName}.id` : f.apiName, plan: cols.length, findBy: null, multiselect: f.dataType === 'multiselectpicklist', defaultValue: null });
  }
  if (cols.length > MAX_COLUMNS) {
    throw new AppError(
      'HEADER_LIMIT_EXCEEDED',
      `The merges into ${module} would update ${cols.length} columns; Zoho takes at most ${MAX_COLUMNS} per job (HEADER_LIMIT_EXCEEDED). Unmap some fields. Nothing was written.`,
    );
  }
  return cols;
}

/** Turns the batch's merged rows into lines of update jobs; returns what it counted. */
export async function exportMerges(input: MergePassInput): Promise<MergePass> {
  const leftOut = new Map<LeftOutReason, number>();
  if (input.rows.length === 0) return { updated: 0, leftOut };
  const written = new Map<string, Set<string>>();
  const kept: MergeLine[] | null = input.rows.length <= KEEP_LINES ? [] : null;
  for await (const line of mergeLines(input)) {
    kept?.push(line);
    if (line.values === null || Object.keys(line.values).length === 0) continue;
    let set = written.get(line.module);
    if (!set) {
      set = new Set();
      written.set(line.module, set);
    }
    for (const k of Object.keys(line.values)) set.add(k);
  }
  const columns = new Map([...written].map(([m, set]) => [m, updateColumns(m, input.fieldsOf(m), set)]));
  let updated = 0;
  for await (const line of kept ?? mergeLines(input)) {
    if (line.values === null) {
      leftOut.set('merge target not in the replica', (leftOut.get('merge target not in the replica') ?? 0) + 1);
      continue;
    }
    const cols = columns.get(line.module);
    if (Object.keys(line.values).length === 0 || !cols) {
      leftOut.set('merge changes nothing', (leftOut.get('merge changes nothing') ?? 0) + 1);
      continue;
    }
    const values = line.values;
    input.streamFor(line.module, cols).add(
      line.row,
      cols.map((c) => (c.field === 'id' ? line.id : (values[c.field] ?? ''))),
    );
    updated += 1;
  }
  return { updated, leftOut };
}

/** Every merged row's target and update values, a chunk of rows at a time. */
async function* mergeLines(input: MergePassInput): AsyncGenerator<MergeLine> {
  const { p, batches, state, review, replica } = input;
  const b = p.record;
  const values = new Array<string>(p.ctx.plans.length);
  const scratch: Issue[] = [];
  const replicaColumns = new Map<string, { key: string; col: string }[]>();
  const columnsOf = (module: string): { key: string; col: string }[] => {
    let c = replicaColumns.get(module);
    if (!c) {
      c = replica.columns(module);
      replicaColumns.set(module, c);
    }
    return c;
  };
  for (let at = 0; at < input.rows.length; at += CHUNK) {
    if (input.ctx.cancelled()) throw new AppError('CANCELLED', CANCELLED_EXPORT);
    if (input.progress) input.ctx.progress({ phase: 'checking merges', done: at, total: input.rows.length, rows: at });
    const chunk = input.rows.slice(at, at + CHUNK);
    const decisions = review.decisionsBetween(b.id, chunk[0] as number, chunk[chunk.length - 1] as number);
    const edits = state.editsBetween(b.id, chunk[0] as number, chunk[chunk.length - 1] as number);
    const targets = new Map<string, string[]>();
    for (const d of decisions.values()) {
      if (d.action !== 'merge') continue;
      const ids = targets.get(d.module);
      if (ids) ids.push(d.id);
      else targets.set(d.module, [d.id]);
    }
    const records = new Map<string, Map<string, Record<string, string | null>>>();
    for (const [module, ids] of targets) records.set(module, replica.valuesByIds(module, columnsOf(module).map((c) => c.col), ids));
    for (const r of batches.rowsByNumbers(b.id, chunk)) {
      const d = decisions.get(r.rowNo);
      if (d?.action !== 'merge') {
        throw new AppError('INTERNAL', `Batch ${b.id} changed while it was being exported; nothing was written. Export it again.`);
      }
      const rec = records.get(d.module)?.get(d.id);
      if (!rec) {
        yield { row: r.rowNo, module: d.module, id: d.id, values: null };
        continue;
      }
      scratch.length = 0;
      evaluateRow(sourceOf(r), p.ctx, edits.get(r.rowNo), values, scratch, false);
      yield { row: r.rowNo, module: d.module, id: d.id, values: mergeValues(p, d, values, recordValues(columnsOf(d.module), rec), input.fieldsOf(d.module)) };
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** The update of one merge, from the row's computed values (fields left out of the export stay out). */
function mergeValues(p: BatchExportPlan, d: Extract<ReviewDecision, { action: 'merge' }>, values: readonly string[], existing: Record<string, string>, fields: readonly FieldMeta[]): Record<string, string> {
  const incoming: Record<string, string> = {};
  p.mapping.fields.forEach((m, i) => {
    if (!p.dropped.has(m.field)) incoming[m.field] = values[i] ?? '';
  });
  return updateValues(d, { module: p.record.module, fields: p.fields, values: incoming }, existing, fields);
}
