/**
 * One batch's rows through the export (the export thread's part): every row judged from what
 * the workspace says of it — excluded, an error, a later stage — and the plain rows (no error
 * that keeps them out, stage 1) handed on in parts of 25,000 row numbers for the part threads
 * to read, write and compress. Only rows with a stored issue or exclusion are read here; those
 * that go to another stream (a later stage) are written here, from their computed values.
 */
import type { Issue } from '../../../../shared/domain/batch';
import type { ReviewDecision } from '../../../../shared/domain/review';
import { decodeRawBlock, type BatchRepo, type BlockIndexEntry, type StoredRow } from '../../db/repos/batch-repo';
import type { ExportRepo } from '../../db/repos/export-repo';
import { AppError } from '../../../../shared/ipc/errors';
import { BLOCK_CSV } from '../../db/repos/row-block-codec';
import { evaluateRow, sourceOf } from '../batch/compute-row';
import type { JobContext } from '../replica-load/load-types';
import { addCreated, createdEntry, rowFate, type BatchExportPlan, type CreatedEntry, type CreatedIndex, type RowFate } from './batch-source';
import { BlockCursor } from './block-cursor';
import type { LeftOutReason } from './export-types';
import type { Operation } from './job-json';
import { isPlain, rowVerdict, type RowVerdict } from './review-fate';
import { MAX_ROWS_PER_JOB, type JobStream } from './job-stream';
import { BatchRowWriter, cellsOf } from './row-writer';

/** What a batch's pass counted. */
export interface RowPass {
  exported: number;
  leftOut: Map<LeftOutReason, number>;
  /** Lookup field -> rows that depend on another batch of the export through it. */
  dependentRows: Map<string, number>;
  /** Rows the review said to create that went into an insert job. */
  inserted: number;
  /** Of those, the rows in the plain stream (the export inserts anyway), for per-job counts. */
  plainInserts: Set<number>;
  /** The first rows merged into another row, with their survivor. */
  mergedInto: { row: number; survivor: number }[];
}

/** How many "merged into row N" pairs the plan lists per batch. */
export const MERGED_INTO_LISTED = 50;

/** Inputs of one batch's pass. */
export interface RowPassInput {
  p: BatchExportPlan;
  batches: BatchRepo;
  state: ExportRepo;
  ctx: JobContext;
  phase: string;
  /** False when the caller reports progress (the export reports its parts as they are written). */
  progress: boolean;
  /** The export's operation (decides where a `create` goes). */
  operation: Operation;
  /** The review decisions of the rows in [from, to], or null when the batch has none. */
  decisions: ((from: number, to: number) => Map<number, ReviewDecision>) | null;
  /**
   * The stream of a stage and set of find_by lookups (created on first use); with `insert`,
   * the insert stream of rows the review created while the export updates or upserts.
   */
  streamFor(stage: number, viaFindBy: string[], insert?: boolean): JobStream;
  /** Takes a row the review merged into an existing record (in row order); see merge-updates.ts. */
  onMerge(rowNo: number): void;
  /** The index of records this batch creates, when a later batch looks them up. */
  ownIndex: CreatedIndex | null;
  /** Takes the row numbers of each part of the plain stream, in order. */
  onPlainPart(rowNos: number[]): void;
}

export const CANCELLED_EXPORT = 'The export was cancelled; nothing was written.';

const BLOCKS_PER_PAGE = 20;
const PROGRESS_EVERY_MS = 100;

/** Lets the thread's event loop run: the part pool hands out its next tasks from there. */
function yieldToLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * What a row's stored issues say of it: plain (no errors), kept out (an error that no value can
 * clear; see rowFate), or to be decided from its values (errors on lookups and left-out fields).
 */
function verdictOf(p: BatchExportPlan, issues: readonly Issue[]): 'has errors' | 'plain' | 'values' {
  let errors = false;
  for (const i of issues) {
    if (i.severity !== 'error') continue;
    errors = true;
    const clearable = (i.field !== null && p.dropped.has(i.field)) || i.code === 'LOOKUP_NOT_FOUND' || i.code === 'AMBIGUOUS_LOOKUP';
    if (!clearable) return 'has errors';
  }
  return errors ? 'values' : 'plain';
}

/** Judges every row of one batch: counts, the rows of later stages, and the plain parts. */
export async function exportBatchRows(input: RowPassInput): Promise<RowPass> {
  const { p, batches, state, ctx, ownIndex } = input;
  const b = p.record;
  const width = b.header.length;
  const leftOut = new Map<LeftOutReason, number>();
  const dependentRows = new Map<string, number>();
  const left = (reason: LeftOutReason): void => void leftOut.set(reason, (leftOut.get(reason) ?? 0) + 1);
  let exported = 0;
  let inserted = 0;
  const plainInserts = new Set<number>();
  const mergedInto: { row: number; survivor: number }[] = [];
  const plainStream = input.streamFor(1, []);
  const writer = new BatchRowWriter(p.ctx, plainStream.columns, b.delimiter);
  const values = new Array<string>(p.ctx.plans.length);
  const scratch: Issue[] = [];
  let plain: number[] = [];
  let afterBlock = 0;
  let lastProgress = 0;

  for (;;) {
    if (ctx.cancelled()) throw new AppError('CANCELLED', CANCELLED_EXPORT);
    const index = batches.blockIndex(b.id, afterBlock, BLOCKS_PER_PAGE);
    if (index.length === 0) break;
    afterBlock = (index[index.length - 1] as BlockIndexEntry).blockNo;
    const from = (index[0] as BlockIndexEntry).firstRow;
    const to = (index[index.length - 1] as BlockIndexEntry).lastRow;
    const page = state.pageState(b.id, from, to);
    // The blocks' text is read only where it is needed: blank lines between rows (to know which
    // row numbers are stored), an index of created records, or rows whose fate needs values.
    const needText = ownIndex !== null || index.some((x) => x.lastRow - x.firstRow + 1 !== x.rowCount);
    const entries = new Map<number, CreatedEntry>();
    const stored = needText ? storedRowsFromText(batches, b, index, width, writer, ownIndex && { index: ownIndex, p, edits: page.edits, into: entries }) : storedRowsFromIndex(index);
    const created = (r: number, stage: number): void => {
      const e = entries.get(r);
      if (ownIndex && e) addCreated(ownIndex, e, stage);
    };

    // A row's errors and review decision mostly settle its fate alone; the rest are decided
    // from the row's values.
    const decided = input.decisions === null ? null : input.decisions(from, to);
    const verdict = new Map<number, RowVerdict>();
    if (page.excluded.size > 0 || page.issues.size > 0 || (decided !== null && decided.size > 0)) {
      for (const r of stored) {
        const d = decided?.get(r);
        if (!page.excluded.has(r) && !page.issues.has(r) && d === undefined) continue;
        const v = rowVerdict(page.excluded.has(r), d, page.issues.has(r) ? verdictOf(p, page.issues.get(r) ?? []) : 'plain', input.operation);
        if (!isPlain(v)) verdict.set(r, v);
        if (v === 'merged into another row' && d?.action === 'merge-row' && mergedInto.length < MERGED_INTO_LISTED) mergedInto.push({ row: r, survivor: d.survivor });
        if (d?.action === 'create' && isPlain(v)) plainInserts.add(r);
      }
    }
    const fates = new Map<number, RowFate & { cells: string[] }>();
    const undecided = [...verdict].flatMap(([r, v]) => (typeof v !== 'string' && v.needsValues ? [r] : []));
    for (const r of undecided.length > 0 ? batches.rowsByNumbers(b.id, undecided) : []) {
      const v = verdict.get(r.rowNo) as Exclude<RowVerdict, string>;
      fates.set(r.rowNo, decide(r, page.issues.get(r.rowNo) ?? [], page.edits.get(r.rowNo), v.route === 'insert'));
    }

    if (verdict.size === 0 && !ownIndex) {
      // The usual page: every stored row is plain.
      for (const r of stored) {
        plain.push(r);
        if (plain.length === MAX_ROWS_PER_JOB) {
          input.onPlainPart(plain);
          plain = [];
        }
      }
      exported += stored.length;
    }
    for (const r of verdict.size === 0 && !ownIndex ? [] : stored) {
      const v = verdict.size === 0 ? undefined : verdict.get(r);
      if (typeof v === 'string') {
        left(v);
        continue;
      }
      if (v !== undefined && v.needsValues) {
        const fate = fates.get(r);
        if (fate === undefined) throw new AppError('INTERNAL', `Batch ${b.id} changed while it was being exported; nothing was written. Export it again.`);
        if (fate.kind === 'left') {
          left(fate.reason);
          if (fate.reason === 'waits for stage 1') countDependents(p, page.issues.get(r) ?? [], dependentRows);
          continue;
        }
        const later = fate.stage !== 1 || fate.viaFindBy.length > 0;
        if (v.route === 'update') {
          // An update by id carries no find_by lookups: it waits, as a row without a unique field does.
          if (later) left('waits for stage 1');
          else input.onMerge(r);
          continue;
        }
        if (later || v.route === 'insert') {
          for (const f of fate.viaFindBy) dependentRows.set(f, (dependentRows.get(f) ?? 0) + 1);
          input.streamFor(fate.stage, fate.viaFindBy, v.route === 'insert').add(r, fate.cells);
          exported += 1;
          if (v.route === 'insert') inserted += 1;
          created(r, fate.stage);
          continue;
        }
      } else if (v !== undefined && v.route === 'update') {
        input.onMerge(r);
        continue;
      }
      if (v !== undefined && decided?.get(r)?.action === 'create') plainInserts.add(r);
      plain.push(r);
      exported += 1;
      created(r, 1);
      if (plain.length === MAX_ROWS_PER_JOB) {
        input.onPlainPart(plain);
        plain = [];
      }
    }
    const now = Date.now();
    if (input.progress && now - lastProgress >= PROGRESS_EVERY_MS) {
      lastProgress = now;
      const done = Math.min(to, b.rowCount);
      ctx.progress({ phase: input.phase, done, total: b.rowCount, rows: done });
    }
    await yieldToLoop();
  }
  if (plain.length > 0) input.onPlainPart(plain);
  if (input.progress) ctx.progress({ phase: input.phase, done: b.rowCount, total: b.rowCount, rows: b.rowCount });
  return { exported, leftOut, dependentRows, inserted: inserted + plainInserts.size, plainInserts, mergedInto };

  function decide(r: StoredRow, issues: readonly Issue[], edits: ReadonlyMap<string, string> | undefined, insert: boolean): RowFate & { cells: string[] } {
    scratch.length = 0;
    evaluateRow(sourceOf(r), p.ctx, edits, values, scratch, false);
    const fate = rowFate(p, issues, values, scratch);
    return { ...fate, cells: fate.kind === 'write' ? cellsOf(input.streamFor(fate.stage, fate.viaFindBy, insert).columns, values, fate.findByValues) : [] };
  }
}

/** Stored row numbers of blocks with no blank lines between their rows. */
function storedRowsFromIndex(index: readonly BlockIndexEntry[]): number[] {
  const out: number[] = [];
  for (const x of index) for (let r = x.firstRow; r <= x.lastRow; r += 1) out.push(r);
  return out;
}

/** Where the index entries of a page's rows go, when a later batch looks this one up. */
interface Indexing {
  index: CreatedIndex;
  p: BatchExportPlan;
  edits: ReadonlyMap<number, ReadonlyMap<string, string>>;
  into: Map<number, CreatedEntry>;
}

/** Stored row numbers read from the blocks' text, with each row's index entry when asked. */
function storedRowsFromText(batches: BatchRepo, b: BatchExportPlan['record'], index: readonly BlockIndexEntry[], width: number, writer: BatchRowWriter, indexing: Indexing | null): number[] {
  const out: number[] = [];
  const first = (index[0] as BlockIndexEntry).firstRow;
  for (const blk of batches.blocksAfter(b.id, first - 1, index.length)) {
    if (writer.delimiter >= 0 && blk.fmt === BLOCK_CSV) {
      const cur = new BlockCursor(blk.bytes, writer.delimiter);
      while (cur.next()) {
        if (cur.blank) continue;
        const rowNo = blk.firstRow + cur.rowIndex;
        out.push(rowNo);
        if (indexing) indexing.into.set(rowNo, createdEntry(indexing.index, indexing.p, writer.valuesAt(cur, rowNo, indexing.edits.get(rowNo))));
      }
    } else {
      for (const r of decodeRawBlock(blk, b.delimiter, width)) {
        out.push(r.rowNo);
        if (indexing) indexing.into.set(r.rowNo, createdEntry(indexing.index, indexing.p, writer.valuesOf(r, indexing.edits.get(r.rowNo))));
      }
    }
  }
  return out;
}

function countDependents(p: BatchExportPlan, issues: readonly Issue[], into: Map<string, number>): void {
  for (const i of issues) {
    if (i.field !== null && p.dependent.has(i.field)) into.set(i.field, (into.get(i.field) ?? 0) + 1);
  }
}
