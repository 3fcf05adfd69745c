/**
 * Importing a CSV into a batch: choose a file, preview it, map its columns, start the import;
 * and the same mapping editor for an imported batch ("Edit mapping").
 *
 * The file reaches the core as an upload (browser) or a path (Electron). The core consumes an
 * upload when an import starts, so the picked File is kept here to upload again if the user
 * retries after a refused mapping or a cancel.
 */
import { suggestedLookup } from '../../../shared/domain/default-transforms';
import { sameHeader } from '../../../shared/domain/same-header';
import { USERS_MODULE } from '../../../shared/domain/user-fields';
import { newJobId } from '../api/ids';
import { RpcError } from '../api/client';
import { uiError } from './errors';
import { baseName, isCsvName } from './file-kind';
import { mappingFromPlans, plansFromMapping, plansFromSuggestions, plansFromTemplate, type ColumnPlan } from './mapping-plan';
import type {
  BatchSummary,
  DelimiterChoice,
  EncodingChoice,
  FieldMeta,
  FileSource,
  ImportPreview,
  JobProgress,
  SliceCreator,
  UiError,
} from './types';

/** Rows of a batch read to fill the mapping editor's samples. */
const SAMPLE_ROWS = 50;

/** What the editor maps: a file about to be imported, or a batch already imported. */
export type ImportTarget = { kind: 'file'; fileName: string; size: number | null } | { kind: 'batch'; batch: number; fileName: string };

/** A running import (or re-mapping): upload, then the core's job with its progress. */
export interface ImportJob {
  jobId: string;
  step: 'uploading' | 'running';
  sent: number;
  total: number;
  progress: JobProgress | null;
  cancelling: boolean;
}

/** The import screen's state. */
export interface ImportState {
  phase: 'empty' | 'uploading' | 'previewing' | 'ready' | 'error';
  target: ImportTarget | null;
  upload: { sent: number; total: number } | null;
  module: string;
  encoding: EncodingChoice;
  delimiter: DelimiterChoice;
  /** The last preview of the file (file target only). */
  preview: ImportPreview | null;
  header: string[];
  sampleRows: string[][];
  fields: FieldMeta[];
  plans: ColumnPlan[];
  ignoreEmpty: boolean;
  /** A template applied as a whole: the core maps with it, transforms and defaults included. */
  template: string | null;
  /** Templates for these headers and this module, offered to the user. */
  templates: string[];
  ambiguousDateColumns: string[];
  /** Preview or upload failure (the screen cannot show a mapping). */
  error: UiError | null;
  /** Failure of the last import.start / batch.setMapping (the mapping stays editable). */
  startError: UiError | null;
  job: ImportJob | null;
  /** A calm one-line outcome ("Import cancelled…"). */
  notice: string | null;
}

/** State and actions of the import screen. */
export interface ImportSlice {
  importState: ImportState;
  /** Shows the import screen (with whatever draft is there). */
  openImport(): void;
  /** Uploads a picked or dropped CSV and previews it. */
  importFile(file: File): Promise<void>;
  /** A file dropped outside the replica: imported if it is a CSV, else refused with a reason. */
  dropToImport(file: File): Promise<void>;
  /** Electron: native dialog, then preview by path. */
  pickImportFile(): Promise<void>;
  /** Drops the draft and returns to the replica. */
  closeImport(): void;
  setImportModule(module: string): Promise<void>;
  setImportEncoding(encoding: EncodingChoice): Promise<void>;
  setImportDelimiter(delimiter: DelimiterChoice): Promise<void>;
  /** Maps a column to a field (null: not imported); refused when another column has it. */
  setPlanField(index: number, field: string | null): void;
  /** Changes a column's transforms, split, join or default. */
  updatePlan(index: number, patch: Partial<ColumnPlan>): void;
  setIgnoreEmpty(ignore: boolean): void;
  /** Uses a saved template; for a batch it is applied at once. */
  applyImportTemplate(name: string): Promise<void>;
  /** Stops using the applied template and maps by hand, starting from its fields. */
  clearImportTemplate(): void;
  /** Imports the file with the mapping (or applies the mapping to the batch). */
  startImport(): Promise<void>;
  cancelImport(): void;
  /** Opens the mapping editor on an imported batch, prefilled with its mapping. */
  editBatchMapping(batch: number): Promise<void>;
  onImportProgress(progress: JobProgress): void;
  /** Forgets the draft (workspace switched). */
  resetImport(): void;
}

const EMPTY: ImportState = {
  phase: 'empty',
  target: null,
  upload: null,
  module: 'Leads',
  encoding: 'auto',
  delimiter: 'auto',
  preview: null,
  header: [],
  sampleRows: [],
  fields: [],
  plans: [],
  ignoreEmpty: false,
  template: null,
  templates: [],
  ambiguousDateColumns: [],
  error: null,
  startError: null,
  job: null,
  notice: null,
};

/** True while an import or re-mapping runs. */
export function isImportRunning(s: ImportState): boolean {
  return s.job !== null;
}

/** Creates the import slice. */
export const createImportSlice: SliceCreator<ImportSlice> = (client) => (set, get) => {
  /** The picked file (browser), kept to upload again after the core consumed an upload. */
  let file: File | null = null;
  let path: string | null = null;
  let uploadId: string | null = null;
  let uploadAbort: AbortController | null = null;
  /** Only the newest preview may fill the screen. */
  let ticket = 0;
  /** The module of the last import started in this window. */
  let lastModule: string | null = null;

  const patch = (p: Partial<ImportState>): void => set((s) => ({ importState: { ...s.importState, ...p } }));

  async function upload(onProgress: (sent: number, total: number) => void): Promise<string> {
    if (file === null) {
      throw new RpcError('UPLOAD_NOT_FOUND', 'The file is no longer available; choose it again.');
    }
    uploadAbort = new AbortController();
    try {
      uploadId = await client.upload(file, onProgress, uploadAbort.signal);
      return uploadId;
    } finally {
      uploadAbort = null;
    }
  }

  async function source(onProgress: (sent: number, total: number) => void): Promise<FileSource> {
    if (path !== null) {
      return { kind: 'path', path };
    }
    return { kind: 'upload', uploadId: uploadId ?? (await upload(onProgress)) };
  }

  async function loadFields(module: string): Promise<FieldMeta[]> {
    const res = await client.invoke('metadata.fields', { module });
    return res.fields;
  }

  /** Previews the file; `fresh` rebuilds the plans from the suggestions (else kept if headers match). */
  async function preview(fresh: boolean): Promise<void> {
    const mine = ++ticket;
    const { module, encoding, delimiter } = get().importState;
    patch({ phase: 'previewing', error: null, startError: null, notice: null });
    const attempt = async (): Promise<[ImportPreview, FieldMeta[]]> => {
      const src = await source((sent, total) => patch({ phase: 'uploading', upload: { sent, total } }));
      patch({ phase: 'previewing', upload: null });
      return Promise.all([client.invoke('import.preview', { source: src, module, encoding, delimiter }), loadFields(module)]);
    };
    let res: ImportPreview;
    let fields: FieldMeta[];
    try {
      try {
        [res, fields] = await attempt();
      } catch (err) {
        // Uploads are dropped by the core after an import and on workspace changes: send it again.
        if (uiError(err).code !== 'UPLOAD_NOT_FOUND' || file === null) throw err;
        uploadId = null;
        [res, fields] = await attempt();
      }
    } catch (err) {
      if (mine === ticket) patch({ phase: 'error', upload: null, error: uiError(err) });
      return;
    }
    if (mine !== ticket) return;
    const prev = get().importState;
    const headerKept = sameHeader(prev.header, res.header);
    const templates = res.templates.map((t) => t.name);
    const keep = !fresh && headerKept && prev.plans.length > 0;
    // Exactly one template for these headers: use it, and say so; several: let the user pick.
    const template = keep ? prev.template : templates.length === 1 ? (templates[0] ?? null) : null;
    patch({
      phase: 'ready',
      preview: res,
      header: res.header,
      sampleRows: res.rows,
      fields,
      plans: keep ? prev.plans : plansFor(res, template, fields),
      template,
      templates,
      ambiguousDateColumns: res.ambiguousDateColumns,
    });
  }

  function begin(target: ImportTarget): void {
    ticket++;
    // Recurring files go to the same module as last time, where their template lives.
    const selected = get().selectedModule === USERS_MODULE ? null : get().selectedModule;
    const module = lastModule ?? selected ?? get().importState.module;
    set({ view: { kind: 'import' }, importState: { ...EMPTY, module, target, phase: 'previewing' } });
  }

  return {
    importState: EMPTY,

    openImport() {
      set({ view: { kind: 'import' } });
    },

    async importFile(picked) {
      if (isImportRunning(get().importState)) return;
      file = picked;
      path = null;
      uploadId = null;
      begin({ kind: 'file', fileName: picked.name, size: picked.size });
      await preview(true);
    },

    async dropToImport(dropped) {
      if (isImportRunning(get().importState)) {
        set({ view: { kind: 'import' } });
        return;
      }
      if (isCsvName(dropped.name)) {
        await get().importFile(dropped);
        return;
      }
      ticket++;
      set({
        view: { kind: 'import' },
        importState: {
          ...EMPTY,
          module: get().importState.module,
          phase: 'error',
          target: { kind: 'file', fileName: dropped.name, size: dropped.size },
          error: {
            code: 'UNKNOWN_FORMAT',
            message: `${dropped.name} is not a CSV file. To load a Zoho export into the replica, open its module and drop it on the records.`,
          },
        },
      });
    },

    async pickImportFile() {
      if (isImportRunning(get().importState)) return;
      let picked: string | null;
      try {
        picked = (await client.invoke('dialog.openFile', { title: 'Import a CSV file', extensions: ['csv', 'txt', 'tsv'], save: false })).path;
      } catch (err) {
        set({ view: { kind: 'import' } });
        patch({ phase: 'error', error: uiError(err) });
        return;
      }
      if (picked === null) return;
      file = null;
      path = picked;
      uploadId = null;
      begin({ kind: 'file', fileName: baseName(picked), size: null });
      await preview(true);
    },

    closeImport() {
      if (isImportRunning(get().importState)) return;
      ticket++;
      uploadAbort?.abort();
      file = null;
      path = null;
      uploadId = null;
      const wasBatch = get().importState.target;
      set({ importState: { ...EMPTY, module: get().importState.module } });
      if (wasBatch?.kind === 'batch') {
        set({ view: { kind: 'batch', batch: wasBatch.batch } });
      } else {
        set({ view: { kind: 'replica' } });
      }
    },

    async setImportModule(module) {
      const s = get().importState;
      if (s.target?.kind !== 'file' || module === s.module) return;
      patch({ module });
      await preview(true);
    },

    async setImportEncoding(encoding) {
      patch({ encoding });
      await preview(false);
    },

    async setImportDelimiter(delimiter) {
      patch({ delimiter });
      await preview(false);
    },

    setPlanField(index, field) {
      const { plans, fields, sampleRows } = get().importState;
      const owner = field === null ? undefined : plans.find((p, i) => i !== index && (p.field === field || p.split?.first === field || p.split?.last === field));
      if (owner !== undefined) return;
      // A lookup belongs to its field: moving the column to another field redoes it (or drops it).
      const meta = fields.find((f) => f.apiName === field);
      const lookup = meta ? suggestedLookup(meta, sampleRows.map((r) => r[index] ?? '')) : null;
      const formatFor = (p: ColumnPlan): ColumnPlan['format'] => (p.format === null || p.format.kind === 'lookup' ? lookup : p.format);
      patch({
        plans: plans.map((p, i) => (i === index ? { ...p, field, split: null, format: formatFor(p), origin: { kind: 'user' } } : p)),
        startError: null,
      });
    },

    updatePlan(index, changes) {
      patch({
        plans: get().importState.plans.map((p, i) => (i === index ? { ...p, ...changes } : p)),
        startError: null,
      });
    },

    setIgnoreEmpty(ignore) {
      patch({ ignoreEmpty: ignore });
    },

    async applyImportTemplate(name) {
      const s = get().importState;
      const target = s.target;
      if (target?.kind === 'batch') {
        await runJob((jobId) => client.invoke('template.apply', { batch: target.batch, name, jobId }));
        return;
      }
      if (s.preview === null) return;
      // Only the template named here may claim the template's suggestions.
      patch({ template: name, plans: plansFor(s.preview, name, s.fields), startError: null });
    },

    clearImportTemplate() {
      const s = get().importState;
      patch({
        template: null,
        plans: s.plans.map((p) => (p.origin.kind === 'template' ? { ...p, origin: { kind: 'user' } } : p)),
      });
    },

    async startImport() {
      const s = get().importState;
      if (s.phase !== 'ready' || s.target === null || isImportRunning(s)) return;
      const mapping = mappingFromPlans(s.module, s.plans, s.ignoreEmpty);
      if (s.target.kind === 'batch') {
        const batch = s.target.batch;
        await runJob((jobId) => client.invoke('batch.setMapping', { batch, mapping, jobId }));
        return;
      }
      await runJob(async (jobId) => {
        const src = await source((sent, total) =>
          set((st) => (st.importState.job ? { importState: { ...st.importState, job: { ...st.importState.job, sent, total } } } : {})),
        );
        set((st) => (st.importState.job ? { importState: { ...st.importState, job: { ...st.importState.job, step: 'running' } } } : {}));
        try {
          return await client.invoke('import.start', {
            source: src,
            module: s.module,
            encoding: s.encoding,
            delimiter: s.delimiter,
            mapping: s.template === null ? mapping : null,
            template: s.template,
            jobId,
          });
        } finally {
          // The core deletes an upload once an import has used it, whatever the outcome.
          uploadId = null;
        }
      });
    },

    cancelImport() {
      const job = get().importState.job;
      if (job === null || job.cancelling) return;
      patch({ job: { ...job, cancelling: true } });
      if (job.step === 'uploading') {
        uploadAbort?.abort();
      } else {
        client.invoke('job.cancel', { jobId: job.jobId }).catch(() => undefined);
      }
    },

    async editBatchMapping(batch) {
      if (isImportRunning(get().importState)) {
        set({ view: { kind: 'import' } });
        return;
      }
      ticket++;
      const mine = ticket;
      file = null;
      path = null;
      uploadId = null;
      const known = get().batch.summary;
      set({
        view: { kind: 'import' },
        importState: { ...EMPTY, phase: 'previewing', target: { kind: 'batch', batch, fileName: known?.batch === batch ? known.sourceName : '' } },
      });
      try {
        const summary = known?.batch === batch ? known : await client.invoke('batch.summary', { batch });
        const [fields, page, list] = await Promise.all([
          loadFields(summary.module),
          client.invoke('batch.rows', { batch, offset: 0, limit: SAMPLE_ROWS, filter: 'all' }),
          client.invoke('template.list', {}),
        ]);
        if (mine !== ticket) return;
        patch({
          phase: 'ready',
          target: { kind: 'batch', batch, fileName: summary.sourceName },
          module: summary.module,
          encoding: summary.encoding as EncodingChoice,
          header: summary.header,
          sampleRows: page.rows.map((r) => r.source.map((v) => v ?? '')),
          fields,
          plans: plansFromMapping(summary.header, summary.mapping),
          ignoreEmpty: summary.mapping.ignoreEmpty,
          templates: list.templates.filter((t) => t.module === summary.module).map((t) => t.name),
          ambiguousDateColumns: summary.ambiguousDateColumns,
        });
      } catch (err) {
        if (mine === ticket) patch({ phase: 'error', error: uiError(err) });
      }
    },

    onImportProgress(progress) {
      const { job } = get().importState;
      if (job === null) return;
      const ours = job.jobId === progress.jobId;
      if (ours) {
        patch({ job: { ...job, step: 'running', progress } });
      }
    },

    resetImport() {
      ticket++;
      uploadAbort?.abort();
      file = null;
      path = null;
      uploadId = null;
      set({ importState: EMPTY });
    },
  };

  /** The mapping screen's rows: the chosen template's mapping, else the suggestions. */
  function plansFor(preview: ImportPreview, template: string | null, fields: readonly FieldMeta[]): ColumnPlan[] {
    const saved = preview.templates.find((t) => t.name === template);
    return saved === undefined
      ? plansFromSuggestions(preview.header, preview.suggestions, null, { fields, sampleRows: preview.rows })
      : plansFromTemplate(preview.header, saved.mapping, saved.name);
  }

  /** Runs an import-like call with a job id; on success the batch screen takes over. */
  async function runJob(call: (jobId: string) => Promise<BatchSummary>): Promise<void> {
    const jobId = newJobId();
    const uploading = get().importState.target?.kind === 'file' && path === null && uploadId === null;
    patch({
      startError: null,
      notice: null,
      job: { jobId, step: uploading ? 'uploading' : 'running', sent: 0, total: 0, progress: null, cancelling: false },
    });
    try {
      const summary = await call(jobId);
      lastModule = summary.module;
      file = null;
      path = null;
      set((s) => ({ importState: { ...EMPTY, module: s.importState.module } }));
      void get().refreshBatches();
      get().showBatchSummary(summary);
    } catch (err) {
      const e = uiError(err);
      if (e.code === 'CANCELLED') {
        const remap = get().importState.target?.kind === 'batch';
        patch({
          job: null,
          notice: remap
            ? 'Cancelled. The batch keeps its previous mapping.'
            : 'Import cancelled. Adjust the mapping and import again when ready.',
        });
        void get().refreshBatches();
      } else {
        patch({ job: null, startError: e });
      }
    }
  }
};
