/**
 * The export's path for a plain row (no error, no edit, the header's width): each value that is
 * its source cell untouched is copied from the block's bytes, and only the fields that need work
 * (transforms, lookups, joined columns, owners) are computed, from just the cells they read.
 * The bytes are those the decoded path writes (test/unit/export/fast-rows.test.ts holds both
 * to the same output).
 */
import { toStored, type StoredRow } from '../../db/repos/batch-repo';
import type { BlockRow } from '../../db/repos/row-block-codec';
import { evaluateRow, type FieldPlan, type RowContext, type SourceRow } from '../batch/compute-row';
import type { Issue } from '../../../../shared/domain/batch';
import { CELL_QUOTED, CELL_SPECIAL, type BlockCursor } from './block-cursor';
import { writeBlockCell, type ByteSink } from './byte-sink';
import type { UploadColumn } from './column-plan';
import { uploadCell } from './upload-csv';

const COMMA = 44;
const CR = 13;
const LF = 10;

/** What the fast path knows of one batch. */
export interface FastBatch {
  /** Per mapped field: the source column it copies untouched, or -1 when it is computed. */
  verbatim: Int32Array;
  /** Per mapped field: its slot among the computed fields, or -1. */
  slotOf: Int32Array;
  /** The computed fields as a context of their own (their values land in slot order). */
  computed: RowContext;
  /** Source columns the computed fields read. */
  reads: number[];
  /** Per mapped field: its default value. */
  defaults: (string | null)[];
  width: number;
}

/** A field whose value is its one source cell as stored (a default fills it when empty). */
function isVerbatim(plan: FieldPlan): boolean {
  return plan.indexes.length === 1 && (plan.indexes[0] as number) >= 0 && plan.transforms.length === 0 && plan.lookup === null && !plan.user;
}

/** Splits a batch's fields into copied and computed ones. */
export function fastBatch(ctx: RowContext): FastBatch {
  const n = ctx.plans.length;
  const verbatim = new Int32Array(n).fill(-1);
  const slotOf = new Int32Array(n).fill(-1);
  const plans: FieldPlan[] = [];
  const reads = new Set<number>();
  ctx.plans.forEach((plan, i) => {
    if (isVerbatim(plan)) {
      verbatim[i] = plan.indexes[0] as number;
      return;
    }
    slotOf[i] = plans.length;
    plans.push(plan);
    for (const x of plan.indexes) if (x >= 0) reads.add(x);
  });
  return { verbatim, slotOf, computed: { ...ctx, plans }, reads: [...reads], defaults: ctx.plans.map((p) => p.defaultValue), width: ctx.header.length };
}

/** One upload column on the fast path: a copied cell (`cell` >= 0) or a computed slot. */
export interface FastColumn {
  cell: number;
  slot: number;
  always: boolean;
  dflt: string | null;
}

/** The fast path's recipe for a stream's columns, or null when it cannot write them (find_by columns). */
export function fastColumns(fb: FastBatch, columns: readonly UploadColumn[]): FastColumn[] | null {
  const out: FastColumn[] = [];
  for (const c of columns) {
    if (c.findBy !== null) return null;
    const cell = c.plan < 0 ? -1 : (fb.verbatim[c.plan] as number);
    const slot = c.plan < 0 ? -1 : (fb.slotOf[c.plan] as number);
    out.push({ cell, slot, always: c.multiselect, dflt: cell >= 0 ? (fb.defaults[c.plan] ?? null) : null });
  }
  return out;
}

/** Computes the cursor row's computed fields into `values` (by slot), decoding only the cells they read. */
export function computeFast(fb: FastBatch, cur: BlockCursor, rowNo: number, cells: string[], values: string[], scratch: Issue[]): void {
  if (fb.computed.plans.length === 0) return;
  for (const k of fb.reads) cells[k] = cur.text(k);
  const src: SourceRow = { row: rowNo, cells, width: null };
  scratch.length = 0;
  evaluateRow(src, fb.computed, undefined, values, scratch, false);
}

/**
 * A stretch of upload columns that are consecutive source cells of a comma-separated block:
 * when each cell's stored form is already its upload form (unquoted and plain, or quoted and in
 * need of quotes), the whole stretch is one copy of the block's bytes, commas included.
 */
interface Run {
  /** First upload column of the run and how many. */
  col: number;
  count: number;
  /** Source cell of the first column. */
  cell: number;
}

/** How a stream's rows are written on the fast path. */
export interface FastRecipe {
  cols: FastColumn[];
  /** Runs in column order; a column outside every run is written alone. */
  runs: Run[];
}

/** The recipe of a stream's columns, or null when the fast path cannot write them (find_by columns). */
export function fastRecipe(fb: FastBatch, columns: readonly UploadColumn[], delimiter: number): FastRecipe | null {
  const cols = fastColumns(fb, columns);
  if (cols === null) return null;
  const runs: Run[] = [];
  const copyable = (c: FastColumn): boolean => c.cell >= 0 && c.dflt === null && !c.always;
  for (let i = 0; i < cols.length; ) {
    const c = cols[i] as FastColumn;
    let n = 1;
    if (delimiter === COMMA && copyable(c)) {
      while (i + n < cols.length && copyable(cols[i + n] as FastColumn) && (cols[i + n] as FastColumn).cell === c.cell + n) n += 1;
    }
    runs.push({ col: i, count: n, cell: delimiter === COMMA && copyable(c) ? c.cell : -1 });
    i += n;
  }
  return { cols, runs };
}

const AS_IS = CELL_QUOTED | CELL_SPECIAL;

/** Appends the cursor's row as one upload line. */
export function writeFastRow(sink: ByteSink, cur: BlockCursor, recipe: FastRecipe, values: readonly string[]): void {
  const { cols, runs } = recipe;
  const sp = cur.spans;
  for (let r = 0; r < runs.length; r += 1) {
    const run = runs[r] as Run;
    if (r > 0) sink.byte(COMMA);
    if (run.cell >= 0) {
      let asIs = true;
      for (let k = run.cell; k < run.cell + run.count; k += 1) {
        const f = (sp[3 * k + 2] as number) & AS_IS;
        if (f !== 0 && f !== AS_IS) {
          asIs = false;
          break;
        }
      }
      if (asIs) {
        const first = 3 * run.cell;
        const last = 3 * (run.cell + run.count - 1);
        const from = (sp[first] as number) - ((sp[first + 2] as number) & CELL_QUOTED);
        const to = (sp[last + 1] as number) + ((sp[last + 2] as number) & CELL_QUOTED);
        if (sink.source !== cur.bytes) sink.load(cur.bytes);
        sink.copySource(from, to);
        continue;
      }
    }
    for (let i = run.col; i < run.col + run.count; i += 1) {
      if (i > run.col) sink.byte(COMMA);
      const c = cols[i] as FastColumn;
      if (c.cell >= 0) writeBlockCell(sink, cur, c.cell, c.always, c.dflt);
      else if (c.slot >= 0) sink.text(uploadCell(values[c.slot] ?? '', c.always));
      else if (c.always) sink.text('""');
    }
  }
  sink.byte(CR);
  sink.byte(LF);
}

/** A field's value on the fast path (for the index of records a batch creates). */
export function fastValue(fb: FastBatch, cur: BlockCursor, values: readonly string[], plan: number): string {
  const cell = fb.verbatim[plan] as number;
  if (cell < 0) return values[fb.slotOf[plan] as number] ?? '';
  const v = cur.text(cell);
  return v === '' ? (fb.defaults[plan] ?? '') : v;
}

/** The cursor's row as the decoded path reads it. */
export function storedRow(cur: BlockCursor, rowNo: number, width: number): StoredRow {
  const r: BlockRow = { rowNo, cells: cur.cells() };
  return toStored(r, width);
}
