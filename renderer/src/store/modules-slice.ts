/**
 * The module list in the sidebar and which module is selected.
 */
import { uiError } from './errors';
import type { ModuleSummary, SliceCreator, UiError } from './types';

/** State and actions for the module list. */
export interface ModulesSlice {
  modules: ModuleSummary[];
  modulesStatus: 'loading' | 'ready' | 'error';
  modulesError: UiError | null;
  selectedModule: string | null;
  /** Re-reads `metadata.modules` (labels, counts, metadata source). */
  refreshModules(): Promise<void>;
  /** Shows a module in the main view (leaving the import or batch screen). */
  selectModule(module: string): void;
}

/** Creates the modules slice. */
export const createModulesSlice: SliceCreator<ModulesSlice> = (client) => (set, get) => ({
  modules: [],
  modulesStatus: 'loading',
  modulesError: null,
  selectedModule: null,

  async refreshModules() {
    try {
      const { modules } = await client.invoke('metadata.modules', {});
      set({ modules, modulesStatus: 'ready', modulesError: null });
    } catch (err) {
      set({ modulesStatus: 'error', modulesError: uiError(err) });
    }
  },

  selectModule(module) {
    if (get().view.kind !== 'replica') {
      set({ view: { kind: 'replica' } });
    }
    if (get().selectedModule === module) {
      return;
    }
    set({ selectedModule: module });
    get().closeRecord();
    get().dismissLoad();
    get().setGridQuery({ module, sort: null, search: '' });
  },
});

/** The module to show after a (re)load: keep the current one, else the first with records. */
export function pickModule(modules: ModuleSummary[], current: string | null): string | null {
  if (current !== null && modules.some((m) => m.module === current)) {
    return current;
  }
  return (modules.find((m) => m.records > 0) ?? modules[0])?.module ?? null;
}
