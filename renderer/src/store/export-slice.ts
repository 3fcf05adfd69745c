/**
 * The export screen: which batches, the options, the dry run, the written folder with progress
 * and cancel, the history, and the results loaded back (with the retry batch).
 */
import type { Req, Res } from '../../../shared/ipc/contract';
import { newJobId } from '../api/ids';
import { uiError } from './errors';
import type { JobProgress, SliceCreator, UiError } from './types';

/** The dry-run (and written) plan of an export. */
export type ExportPlan = Res<'export.preview'>;
/** One export of the history. */
export type ExportHistoryItem = Res<'export.history'>['exports'][number];
/** What loading a result file said. */
export type ResultsLoad = Res<'results.load'>;

type Options = Omit<Req<'export.preview'>, 'batches' | 'jobId'>;

/** The export screen's state. */
export interface ExportScreen {
  batches: number[];
  options: Options;
  folder: string;
  phase: 'setup' | 'checking' | 'checked' | 'writing' | 'written';
  plan: ExportPlan | null;
  written: Res<'export.run'> | null;
  jobId: string | null;
  progress: JobProgress | null;
  error: UiError | null;
  history: ExportHistoryItem[];
  /** What the last result load or retry did, in words, and for which export. */
  resultNotice: { export: number; text: string } | null;
  lastResult: ResultsLoad | null;
  resultBusy: number | null;
  copied: boolean;
  /** `id` and the unique fields of the chosen batches' modules, for find_by. */
  findByChoices: string[];
}

/** State and actions of the export screen. */
export interface ExportSlice {
  exportScreen: ExportScreen;
  /** Shows the export screen, with `batch` added when given. */
  openExport(batch?: number): Promise<void>;
  setExportBatches(batches: number[]): void;
  setExportOptions(patch: Partial<Options>): void;
  setExportFolder(folder: string): void;
  previewExport(): Promise<void>;
  runExport(): Promise<void>;
  cancelExport(): Promise<void>;
  refreshExportHistory(): Promise<void>;
  /** Loads a result file for an export: a File in the browser, or a picked path in Electron. */
  loadResultFile(exportId: number, file: File | null): Promise<void>;
  buildRetryBatch(exportId: number): Promise<void>;
  openExportFolder(folder: string): Promise<boolean>;
  markFolderCopied(): void;
  onExportProgress(p: JobProgress): void;
}

const DEFAULT_OPTIONS: Options = { operation: 'insert', findBy: null, apiVersion: 'v2', callbackUrl: null, ignoreEmpty: null };

const EMPTY: ExportScreen = {
  batches: [],
  options: DEFAULT_OPTIONS,
  folder: '',
  phase: 'setup',
  plan: null,
  written: null,
  jobId: null,
  progress: null,
  error: null,
  history: [],
  resultNotice: null,
  lastResult: null,
  resultBusy: null,
  copied: false,
  findByChoices: ['id'],
};

function resultText(r: ResultsLoad): string {
  const counts = `${r.added} added, ${r.updated} updated, ${r.skipped} skipped${r.unprocessed ? `, ${r.unprocessed} unprocessed` : ''}`;
  if (r.alreadyLoaded) return `Job ${r.job} (${r.module}): this result was loaded before — nothing changed (${counts}).`;
  return `Job ${r.job} (${r.module}): ${counts}; ${r.replicaWritten} record id(s) written into the replica.`;
}

/** Creates the export slice. */
export const createExportSlice: SliceCreator<ExportSlice> = (client) => (set, get) => {
  const patch = (p: Partial<ExportScreen>): void => set((s) => ({ exportScreen: { ...s.exportScreen, ...p } }));
  // A changed choice makes an earlier dry run stale.
  const stale = (): Partial<ExportScreen> => ({ phase: 'setup', plan: null, written: null, error: null });

  async function loadChoices(batches: number[]): Promise<void> {
    const modules = [...new Set(batches.map((id) => get().batches.find((b) => b.batch === id)?.module).filter((m): m is string => m !== undefined))];
    try {
      const lists = await Promise.all(modules.map((module) => client.invoke('metadata.fields', { module })));
      const unique = lists.flatMap((l) => l.fields.filter((f) => f.unique !== null && !f.readOnly).map((f) => f.apiName));
      patch({ findByChoices: ['id', ...new Set(unique)] });
    } catch {
      patch({ findByChoices: ['id'] });
    }
  }

  async function suggestFolder(batches: number[]): Promise<void> {
    void loadChoices(batches);
    if (batches.length === 0) return;
    try {
      const { folder } = await client.invoke('export.suggestFolder', { batches });
      patch({ folder });
    } catch (err) {
      patch({ error: uiError(err) });
    }
  }

  return {
    exportScreen: EMPTY,

    async openExport(batch) {
      const s = get().exportScreen;
      const batches = batch === undefined || s.batches.includes(batch) ? s.batches : [...s.batches, batch];
      set({ view: { kind: 'export' } });
      patch({ batches, ...(batches !== s.batches ? stale() : {}), copied: false });
      await Promise.all([get().refreshExportHistory(), batches !== s.batches || s.folder === '' ? suggestFolder(batches) : Promise.resolve()]);
    },

    setExportBatches(batches) {
      patch({ batches, ...stale() });
      void suggestFolder(batches);
    },

    setExportOptions(p) {
      patch({ options: { ...get().exportScreen.options, ...p }, ...stale() });
    },

    setExportFolder(folder) {
      patch({ folder, copied: false, ...(get().exportScreen.phase === 'written' ? { phase: 'checked', written: null } : {}) });
    },

    async previewExport() {
      const s = get().exportScreen;
      const jobId = newJobId();
      patch({ phase: 'checking', jobId, progress: null, error: null, plan: null, written: null });
      try {
        const plan = await client.invoke('export.preview', { batches: s.batches, ...s.options, jobId });
        patch({ phase: 'checked', plan, jobId: null, progress: null });
      } catch (err) {
        patch({ phase: 'setup', error: uiError(err), jobId: null, progress: null });
      }
    },

    async runExport() {
      const s = get().exportScreen;
      const jobId = newJobId();
      patch({ phase: 'writing', jobId, progress: null, error: null, copied: false });
      try {
        const written = await client.invoke('export.run', { batches: s.batches, ...s.options, folder: s.folder, jobId });
        patch({ phase: 'written', written, plan: written.plan, jobId: null, progress: null });
        void get().refreshExportHistory();
        void client.invoke('export.openFolder', { folder: written.folder }).catch(() => undefined);
      } catch (err) {
        patch({ phase: 'checked', error: uiError(err), jobId: null, progress: null });
      }
    },

    async cancelExport() {
      const jobId = get().exportScreen.jobId;
      if (jobId !== null) await client.invoke('job.cancel', { jobId }).catch(() => undefined);
    },

    async refreshExportHistory() {
      try {
        const { exports } = await client.invoke('export.history', {});
        patch({ history: exports });
      } catch (err) {
        patch({ error: uiError(err) });
      }
    },

    async loadResultFile(exportId, file) {
      patch({ resultBusy: exportId, resultNotice: null, error: null });
      try {
        let source: Req<'results.load'>['source'];
        if (file === null) {
          const { path } = await client.invoke('dialog.openFile', { title: 'Load a Bulk Write result', extensions: ['zip', 'csv'], save: false });
          if (path === null) return;
          source = { kind: 'path', path };
        } else {
          source = { kind: 'upload', uploadId: await client.upload(file) };
        }
        const r = await client.invoke('results.load', { source, batch: null, export: exportId, jobId: newJobId() });
        patch({ lastResult: r, resultNotice: { export: exportId, text: resultText(r) } });
        await get().refreshExportHistory();
      } catch (err) {
        patch({ error: uiError(err), resultNotice: null });
      } finally {
        patch({ resultBusy: null });
      }
    },

    async buildRetryBatch(exportId) {
      patch({ resultBusy: exportId, resultNotice: null, error: null });
      try {
        const r = await client.invoke('results.retry', { export: exportId, batch: null, jobId: newJobId() });
        const text = r.batches.map((b) => `Retry batch #${b.batch}: ${b.rows} row(s) of batch #${b.from}.`).join(' ');
        patch({ resultNotice: { export: exportId, text: `${text} Open it from the Batches list to fix and export it again.` } });
        await get().refreshBatches();
      } catch (err) {
        patch({ error: uiError(err) });
      } finally {
        patch({ resultBusy: null });
      }
    },

    async openExportFolder(folder) {
      try {
        return (await client.invoke('export.openFolder', { folder })).opened;
      } catch {
        return false;
      }
    },

    markFolderCopied() {
      patch({ copied: true });
    },

    onExportProgress(p) {
      if (p.jobId === get().exportScreen.jobId) patch({ progress: p });
    },
  };
};
