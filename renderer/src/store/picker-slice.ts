/**
 * Record pickers: a searchable, paged list of one module's replica records, for choosing a
 * lead, a merge target, a quote or a deal. Each picker on screen has its own id.
 */
import { nameKeyGroups } from '../../../shared/domain/record-name';
import { uiError } from './errors';
import type { SliceCreator, UiError } from './types';

/** One record as a picker lists it. */
export interface PickerRow {
  id: string;
  title: string;
  subtitle: string;
}

/** A picker's state. */
export interface PickerState {
  module: string;
  search: string;
  offset: number;
  total: number;
  rows: PickerRow[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: UiError | null;
}

/** State and actions of the pickers. */
export interface PickerSlice {
  pickers: Record<string, PickerState>;
  /** Loads a page of `module` matching `search` into picker `id`. */
  searchPicker(id: string, module: string, search: string, offset?: number): Promise<void>;
}

export const PICKER_PAGE = 50;

/** Keys shown under a record's name, per module. */
const SUBTITLE_KEYS: Record<string, string[]> = {
  Leads: ['Company', 'Email', 'Phone'],
  Contacts: ['Account_Name', 'Email', 'Phone'],
  Accounts: ['Billing_City', 'Phone', 'Website'],
  Quotes: ['Quote_Number', 'Account_Name', 'Quote_Stage'],
  Sales_Orders: ['SO_Number', 'Account_Name', 'Status'],
  Invoices: ['Invoice_Number', 'Account_Name', 'Status'],
  Deals: ['Stage', 'Account_Name', 'Amount'],
  Users: ['email', 'status', 'role'],
};

function titleOf(module: string, cells: Record<string, string>, id: string): string {
  for (const group of nameKeyGroups(module)) {
    const name = group.map((k) => (cells[k] ?? '').trim()).filter((v) => v !== '').join(' ');
    if (name !== '') return name;
  }
  return id;
}

/** Creates the picker slice. */
export const createPickerSlice: SliceCreator<PickerSlice> = (client) => (set, get) => {
  const seq: Record<string, number> = {};
  return {
    pickers: {},

    async searchPicker(id, module, search, offset = 0) {
      const ticket = (seq[id] = (seq[id] ?? 0) + 1);
      const prev = get().pickers[id];
      const base: PickerState = prev && prev.module === module ? prev : { module, search, offset: 0, total: 0, rows: [], status: 'idle', error: null };
      set((s) => ({ pickers: { ...s.pickers, [id]: { ...base, module, search, offset, status: 'loading', error: null } } }));
      try {
        const page = await client.invoke('replica.page', { module, offset, limit: PICKER_PAGE, sort: null, search });
        if (seq[id] !== ticket) return;
        const rows = page.rows.map((r) => ({
          id: r.id,
          title: titleOf(module, r.cells, r.id),
          subtitle: (SUBTITLE_KEYS[module] ?? []).map((k) => r.cells[k] ?? '').filter((v) => v !== '').join(' · '),
        }));
        set((s) => ({ pickers: { ...s.pickers, [id]: { module, search, offset, total: page.total, rows, status: 'ready', error: null } } }));
      } catch (err) {
        if (seq[id] !== ticket) return;
        set((s) => ({ pickers: { ...s.pickers, [id]: { ...base, module, search, offset, status: 'error', error: uiError(err) } } }));
      }
    },
  };
};
