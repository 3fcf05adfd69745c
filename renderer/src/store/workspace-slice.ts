/**
 * App identity and the workspace dialog: which workspace is open, recent ones, switching.
 */
import { uiError } from './errors';
import type { RecentWorkspace, SliceCreator, UiError, WorkspaceInfo } from './types';

/** State and actions for the open workspace and the "Workspace…" dialog. */
export interface WorkspaceSlice {
  app: {
    status: 'loading' | 'ready' | 'error';
    version: string;
    workspace: WorkspaceInfo | null;
    error: UiError | null;
  };
  workspaceDialog: {
    open: boolean;
    busy: boolean;
    error: UiError | null;
    recent: RecentWorkspace[];
    recentError: UiError | null;
  };
  /** Fetches `app.info`; returns the workspace path, or null when the core is unreachable. */
  loadAppInfo(): Promise<string | null>;
  openWorkspaceDialog(): void;
  closeWorkspaceDialog(): void;
  /** Opens or creates a workspace; resolves true on success (the dialog then closes). */
  openWorkspace(path: string, create: boolean): Promise<boolean>;
  /** Electron only: asks the native dialog for a workspace file; null when cancelled. */
  pickWorkspacePath(save: boolean): Promise<string | null>;
}

/** Creates the workspace slice. */
export const createWorkspaceSlice: SliceCreator<WorkspaceSlice> = (client) => (set, get) => ({
  app: { status: 'loading', version: '', workspace: null, error: null },
  workspaceDialog: { open: false, busy: false, error: null, recent: [], recentError: null },

  async loadAppInfo() {
    try {
      const info = await client.invoke('app.info', {});
      set({ app: { status: 'ready', version: info.version, workspace: info.workspace, error: null } });
      return info.workspace.path;
    } catch (err) {
      set((s) => ({ app: { ...s.app, status: 'error', error: uiError(err) } }));
      return null;
    }
  },

  openWorkspaceDialog() {
    set((s) => ({ workspaceDialog: { ...s.workspaceDialog, open: true, busy: false, error: null } }));
    client.invoke('workspace.recent', {}).then(
      (res) => set((s) => ({ workspaceDialog: { ...s.workspaceDialog, recent: res.items, recentError: null } })),
      (err: unknown) => set((s) => ({ workspaceDialog: { ...s.workspaceDialog, recentError: uiError(err) } })),
    );
  },

  closeWorkspaceDialog() {
    if (get().workspaceDialog.busy) {
      return;
    }
    set((s) => ({ workspaceDialog: { ...s.workspaceDialog, open: false, error: null } }));
  },

  async openWorkspace(path, create) {
    set((s) => ({ workspaceDialog: { ...s.workspaceDialog, busy: true, error: null } }));
    try {
      const info = await client.invoke('workspace.open', { path, create });
      set((s) => ({
        workspaceDialog: { ...s.workspaceDialog, open: false, busy: false },
        app: { ...s.app, status: 'ready', workspace: info, error: null },
      }));
      // The workspace.changed event normally triggers the reload; doing it here as well keeps
      // the window right if the event channel is down. reloadAll skips a path already loaded.
      await get().reloadAll(info.path);
      return true;
    } catch (err) {
      set((s) => ({ workspaceDialog: { ...s.workspaceDialog, busy: false, error: uiError(err) } }));
      return false;
    }
  },

  async pickWorkspacePath(save) {
    try {
      const res = await client.invoke('dialog.openFile', {
        title: save ? 'Create a workspace' : 'Open a workspace',
        extensions: ['db'],
        save,
      });
      return res.path;
    } catch (err) {
      set((s) => ({ workspaceDialog: { ...s.workspaceDialog, error: uiError(err) } }));
      return null;
    }
  },
});
