/**
 * The Convert area: which leads, the conversion options, the plans (paged from the core), the
 * fixes, simulations and their undo, request folders; and one inventory conversion at a time.
 */
import type { DealInput, LeadConvertSettings } from '../../../shared/domain/convert';
import { newJobId } from '../api/ids';
import { uiError } from './errors';
import type { Req, Res } from '../../../shared/ipc/contract';
import type { JobProgress, SliceCreator, UiError } from './types';

export type RunSummary = NonNullable<Res<'convert.run'>['run']>;
export type PlanItem = Res<'convert.plans'>['items'][number];
export type PlanDetail = Res<'convert.planDetail'>;
export type SimulationInfo = Res<'convert.simulations'>['items'][number];
export type InventoryPlan = Res<'convert.inventoryPlan'>['plan'];
export type PlanFilter = Req<'convert.plans'>['filter'];
export type Written = Res<'convert.writeRequests'>;

/** Where the leads come from. */
export interface LeadPick {
  source: 'replica' | 'batch';
  /** Replica leads ticked (when not `all`). */
  ids: string[];
  /** Names of the ticked leads, to show the selection. */
  names: Record<string, string>;
  all: boolean;
  batch: number | null;
}

/** The inventory side. */
export interface InventoryState {
  module: 'Quotes' | 'Sales_Orders';
  id: string | null;
  target: string;
  plan: InventoryPlan | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
}

/** The whole Convert area. */
export interface ConvertState {
  tab: 'leads' | 'inventory';
  pick: LeadPick;
  settings: LeadConvertSettings;
  dealOn: boolean;
  deal: DealInput;
  run: RunSummary | null;
  filter: PlanFilter;
  plans: { total: number; offset: number; items: PlanItem[]; status: 'idle' | 'loading' | 'ready' | 'error' };
  active: PlanDetail | null;
  simulations: SimulationInfo[];
  inventory: InventoryState;
  busy: string | null;
  jobId: string | null;
  progress: JobProgress | null;
  error: UiError | null;
  notice: string | null;
  written: Written | null;
  /** The Deals picklists the deal form offers. */
  dealChoices: { stages: string[]; pipelines: string[] };
}

/** State and actions of the Convert area. */
export interface ConvertSlice {
  convert: ConvertState;
  openConvert(): void;
  setConvertTab(tab: ConvertState['tab']): void;
  setLeadPick(p: Partial<LeadPick>): void;
  toggleLead(id: string, name: string, on: boolean): void;
  updateConvertSettings(p: Partial<LeadConvertSettings>): void;
  setDealOn(on: boolean): void;
  updateDeal(p: Partial<DealInput>): void;
  planConversions(): Promise<void>;
  setPlanFilter(filter: PlanFilter): void;
  loadPlans(offset: number): Promise<void>;
  openPlan(key: string): Promise<void>;
  closePlan(): void;
  /** `via`: how a changed target was chosen (picked from a list, or one of Zoho's conversion options). */
  chooseTargets(key: string, contactId: string | null, accountId: string | null, deal?: DealInput | null, via?: 'picked' | 'zoho-match'): Promise<void>;
  simulateConversions(keys: string[] | null): Promise<void>;
  undoSimulation(id: number): Promise<void>;
  refreshSimulations(): Promise<void>;
  writeConvertRequests(req: { version: 'v2' | 'v8'; mode: 'single' | 'mass'; path: string }): Promise<boolean>;
  setInventory(p: Partial<Pick<InventoryState, 'module' | 'id' | 'target'>>): Promise<void>;
  simulateInventory(): Promise<void>;
  writeInventoryRequests(req: { version: 'v2' | 'v8'; path: string }): Promise<boolean>;
  cancelConvertJob(): Promise<void>;
  dismissConvertMessage(): void;
  onConvertProgress(p: JobProgress): void;
  resetConvert(): void;
}

export const PLAN_PAGE = 100;

/** A deal with nothing filled in yet. */
function emptyDeal(): DealInput {
  return { Deal_Name: '', Closing_Date: '', Stage: '', Pipeline: '', Amount: '', Contact_Role: '' };
}

const INITIAL: ConvertState = {
  tab: 'leads',
  pick: { source: 'replica', ids: [], names: {}, all: false, batch: null },
  settings: {
    overwrite: false,
    notifyLeadOwner: false,
    notifyNewEntityOwner: false,
    assignTo: null,
    moveAttachmentsTo: 'Contacts',
    // Zoho's own defaults: tags stay on the lead unless asked for.
    carryOverTags: { Contacts: false, Accounts: false, Deals: false },
    deal: null,
  },
  dealOn: false,
  deal: emptyDeal(),
  run: null,
  filter: 'all',
  plans: { total: 0, offset: 0, items: [], status: 'idle' },
  active: null,
  simulations: [],
  inventory: { module: 'Quotes', id: null, target: 'Sales_Orders', plan: null, status: 'idle' },
  busy: null,
  jobId: null,
  progress: null,
  error: null,
  notice: null,
  written: null,
  dealChoices: { stages: [], pipelines: [] },
};

/** Creates the convert slice. */
export const createConvertSlice: SliceCreator<ConvertSlice> = (client) => (set, get) => {
  const patch = (p: Partial<ConvertState>): void => set((s) => ({ convert: { ...s.convert, ...p } }));
  const c = (): ConvertState => get().convert;

  async function work<T>(label: string, run: (jobId: string) => Promise<T>): Promise<T | null> {
    const jobId = newJobId();
    patch({ busy: label, jobId, progress: null, error: null, notice: null });
    try {
      return await run(jobId);
    } catch (err) {
      patch({ error: uiError(err) });
      return null;
    } finally {
      patch({ busy: null, jobId: null, progress: null });
    }
  }

  async function replan(): Promise<void> {
    const inv = c().inventory;
    if (inv.id === null) return;
    patch({ inventory: { ...inv, status: 'loading' } });
    try {
      const { plan } = await client.invoke('convert.inventoryPlan', { module: inv.module, id: inv.id, targets: [inv.target] });
      patch({ inventory: { ...c().inventory, plan, status: 'ready' } });
    } catch (err) {
      patch({ inventory: { ...c().inventory, plan: null, status: 'error' }, error: uiError(err) });
    }
  }

  return {
    convert: INITIAL,

    openConvert() {
      set({ view: { kind: 'convert' } });
      void get().refreshSimulations();
      void client.invoke('metadata.fields', { module: 'Deals' }).then(
        (r) => {
          const list = (api: string): string[] => r.fields.find((f) => f.apiName === api)?.picklist ?? [];
          patch({ dealChoices: { stages: list('Stage'), pipelines: list('Pipeline') } });
        },
        () => undefined,
      );
      if (c().run === null) {
        void client.invoke('convert.run', { run: null }).then(
          (r) => {
            if (r.run && c().run === null) {
              patch({ run: r.run });
              void get().loadPlans(0);
            }
          },
          () => undefined,
        );
      }
    },

    setConvertTab(tab) {
      patch({ tab });
    },

    setLeadPick(p) {
      patch({ pick: { ...c().pick, ...p } });
    },

    toggleLead(id, name, on) {
      const pick = c().pick;
      const ids = on ? [...new Set([...pick.ids, id])] : pick.ids.filter((x) => x !== id);
      patch({ pick: { ...pick, ids, names: { ...pick.names, [id]: name }, all: false } });
    },

    updateConvertSettings(p) {
      patch({ settings: { ...c().settings, ...p } });
    },

    setDealOn(on) {
      patch({ dealOn: on });
    },

    updateDeal(p) {
      patch({ deal: { ...c().deal, ...p } });
    },

    async planConversions() {
      const { pick, settings, dealOn, deal } = c();
      const source: Req<'convert.plan'>['source'] =
        pick.source === 'batch' ? { kind: 'batch', batch: pick.batch ?? 0, rows: null } : { kind: 'replica', ids: pick.all ? null : pick.ids };
      const run = await work('Planning conversions…', (jobId) => client.invoke('convert.plan', { source, settings: { ...settings, deal: dealOn ? deal : null }, jobId }));
      if (run === null) return;
      const n = (x: number): string => x.toLocaleString();
      patch({ run, filter: 'all', active: null, written: null, notice: `Planned ${n(run.leads)} conversion${run.leads === 1 ? '' : 's'}: ${n(run.ready)} ready, ${n(run.refused)} refused.` });
      await get().loadPlans(0);
    },

    setPlanFilter(filter) {
      patch({ filter });
      void get().loadPlans(0);
    },

    async loadPlans(offset) {
      const run = c().run;
      if (run === null) return;
      patch({ plans: { ...c().plans, status: 'loading' } });
      try {
        const page = await client.invoke('convert.plans', { run: run.run, filter: c().filter, offset, limit: PLAN_PAGE });
        patch({ plans: { total: page.total, offset: page.offset, items: page.items, status: 'ready' } });
      } catch (err) {
        patch({ plans: { ...c().plans, status: 'error' }, error: uiError(err) });
      }
    },

    async openPlan(key) {
      const run = c().run;
      if (run === null) return;
      try {
        patch({ active: await client.invoke('convert.planDetail', { run: run.run, key }) });
      } catch (err) {
        patch({ error: uiError(err) });
      }
    },

    closePlan() {
      patch({ active: null });
    },

    async chooseTargets(key, contactId, accountId, deal, via) {
      const run = c().run;
      if (run === null) return;
      const r = await work('Planning again…', () => client.invoke('convert.choose', { run: run.run, key, contactId, accountId, ...(deal !== undefined ? { deal } : {}), ...(via !== undefined ? { via } : {}) }));
      if (r === null) return;
      patch({ run: r.run, active: { plan: r.plan, simulation: null }, notice: r.plan.status === 'ready' ? `${r.plan.lead.name} is ready to convert.` : `${r.plan.lead.name}: Zoho would still refuse this.` });
      await get().loadPlans(c().plans.offset);
    },

    async simulateConversions(keys) {
      const run = c().run;
      if (run === null) return;
      const r = await work('Simulating in the replica…', (jobId) => client.invoke('convert.simulate', { run: run.run, keys, jobId }));
      if (r === null) return;
      patch({
        run: r.run,
        notice: `Simulated ${r.applied} conversion${r.applied === 1 ? '' : 's'} in the replica (simulation #${r.simulation.id}, ${r.created} provisional records)${r.refusedNow > 0 ? `; ${r.refusedNow} refused on a second check` : ''}. Undo it below.`,
      });
      if (c().active) await get().openPlan(c().active?.plan.lead.key ?? '');
      await Promise.all([get().loadPlans(c().plans.offset), get().refreshSimulations()]);
    },

    async undoSimulation(id) {
      const r = await work('Undoing…', (jobId) => client.invoke('convert.undo', { simulation: id, jobId }));
      if (r === null) return;
      patch({ notice: `Undid simulation #${id}: ${r.removed} provisional records removed, ${r.restored} records restored${r.keptChanged > 0 ? ` (${r.keptChanged} values changed since were kept)` : ''}.` });
      const run = c().run;
      if (run !== null) {
        const fresh = await client.invoke('convert.run', { run: run.run }).catch(() => null);
        if (fresh?.run) patch({ run: fresh.run });
        await get().loadPlans(c().plans.offset);
      }
      if (c().active) await get().openPlan(c().active?.plan.lead.key ?? '');
      await replan();
      await get().refreshSimulations();
    },

    async refreshSimulations() {
      try {
        patch({ simulations: (await client.invoke('convert.simulations', {})).items });
      } catch (err) {
        patch({ error: uiError(err) });
      }
    },

    async writeConvertRequests(req) {
      const run = c().run;
      if (run === null) return false;
      const w = await work('Writing requests…', () => client.invoke('convert.writeRequests', { run: run.run, keys: null, ...req }));
      if (w === null) return false;
      patch({ written: w, notice: `Wrote ${w.requests} request${w.requests === 1 ? '' : 's'} for ${w.records} conversion${w.records === 1 ? '' : 's'} to ${w.folder}${w.skipped.length > 0 ? `; ${w.skipped.length} left out` : ''}.` });
      return true;
    },

    async setInventory(p) {
      const inv = { ...c().inventory, ...p };
      if (p.module !== undefined && p.module !== c().inventory.module) {
        inv.id = p.id ?? null;
        inv.target = p.module === 'Sales_Orders' ? 'Invoices' : 'Sales_Orders';
      }
      patch({ inventory: { ...inv, plan: null, status: inv.id === null ? 'idle' : 'loading' }, notice: null, error: null });
      await replan();
    },

    async simulateInventory() {
      const inv = c().inventory;
      if (inv.id === null) return;
      const id = inv.id;
      const r = await work('Simulating in the replica…', async () => client.invoke('convert.inventorySimulate', { module: inv.module, id, target: inv.target }));
      if (r === null) return;
      patch({ notice: `Simulated: ${r.plan.source.name} became ${r.plan.record?.name ?? 'a record'} in ${inv.target.replace(/_/g, ' ')} (provisional id ${r.child.id}, simulation #${r.simulation.id}).` });
      await Promise.all([replan(), get().refreshSimulations()]);
    },

    async writeInventoryRequests(req) {
      const inv = c().inventory;
      if (inv.id === null) return false;
      const id = inv.id;
      const w = await work('Writing requests…', () => client.invoke('convert.inventoryWrite', { module: inv.module, ids: [id], targets: [inv.target], version: req.version, mode: 'single', path: req.path }));
      if (w === null) return false;
      patch({ written: w, notice: `Wrote the request to ${w.folder}.` });
      return true;
    },

    async cancelConvertJob() {
      const jobId = c().jobId;
      if (jobId !== null) await client.invoke('job.cancel', { jobId }).catch(() => undefined);
    },

    dismissConvertMessage() {
      patch({ error: null, notice: null });
    },

    onConvertProgress(p) {
      if (p.jobId === c().jobId) patch({ progress: p });
    },

    resetConvert() {
      set({ convert: INITIAL });
    },
  };
};
