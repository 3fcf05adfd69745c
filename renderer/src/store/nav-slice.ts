/**
 * Which screen the main area shows: the replica browser, the import screen or a batch.
 */
import type { SliceCreator } from './types';

/** The main area's screen. */
export type View = { kind: 'replica' } | { kind: 'import' } | { kind: 'batch'; batch: number } | { kind: 'convert' } | { kind: 'invoices' };

/** State and actions for switching screens. */
export interface NavSlice {
  view: View;
  /** Shows the replica browser (the selected module). */
  showReplica(): void;
}

/** Creates the navigation slice. */
export const createNavSlice: SliceCreator<NavSlice> = () => (set) => ({
  view: { kind: 'replica' },

  showReplica() {
    set({ view: { kind: 'replica' } });
  },
});
