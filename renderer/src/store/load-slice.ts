/**
 * Loading files into the workspace: Zoho exports into the replica, org field metadata per module.
 *
 * A load is upload (browser only) then one call; a replica load carries a client-made jobId so
 * the progress dialog can follow `job.progress` events and cancel before the reply arrives.
 */
import type { Req } from '../../../shared/ipc/contract';
import { newJobId } from '../api/ids';
import { uiError } from './errors';
import { baseName, isFieldMetadataFile } from './file-kind';
import { USERS_MODULE } from '../../../shared/domain/user-fields';
import type { JobProgress, MetadataLoadResult, ReplicaLoadResult, SliceCreator, UiError, UsersLoadResult } from './types';

/** What is being loaded: records for the replica, the org's field metadata, or its users. */
export type LoadKind = 'export' | 'metadata' | 'users';

type FileSource = Req<'replica.load'>['source'];

interface LoadTarget {
  kind: LoadKind;
  module: string;
  fileName: string;
}

/** The state of the current (or last) load, shown by the progress dialog and result panel. */
export type LoadState =
  | { phase: 'idle' }
  | (LoadTarget & { phase: 'uploading'; sent: number; total: number; cancelling: boolean })
  | (LoadTarget & { phase: 'running'; jobId: string | null; progress: JobProgress | null; cancelling: boolean })
  | { phase: 'done'; kind: 'export'; module: string; fileName: string; result: ReplicaLoadResult }
  | { phase: 'done'; kind: 'metadata'; module: string; fileName: string; result: MetadataLoadResult }
  | { phase: 'done'; kind: 'users'; module: string; fileName: string; result: UsersLoadResult }
  | (LoadTarget & { phase: 'error'; error: UiError });

/** State and actions for loading files. */
export interface LoadSlice {
  load: LoadState;
  /** Uploads a file picked in the browser (or dropped) and loads it. */
  loadFile(kind: LoadKind, file: File): Promise<void>;
  /** Electron: asks the native dialog for a path and loads it (no upload needed). */
  pickAndLoad(kind: LoadKind): Promise<void>;
  /** A file dropped on the module view: field metadata if it looks like it, else an export. */
  dropFile(file: File): Promise<void>;
  cancelLoad(): void;
  /** Hides the result panel. */
  dismissLoad(): void;
  /** Feeds a `job.progress` event to the running load, if it is ours. */
  onJobProgress(progress: JobProgress): void;
}

/** True while a load occupies the window (upload or job running). */
export function isLoadBusy(load: LoadState): boolean {
  return load.phase === 'uploading' || load.phase === 'running';
}

/** Creates the load slice. */
export const createLoadSlice: SliceCreator<LoadSlice> = (client) => (set, get) => {
  let uploadAbort: AbortController | null = null;

  async function run(target: LoadTarget, source: FileSource): Promise<void> {
    const jobId = target.kind === 'metadata' ? null : newJobId();
    set({ load: { ...target, phase: 'running', jobId, progress: null, cancelling: false } });
    try {
      if (target.kind === 'export') {
        const result = await client.invoke('replica.load', {
          module: target.module,
          source,
          ...(jobId !== null ? { jobId } : {}),
        });
        set({ load: { phase: 'done', kind: 'export', module: target.module, fileName: target.fileName, result } });
      } else if (target.kind === 'users') {
        const result = await client.invoke('users.load', { source, ...(jobId !== null ? { jobId } : {}) });
        set({ load: { phase: 'done', kind: 'users', module: target.module, fileName: target.fileName, result } });
        void get().refreshBatchSummary();
      } else {
        const result = await client.invoke('metadata.load', { module: target.module, source });
        set({ load: { phase: 'done', kind: 'metadata', module: target.module, fileName: target.fileName, result } });
      }
      // The core also sends replica.changed / metadata.changed; refreshing here keeps the
      // window right when the event channel is down.
      void get().refreshModules();
      if (get().grid.module === target.module) {
        get().refreshGrid();
      }
    } catch (err) {
      set({ load: { ...target, phase: 'error', error: uiError(err) } });
    }
  }

  function targetFor(kind: LoadKind, fileName: string): LoadTarget | null {
    const module = get().selectedModule;
    if (module === null || isLoadBusy(get().load)) {
      return null;
    }
    return { kind, module, fileName };
  }

  return {
    load: { phase: 'idle' },

    async loadFile(kind, file) {
      const target = targetFor(kind, file.name);
      if (target === null) {
        return;
      }
      uploadAbort = new AbortController();
      set({ load: { ...target, phase: 'uploading', sent: 0, total: file.size, cancelling: false } });
      let uploadId: string;
      try {
        uploadId = await client.upload(
          file,
          (sent, total) =>
            set((s) => (s.load.phase === 'uploading' ? { load: { ...s.load, sent, total } } : {})),
          uploadAbort.signal,
        );
      } catch (err) {
        set({ load: { ...target, phase: 'error', error: uiError(err) } });
        return;
      } finally {
        uploadAbort = null;
      }
      await run(target, { kind: 'upload', uploadId });
    },

    async pickAndLoad(kind) {
      if (targetFor(kind, '') === null) {
        return;
      }
      let path: string | null;
      try {
        const res = await client.invoke('dialog.openFile', {
          title: kind === 'export' ? 'Load a Zoho export' : kind === 'users' ? 'Load users' : 'Load field metadata',
          extensions: kind === 'export' ? ['csv', 'zip', 'json'] : kind === 'users' ? ['json', 'csv'] : ['json'],
          save: false,
        });
        path = res.path;
      } catch (err) {
        const module = get().selectedModule ?? '';
        set({ load: { kind, module, fileName: '', phase: 'error', error: uiError(err) } });
        return;
      }
      const target = path === null ? null : targetFor(kind, baseName(path));
      if (path !== null && target !== null) {
        await run(target, { kind: 'path', path });
      }
    },

    async dropFile(file) {
      // Users take only users files; elsewhere a Fields API response is metadata, else records.
      const kind: LoadKind = get().selectedModule === USERS_MODULE ? 'users' : (await isFieldMetadataFile(file)) ? 'metadata' : 'export';
      await get().loadFile(kind, file);
    },

    cancelLoad() {
      const load = get().load;
      if (load.phase === 'uploading') {
        set({ load: { ...load, cancelling: true } });
        uploadAbort?.abort();
      } else if (load.phase === 'running' && load.jobId !== null && !load.cancelling) {
        set({ load: { ...load, cancelling: true } });
        // The pending replica.load then fails with CANCELLED; if the job already finished,
        // its real result arrives instead, which is the truth the user should see.
        client.invoke('job.cancel', { jobId: load.jobId }).catch(() => undefined);
      }
    },

    dismissLoad() {
      if (!isLoadBusy(get().load)) {
        set({ load: { phase: 'idle' } });
      }
    },

    onJobProgress(progress) {
      const load = get().load;
      if (load.phase === 'running' && load.jobId === progress.jobId) {
        set({ load: { ...load, progress } });
      }
    },
  };
};
