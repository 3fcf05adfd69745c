/**
 * Saved mapping templates: the list, and the Templates dialog's export, import and delete.
 */
import { uiError } from './errors';
import { baseName } from './file-kind';
import type { SliceCreator, TemplateInfo, UiError } from './types';

/** The Templates dialog's state. */
export interface TemplatesState {
  open: boolean;
  items: TemplateInfo[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: UiError | null;
  /** The last action's outcome, in words. */
  notice: string | null;
  /** The last action the core refused. */
  actionError: UiError | null;
  busy: boolean;
}

/** State and actions of templates. */
export interface TemplateSlice {
  templates: TemplatesState;
  openTemplates(): void;
  closeTemplates(): void;
  refreshTemplates(): Promise<void>;
  exportTemplate(name: string, path: string): Promise<boolean>;
  /** Browser: uploads a template JSON file and imports it. */
  importTemplateFile(file: File): Promise<void>;
  /** Electron: native dialog, then import by path. */
  pickAndImportTemplate(): Promise<void>;
  deleteTemplate(name: string): Promise<void>;
}

const CLOSED: TemplatesState = { open: false, items: [], status: 'idle', error: null, notice: null, actionError: null, busy: false };

/** Creates the template slice. */
export const createTemplateSlice: SliceCreator<TemplateSlice> = (client) => (set, get) => {
  const patch = (p: Partial<TemplatesState>): void => set((s) => ({ templates: { ...s.templates, ...p } }));

  async function action<T>(run: () => Promise<T>, notice: (value: T) => string): Promise<T | null> {
    patch({ busy: true, notice: null, actionError: null });
    try {
      const value = await run();
      patch({ busy: false, notice: notice(value) });
      return value;
    } catch (err) {
      patch({ busy: false, actionError: uiError(err) });
      return null;
    }
  }

  return {
    templates: CLOSED,

    openTemplates() {
      patch({ open: true, notice: null, actionError: null });
      void get().refreshTemplates();
    },

    closeTemplates() {
      if (!get().templates.busy) patch({ open: false });
    },

    async refreshTemplates() {
      if (get().templates.status !== 'ready') patch({ status: 'loading' });
      try {
        const res = await client.invoke('template.list', {});
        patch({ items: res.templates, status: 'ready', error: null });
      } catch (err) {
        patch({ status: 'error', error: uiError(err) });
      }
    },

    async exportTemplate(name, path) {
      const res = await action(
        () => client.invoke('template.export', { name, path }),
        (r) => `Template “${name}” exported to ${r.path}`,
      );
      return res !== null;
    },

    async importTemplateFile(file) {
      const res = await action(
        async () => client.invoke('template.import', { source: { kind: 'upload', uploadId: await client.upload(file) } }),
        (r) => `Template “${r.name}” imported for ${r.module}.`,
      );
      if (res !== null) void get().refreshTemplates();
    },

    async pickAndImportTemplate() {
      let path: string | null;
      try {
        path = (await client.invoke('dialog.openFile', { title: 'Import a mapping template', extensions: ['json'], save: false })).path;
      } catch (err) {
        patch({ actionError: uiError(err) });
        return;
      }
      if (path === null) return;
      const picked = path;
      const res = await action(
        () => client.invoke('template.import', { source: { kind: 'path', path: picked } }),
        (r) => `Template “${r.name}” imported for ${r.module} from ${baseName(picked)}.`,
      );
      if (res !== null) void get().refreshTemplates();
    },

    async deleteTemplate(name) {
      const res = await action(
        () => client.invoke('template.delete', { name }),
        (r) => (r.deleted ? `Template “${name}” deleted.` : `There was no template “${name}”.`),
      );
      if (res !== null) void get().refreshTemplates();
    },
  };
};
