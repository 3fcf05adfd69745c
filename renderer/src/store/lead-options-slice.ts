/**
 * Zoho's conversion options for the lead whose plan is open: what the Lead Conversion Options
 * API would answer, worked out by the core against the replica, and which of Contacts and
 * Accounts the org has (Organize Modules; the replica cannot tell, so the user says).
 */
import type { Req, Res } from '../../../shared/ipc/contract';
import { uiError } from './errors';
import type { SliceCreator, UiError } from './types';

export type LeadOptionsResult = Res<'convert.options'>;
export type LeadRef = Req<'convert.options'>['lead'];
export type OrgModules = NonNullable<Req<'convert.options'>['modules']>;

/** The options of one lead. */
export interface LeadOptionsState {
  /** Which lead (its plan key) the state is about. */
  key: string | null;
  ref: LeadRef | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  result: LeadOptionsResult | null;
  error: UiError | null;
  modules: OrgModules;
}

/** State and actions of the conversion options. */
export interface LeadOptionsSlice {
  leadOptions: LeadOptionsState;
  /** Asks the core for a lead's options (again, after the replica or the plan changed). */
  loadLeadOptions(key: string, ref: LeadRef): Promise<void>;
  /** Says which modules the org has, and asks again. */
  setOrgModules(p: Partial<OrgModules>): Promise<void>;
}

/** Creates the conversion options slice. */
export const createLeadOptionsSlice: SliceCreator<LeadOptionsSlice> = (client) => (set, get) => {
  let seq = 0;
  const patch = (p: Partial<LeadOptionsState>): void => set((s) => ({ leadOptions: { ...s.leadOptions, ...p } }));
  return {
    leadOptions: { key: null, ref: null, status: 'idle', result: null, error: null, modules: { Contacts: true, Accounts: true } },

    async loadLeadOptions(key, ref) {
      const mine = (seq += 1);
      const same = get().leadOptions.key === key;
      patch({ key, ref, status: 'loading', error: null, ...(same ? {} : { result: null }) });
      try {
        const result = await client.invoke('convert.options', { lead: ref, modules: get().leadOptions.modules });
        // A slower answer for a lead the user has left must not replace the current one.
        if (mine === seq) patch({ result, status: 'ready' });
      } catch (err) {
        if (mine === seq) patch({ status: 'error', error: uiError(err) });
      }
    },

    async setOrgModules(p) {
      const o = get().leadOptions;
      patch({ modules: { ...o.modules, ...p } });
      if (o.key !== null && o.ref !== null) await get().loadLeadOptions(o.key, o.ref);
    },
  };
};
