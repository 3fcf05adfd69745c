/**
 * The Invoices area: the invoice or estimate of one Quote, Sales Order, Invoice or Deal,
 * saved as PDF or HTML; and the customers preview, built in a worker and read in pages.
 */
import type { Req, Res } from '../../../shared/ipc/contract';
import { newJobId } from '../api/ids';
import { uiError } from './errors';
import type { JobProgress, SliceCreator, UiError } from './types';

export type InvoiceDocument = Res<'invoice.preview'>['document'];
export type PreviewModule = Req<'invoice.preview'>['module'];
export type CustomersPage = Res<'invoice.customers'>;

/** The Invoices area's state. */
export interface InvoicesState {
  tab: 'preview' | 'customers';
  module: PreviewModule;
  id: string | null;
  /** null: the module's usual document. */
  kind: 'invoice' | 'estimate' | null;
  workflow: 'estimate' | 'invoice';
  doc: InvoiceDocument | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  customers: CustomersPage | null;
  customersOffset: number;
  duplicatesOnly: boolean;
  search: string;
  busy: string | null;
  jobId: string | null;
  progress: JobProgress | null;
  error: UiError | null;
  notice: string | null;
}

/** State and actions of the Invoices area. */
export interface InvoiceSlice {
  invoices: InvoicesState;
  openInvoices(): void;
  setInvoicesTab(tab: InvoicesState['tab']): void;
  setPreview(p: Partial<Pick<InvoicesState, 'module' | 'id' | 'kind' | 'workflow'>>): Promise<void>;
  saveDocument(format: 'pdf' | 'html', path: string, internal: boolean): Promise<boolean>;
  buildCustomers(): Promise<void>;
  loadCustomers(offset: number): Promise<void>;
  setCustomersFilter(p: Partial<Pick<InvoicesState, 'duplicatesOnly' | 'search'>>): void;
  dismissInvoicesMessage(): void;
  onInvoicesProgress(p: JobProgress): void;
  resetInvoices(): void;
}

export const CUSTOMERS_PAGE = 50;

const INITIAL: InvoicesState = {
  tab: 'preview',
  module: 'Quotes',
  id: null,
  kind: null,
  workflow: 'estimate',
  doc: null,
  status: 'idle',
  customers: null,
  customersOffset: 0,
  duplicatesOnly: false,
  search: '',
  busy: null,
  jobId: null,
  progress: null,
  error: null,
  notice: null,
};

/** Creates the invoice slice. */
export const createInvoiceSlice: SliceCreator<InvoiceSlice> = (client) => (set, get) => {
  const patch = (p: Partial<InvoicesState>): void => set((s) => ({ invoices: { ...s.invoices, ...p } }));
  const inv = (): InvoicesState => get().invoices;
  let previewTicket = 0;

  return {
    invoices: INITIAL,

    openInvoices() {
      set({ view: { kind: 'invoices' } });
      if (inv().id !== null) void get().setPreview({});
      if (inv().tab === 'customers') void get().loadCustomers(inv().customersOffset);
    },

    setInvoicesTab(tab) {
      patch({ tab });
      if (tab === 'customers') void get().loadCustomers(0);
    },

    async setPreview(p) {
      const next = { ...inv(), ...p };
      if (p.module !== undefined && p.module !== inv().module) {
        next.id = p.id ?? null;
        next.kind = null;
      }
      patch({ module: next.module, id: next.id, kind: next.kind, workflow: next.workflow, status: next.id === null ? 'idle' : 'loading', doc: next.id === null ? null : inv().doc, error: null, notice: null });
      if (next.id === null) return;
      const ticket = (previewTicket += 1);
      try {
        const { document } = await client.invoke('invoice.preview', { module: next.module, id: next.id, kind: next.kind, workflow: next.workflow });
        if (ticket === previewTicket) patch({ doc: document, status: 'ready' });
      } catch (err) {
        if (ticket === previewTicket) patch({ doc: null, status: 'error', error: uiError(err) });
      }
    },

    async saveDocument(format, path, internal) {
      const { module, id, kind, workflow } = inv();
      if (id === null) return false;
      patch({ busy: `Saving the ${format.toUpperCase()}…`, error: null, notice: null });
      try {
        const r = await client.invoke('invoice.save', { module, id, kind, workflow, format, path, internal });
        patch({ notice: `Saved the ${format.toUpperCase()} (${Math.max(1, Math.round(r.bytes / 1024))} KB) to ${r.path}` });
        return true;
      } catch (err) {
        patch({ error: uiError(err) });
        return false;
      } finally {
        patch({ busy: null });
      }
    },

    async buildCustomers() {
      const jobId = newJobId();
      patch({ busy: 'Building the customers preview…', jobId, progress: null, error: null, notice: null });
      try {
        const state = await client.invoke('invoice.customersBuild', { jobId });
        patch({ notice: `${state.customers} customers from ${state.accounts} Accounts and ${state.contacts} Contacts; ${state.duplicates} look like duplicates.` });
        await get().loadCustomers(0);
      } catch (err) {
        patch({ error: uiError(err) });
      } finally {
        patch({ busy: null, jobId: null, progress: null });
      }
    },

    async loadCustomers(offset) {
      try {
        const page = await client.invoke('invoice.customers', { offset, limit: CUSTOMERS_PAGE, duplicatesOnly: inv().duplicatesOnly, search: inv().search });
        patch({ customers: page, customersOffset: offset });
      } catch (err) {
        patch({ error: uiError(err) });
      }
    },

    setCustomersFilter(p) {
      patch(p);
      void get().loadCustomers(0);
    },

    dismissInvoicesMessage() {
      patch({ error: null, notice: null });
    },

    onInvoicesProgress(p) {
      if (p.jobId === inv().jobId) patch({ progress: p });
    },

    resetInvoices() {
      set({ invoices: INITIAL });
    },
  };
};
