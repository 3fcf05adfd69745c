/**
 * Which screen the main area shows: the replica browser, the import screen, a batch, its
 * duplicate review or the export.
 */
import type { SliceCreator } from './types';

/** The main area's screen. */
export type View =
  | { kind: 'replica' }
  | { kind: 'import' }
  | { kind: 'batch'; batch: number }
  | { kind: 'review'; batch: number }
  | { kind: 'export' }
  | { kind: 'convert' }
  | { kind: 'invoices' };

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
