/**
 * The record side panel: the opened record and the trail of lookups followed to reach it.
 */
import { uiError } from './errors';
import type { RecordDetail, SliceCreator, UiError } from './types';

/** A record address. */
export interface RecordRef {
  module: string;
  id: string;
}

/** What the side panel shows. */
export interface RecordPanelState {
  target: RecordRef | null;
  status: 'loading' | 'ready' | 'error';
  data: RecordDetail | null;
  error: UiError | null;
  /** Records left by following lookups, most recent last, so "Back" can return. */
  trail: RecordRef[];
}

/** State and actions for the record panel. */
export interface RecordSlice {
  record: RecordPanelState;
  /** Opens a record; `follow` keeps the current one on the trail (used by lookup links). */
  openRecord(ref: RecordRef, follow?: boolean): Promise<void>;
  recordBack(): void;
  /** Re-reads the open record (after its module changed), without clearing the panel. */
  reloadRecord(): void;
  closeRecord(): void;
}

const CLOSED: RecordPanelState = { target: null, status: 'loading', data: null, error: null, trail: [] };

/** Creates the record slice. */
export const createRecordSlice: SliceCreator<RecordSlice> = (client) => (set, get) => {
  // Only the latest request may fill the panel; clicks can outrun replies.
  let ticket = 0;

  async function fetchInto(ref: RecordRef, trail: RecordRef[], keepData: boolean): Promise<void> {
    const mine = ++ticket;
    set((s) => ({
      record: {
        target: ref,
        status: keepData ? s.record.status : 'loading',
        data: keepData ? s.record.data : null,
        error: null,
        trail,
      },
    }));
    try {
      const data = await client.invoke('replica.record', ref);
      if (mine === ticket) {
        set((s) => ({ record: { ...s.record, status: 'ready', data, error: null } }));
      }
    } catch (err) {
      if (mine === ticket) {
        set((s) => ({ record: { ...s.record, status: 'error', error: uiError(err) } }));
      }
    }
  }

  return {
    record: CLOSED,

    async openRecord(ref, follow = false) {
      const { target, trail } = get().record;
      const nextTrail = follow && target !== null ? [...trail, target] : [];
      await fetchInto(ref, nextTrail, false);
    },

    recordBack() {
      const trail = get().record.trail;
      const prev = trail[trail.length - 1];
      if (prev !== undefined) {
        void fetchInto(prev, trail.slice(0, -1), false);
      }
    },

    reloadRecord() {
      const { target, trail } = get().record;
      if (target !== null) {
        void fetchInto(target, trail, true);
      }
    },

    closeRecord() {
      ticket++;
      set({ record: CLOSED });
    },
  };
};
