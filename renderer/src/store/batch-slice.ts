/**
 * The batch fix screen: the batch list, the open batch's summary, its rows in pages, and
 * every change the user makes (edit, exclude, replace, undo, redo, report, template).
 *
 * Rows are fetched in pages of 200 around what is on screen (never the whole batch); every
 * change returns a fresh summary from the core, which replaces the counts at once, and the
 * visible pages are re-read. Changes are sent one at a time, in the order the user made them.
 */
import { newJobId } from '../api/ids';
import { uiError } from './errors';
import { createBatchPages, EMPTY_PAGES, type BatchPages } from './batch-pages';
import type { BatchListItem, BatchRow, BatchSummary, FieldMeta, JobProgress, RowFilter, SliceCreator, UiError } from './types';

/** The open batch and what the fix screen shows of it. */
export interface BatchViewState {
  batch: number | null;
  summary: BatchSummary | null;
  fields: FieldMeta[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  /** Why the batch could not be opened. */
  error: UiError | null;
  /** The last change the core refused. */
  actionError: UiError | null;
  /** The last change's outcome, in words. */
  notice: string | null;
  /** What is running right now ("Saving…"), or null. */
  busy: string | null;
  /** Progress of a long change (validation of the whole batch). */
  progress: JobProgress | null;
  filter: RowFilter;
  rows: BatchPages;
  /** Row numbers ticked in the grid. */
  selection: number[];
  /** The row shown in the side panel. */
  activeRow: BatchRow | null;
  showSource: boolean;
  issueColumnsOnly: boolean;
}

/** State and actions of batches. */
export interface BatchSlice {
  batches: BatchListItem[];
  batchesError: UiError | null;
  batch: BatchViewState;
  refreshBatches(): Promise<void>;
  openBatch(batch: number): Promise<void>;
  /** Shows a batch from a summary just returned (after an import or a new mapping). */
  showBatchSummary(summary: BatchSummary): void;
  setBatchFilter(filter: RowFilter): void;
  ensureBatchRows(start: number, end: number): void;
  setShowSource(show: boolean): void;
  setIssueColumnsOnly(only: boolean): void;
  setRowSelected(row: number, selected: boolean): void;
  clearSelection(): void;
  setActiveRow(row: BatchRow | null): void;
  /** Saves a cell's value; null reverts it to the computed one. Resolves false when refused. */
  editBatchCell(row: number, field: string, value: string | null): Promise<boolean>;
  excludeRows(rows: number[], excluded: boolean): Promise<void>;
  /** Excludes every row with an error (one undoable step). */
  excludeInvalidRows(): Promise<void>;
  replaceInColumn(req: { field: string; find: string; replace: string; matchCase: boolean; wholeCell: boolean }): Promise<boolean>;
  undoBatch(): Promise<void>;
  redoBatch(): Promise<void>;
  exportErrorReport(path: string): Promise<boolean>;
  /** Electron: asks where to save a file; null when cancelled. */
  pickSavePath(title: string, extension: string): Promise<string | null>;
  saveBatchTemplate(name: string): Promise<boolean>;
  /** Replaces the batch's mapping by a saved template's (undoable). */
  applyTemplateToBatch(name: string): Promise<void>;
  dismissBatchMessage(): void;
  /** Validates every row of the open batch again (after users were loaded), with progress. */
  revalidateBatch(): Promise<void>;
  /** Stops a running re-validation; the batch keeps its previous results. */
  cancelRevalidate(): void;
  /** Re-reads the open batch's summary (its notices change when users are loaded). */
  refreshBatchSummary(): Promise<void>;
  onBatchProgress(progress: JobProgress): void;
  /** Forgets the open batch (workspace switched). */
  resetBatch(): void;
}

const EMPTY_VIEW: BatchViewState = {
  batch: null,
  summary: null,
  fields: [],
  status: 'idle',
  error: null,
  actionError: null,
  notice: null,
  busy: null,
  progress: null,
  filter: 'all',
  rows: EMPTY_PAGES,
  selection: [],
  activeRow: null,
  showSource: false,
  issueColumnsOnly: false,
};

/** Creates the batch slice. */
export const createBatchSlice: SliceCreator<BatchSlice> = (client) => (set, get) => {
  let queue: Promise<unknown> = Promise.resolve();
  let ticket = 0;
  /** The job of a running re-validation, so it can be cancelled. */
  let validateJob: string | null = null;

  const patch = (p: Partial<BatchViewState>): void => set((s) => ({ batch: { ...s.batch, ...p } }));

  const pages = createBatchPages({
    get: () => get().batch,
    setRows: (update) =>
      set((s) => {
        const rows = update(s.batch.rows);
        // Keep the side panel on the fresh copy of its row, so edits and issues show at once.
        const active = s.batch.activeRow;
        const fresh = active === null ? null : findRow(rows, active.row);
        return { batch: { ...s.batch, rows, activeRow: fresh ?? active } };
      }),
    fetch: (batch, offset, limit, filter) => client.invoke('batch.rows', { batch, offset, limit, filter }),
  });

  /** Runs changes one after another, so a quick edit never overtakes the one before it. */
  function serial<T>(label: string, run: () => Promise<T>): Promise<T | null> {
    const next = queue.then(async () => {
      patch({ busy: label, actionError: null });
      try {
        return await run();
      } catch (err) {
        patch({ actionError: uiError(err) });
        return null;
      } finally {
        patch({ busy: null, progress: null });
      }
    });
    queue = next.catch(() => undefined);
    return next;
  }

  function accept(summary: BatchSummary, notice: string | null): void {
    if (get().batch.batch !== summary.batch) return;
    patch({ summary, notice });
    pages.refresh();
  }

  return {
    batches: [],
    batchesError: null,
    batch: EMPTY_VIEW,

    async refreshBatches() {
      try {
        const res = await client.invoke('batch.list', {});
        set({ batches: res.batches, batchesError: null });
      } catch (err) {
        set({ batchesError: uiError(err) });
      }
    },

    async openBatch(batch) {
      set({ view: { kind: 'batch', batch } });
      if (get().batch.batch === batch && get().batch.status === 'ready') {
        return;
      }
      const mine = ++ticket;
      set({ batch: { ...EMPTY_VIEW, batch, status: 'loading' } });
      try {
        const summary = await client.invoke('batch.summary', { batch });
        const { fields } = await client.invoke('metadata.fields', { module: summary.module });
        if (mine !== ticket) return;
        patch({ summary, fields, status: 'ready' });
        pages.reset();
      } catch (err) {
        if (mine === ticket) patch({ status: 'error', error: uiError(err) });
      }
    },

    showBatchSummary(summary) {
      const same = get().batch.batch === summary.batch && get().batch.status === 'ready';
      set({ view: { kind: 'batch', batch: summary.batch } });
      if (same) {
        patch({ summary, notice: 'Mapping applied and the batch validated again.' });
        void client.invoke('metadata.fields', { module: summary.module }).then(
          ({ fields }) => patch({ fields }),
          () => undefined,
        );
        pages.refresh();
        return;
      }
      const mine = ++ticket;
      set({ batch: { ...EMPTY_VIEW, batch: summary.batch, summary, status: 'loading' } });
      client.invoke('metadata.fields', { module: summary.module }).then(
        ({ fields }) => {
          if (mine !== ticket) return;
          patch({ fields, status: 'ready' });
          pages.reset();
        },
        (err: unknown) => {
          if (mine === ticket) patch({ status: 'error', error: uiError(err) });
        },
      );
    },

    setBatchFilter(filter) {
      if (filter === get().batch.filter) return;
      patch({ filter, selection: [] });
      pages.reset();
    },

    ensureBatchRows(start, end) {
      pages.ensure(start, end);
    },

    setShowSource(show) {
      patch({ showSource: show });
    },

    setIssueColumnsOnly(only) {
      patch({ issueColumnsOnly: only });
    },

    setRowSelected(row, selected) {
      const current = get().batch.selection;
      const has = current.includes(row);
      if (selected && !has) patch({ selection: [...current, row] });
      if (!selected && has) patch({ selection: current.filter((r) => r !== row) });
    },

    clearSelection() {
      patch({ selection: [] });
    },

    setActiveRow(row) {
      patch({ activeRow: row });
    },

    async editBatchCell(row, field, value) {
      const batch = get().batch.batch;
      if (batch === null) return false;
      if (value !== null) {
        // Show the new value at once; the re-read rows bring its verdict a moment later.
        set((s) => ({ batch: { ...s.batch, rows: withEdit(s.batch.rows, row, field, value) } }));
      }
      const summary = await serial('Saving…', () => client.invoke('batch.editCell', { batch, row, field, value }));
      if (summary === null) pages.refresh();
      if (summary === null) return false;
      const label = fieldLabel(get().batch.fields, field);
      // Said out loud because a fixed row leaves the Errors and Issues filters at once.
      accept(summary, value === null ? `Row ${row}: ${label} reverted.` : `Row ${row}: ${label} saved.`);
      return true;
    },

    async excludeRows(rows, excluded) {
      const batch = get().batch.batch;
      if (batch === null || rows.length === 0) return;
      const summary = await serial(excluded ? 'Excluding…' : 'Including…', () => client.invoke('batch.exclude', { batch, rows, excluded }));
      if (summary === null) return;
      patch({ selection: [] });
      const n = rows.length;
      accept(summary, `${n} ${n === 1 ? 'row' : 'rows'} ${excluded ? 'excluded' : 'included again'}.`);
    },

    async excludeInvalidRows() {
      const batch = get().batch.batch;
      if (batch === null) return;
      const res = await serial('Excluding rows with errors…', () => client.invoke('batch.excludeInvalid', { batch }));
      if (res === null) return;
      patch({ selection: [] });
      accept(res.summary, `${res.excluded} ${res.excluded === 1 ? 'row' : 'rows'} with errors excluded; Undo brings them back.`);
    },

    async replaceInColumn(req) {
      const batch = get().batch.batch;
      if (batch === null) return false;
      const res = await serial('Replacing…', () => client.invoke('batch.replace', { batch, ...req }));
      if (res === null) return false;
      const label = fieldLabel(get().batch.fields, req.field);
      accept(res.summary, res.changed === 0 ? `No ${label} cell matched “${req.find}”.` : `Replaced in ${res.changed} ${label} ${res.changed === 1 ? 'cell' : 'cells'}.`);
      return true;
    },

    async undoBatch() {
      const batch = get().batch.batch;
      if (batch === null || get().batch.summary?.canUndo !== true) return;
      const summary = await serial('Undoing…', () => client.invoke('batch.undo', { batch }));
      if (summary !== null) accept(summary, 'Undone.');
    },

    async redoBatch() {
      const batch = get().batch.batch;
      if (batch === null || get().batch.summary?.canRedo !== true) return;
      const summary = await serial('Redoing…', () => client.invoke('batch.redo', { batch }));
      if (summary !== null) accept(summary, 'Redone.');
    },

    async exportErrorReport(path) {
      const batch = get().batch.batch;
      if (batch === null) return false;
      const res = await serial('Exporting…', () => client.invoke('batch.exportErrors', { batch, path }));
      if (res === null) return false;
      patch({ notice: `Error report saved: ${res.rows} ${res.rows === 1 ? 'row' : 'rows'} to ${res.path}` });
      return true;
    },

    async pickSavePath(title, extension) {
      try {
        return (await client.invoke('dialog.openFile', { title, extensions: [extension], save: true })).path;
      } catch (err) {
        patch({ actionError: uiError(err) });
        return null;
      }
    },

    async saveBatchTemplate(name) {
      const batch = get().batch.batch;
      if (batch === null) return false;
      const res = await serial('Saving template…', () => client.invoke('template.save', { batch, name }));
      if (res === null) return false;
      patch({ notice: `Template “${res.name}” saved. Files with the same headers will be mapped with it.` });
      void get().refreshTemplates();
      return true;
    },

    async applyTemplateToBatch(name) {
      const batch = get().batch.batch;
      if (batch === null) return;
      const summary = await serial('Applying template…', () => client.invoke('template.apply', { batch, name, jobId: newJobId() }));
      if (summary !== null) accept(summary, `Template “${name}” applied.`);
    },

    dismissBatchMessage() {
      patch({ notice: null, actionError: null });
    },

    async revalidateBatch() {
      const batch = get().batch.batch;
      if (batch === null) return;
      const summary = await serial('Validating…', async () => {
        validateJob = newJobId();
        try {
          return await client.invoke('batch.validate', { batch, jobId: validateJob });
        } finally {
          validateJob = null;
        }
      });
      if (summary !== null) accept(summary, 'Every row validated again.');
    },

    cancelRevalidate() {
      if (validateJob !== null) client.invoke('job.cancel', { jobId: validateJob }).catch(() => undefined);
    },

    async refreshBatchSummary() {
      const { batch, status } = get().batch;
      if (batch === null || status !== 'ready') return;
      try {
        const summary = await client.invoke('batch.summary', { batch });
        if (get().batch.batch === batch) patch({ summary });
      } catch {
        // The summary on screen stays; the next change brings a fresh one.
      }
    },

    onBatchProgress(progress) {
      // Edits, replaces and undos carry no job id; while one runs, its validation is the one.
      if (get().batch.busy !== null && progress.kind === 'batch.validate') {
        patch({ progress });
      }
    },

    resetBatch() {
      ticket++;
      set({ batch: EMPTY_VIEW, batches: [] });
    },
  };
};

function withEdit(rows: BatchPages, row: number, field: string, value: string): BatchPages {
  const pages: Record<number, BatchRow[]> = {};
  for (const [k, list] of Object.entries(rows.pages)) {
    pages[Number(k)] = list.map((r) =>
      r.row === row ? { ...r, values: { ...r.values, [field]: value }, edited: r.edited.includes(field) ? r.edited : [...r.edited, field] } : r,
    );
  }
  return { ...rows, pages };
}

function findRow(rows: BatchPages, row: number): BatchRow | null {
  for (const page of Object.values(rows.pages)) {
    const hit = page.find((r) => r.row === row);
    if (hit !== undefined) return hit;
  }
  return null;
}

/** A field's label for messages (its API name when unknown). */
export function fieldLabel(fields: readonly FieldMeta[], apiName: string): string {
  return fields.find((f) => f.apiName === apiName)?.label ?? apiName;
}
