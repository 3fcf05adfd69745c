/**
 * The app store: every slice combined into one zustand store, provided through React context.
 *
 * A context (rather than a module-level hook) lets the entry point hand in the client for the
 * current transport, and lets tests build a fresh store around a fake client.
 */
import { createContext, useContext } from 'react';
import { useStore, type StoreApi } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { Client } from '../api/client';
import { createBatchSlice } from './batch-slice';
import { createDedupeSlice } from './dedupe-slice';
import { createExportSlice } from './export-slice';
import { createGridSlice } from './grid-slice';
import { createImportSlice } from './import-slice';
import { createLoadSlice } from './load-slice';
import { createModulesSlice } from './modules-slice';
import { createNavSlice } from './nav-slice';
import { createRecordSlice } from './record-slice';
import { createReviewSlice } from './review-slice';
import { createSessionSlice } from './session-slice';
import { createTemplateSlice } from './template-slice';
import type { AppState } from './types';
import { createWorkspaceSlice } from './workspace-slice';
import { createConvertSlice } from './convert-slice';
import { createInvoiceSlice } from './invoice-slice';
import { createPickerSlice } from './picker-slice';
import { createLeadOptionsSlice } from './lead-options-slice';

/** A store instance; one per window. */
export type AppStore = StoreApi<AppState> & { transportKind: Client['kind'] };

/** Builds the store around a client. */
export function createAppStore(client: Client): AppStore {
  const store = createStore<AppState>()((...a) => ({
    ...createWorkspaceSlice(client)(...a),
    ...createModulesSlice(client)(...a),
    ...createGridSlice(client)(...a),
    ...createLoadSlice(client)(...a),
    ...createRecordSlice(client)(...a),
    ...createSessionSlice(client)(...a),
    ...createNavSlice(client)(...a),
    ...createImportSlice(client)(...a),
    ...createBatchSlice(client)(...a),
    ...createTemplateSlice(client)(...a),
    ...createReviewSlice(client)(...a),
    ...createDedupeSlice(client)(...a),
    ...createExportSlice(client)(...a),
    ...createConvertSlice(client)(...a),
    ...createInvoiceSlice(client)(...a),
    ...createPickerSlice(client)(...a),
    ...createLeadOptionsSlice(client)(...a),
  }));
  return Object.assign(store, { transportKind: client.kind });
}

/** Carries the window's store to components. */
export const AppStoreContext = createContext<AppStore | null>(null);

function useStoreApi(): AppStore {
  const store = useContext(AppStoreContext);
  if (store === null) {
    throw new Error('useAppStore must be used inside <AppStoreContext.Provider>');
  }
  return store;
}

/** Selects from the app store; select narrow values (or use useShallow) to limit re-renders. */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(useStoreApi(), selector);
}

/** Which transport the window runs on (native file dialogs exist only in Electron). */
export function useTransportKind(): Client['kind'] {
  return useStoreApi().transportKind;
}

export type { AppState } from './types';
