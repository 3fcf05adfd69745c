/**
 * Start-up and whole-window reloads, and the wiring of core events to the other slices.
 */
import { USERS_MODULE } from '../../../shared/domain/user-fields';
import { pickModule } from './modules-slice';
import type { SliceCreator } from './types';

/** State and actions that tie the slices to the core's lifecycle. */
export interface SessionSlice {
  /** Workspace path the window's data was last loaded from. */
  loadedPath: string | null;
  /** Subscribes to core events and loads everything; returns the teardown. */
  start(): () => void;
  /**
   * Reloads every view from the core. With `path`, does nothing when that workspace is
   * already the one loaded (the open reply and the workspace.changed event both ask).
   */
  reloadAll(path?: string): Promise<void>;
}

/** Creates the session slice. */
export const createSessionSlice: SliceCreator<SessionSlice> = (client) => (set, get) => ({
  loadedPath: null,

  start() {
    const offs = [
      client.on('workspace.changed', (p) => void get().reloadAll(p.path)),
      client.on('replica.changed', (p) => moduleChanged(p.module)),
      client.on('metadata.changed', (p) => moduleChanged(p.module)),
      client.on('job.progress', (p) => {
        get().onJobProgress(p);
        get().onImportProgress(p);
        get().onBatchProgress(p);
        get().onDedupeProgress(p);
        get().onExportProgress(p);
        get().onConvertProgress(p);
        get().onInvoicesProgress(p);
      }),
    ];
    void get().reloadAll();
    return () => {
      for (const off of offs) {
        off();
      }
    };

    function moduleChanged(module: string): void {
      void get().refreshModules();
      if (get().grid.module === module) {
        get().refreshGrid();
      }
      if (get().record.target?.module === module) {
        get().reloadRecord();
      }
      if (module === USERS_MODULE) {
        // Owner notices of the open batch depend on the users loaded.
        void get().refreshBatchSummary();
      }
    }
  },

  async reloadAll(path) {
    if (path !== undefined) {
      if (path === get().loadedPath) {
        return;
      }
      // Claimed before any await so a second request for the same workspace is a no-op.
      set({ loadedPath: path });
    }
    const loaded = await get().loadAppInfo();
    if (loaded === null) {
      return;
    }
    set({ loadedPath: loaded });
    get().closeRecord();
    get().dismissLoad();
    if (path !== undefined) {
      // Batches and drafts belong to the workspace they were made in.
      get().resetImport();
      get().resetBatch();
      get().resetReview();
      get().resetConvert();
      get().resetInvoices();
      set({ view: { kind: 'replica' } });
    }
    void get().refreshBatches();
    await get().refreshModules();
    const module = pickModule(get().modules, get().selectedModule);
    set({ selectedModule: module });
    get().setGridQuery({ module, sort: null, search: '' });
  },
});
