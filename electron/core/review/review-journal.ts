/**
 * Applying a review step either way (undo, redo): decisions, cell edits, cluster membership.
 *
 * Called inside the transaction that also flips the journal entry, so a crash leaves the
 * step wholly done or wholly undone.
 */
import type { JournalChange } from '../engines/batch/journal-change';
import type { BatchStateRepo } from '../db/repos/batch-state-repo';
import type { DedupeRepo } from '../db/repos/dedupe-repo';
import type { ReviewRepo } from '../db/repos/review-repo';

export type ReviewChange = Extract<JournalChange, { kind: 'review' }>;

/** Writes the `after` side of a review step (or its `before` side when undoing). */
export function applyReviewChange(repos: { review: ReviewRepo; dedupe: DedupeRepo; state: BatchStateRepo }, batchId: number, change: ReviewChange, undo: boolean): void {
  for (const d of change.decisions) repos.review.set(batchId, d.row, undo ? d.before : d.after);
  for (const e of change.edits) repos.state.setEdit(batchId, e.row, e.field, undo ? e.before : e.after);
  for (const c of change.clusters) repos.dedupe.setCluster(batchId, c.row, undo ? c.before : c.after);
}

/** The rows whose cells a review step changes (they are validated again after it). */
export function editedRows(change: ReviewChange): { rows: number[]; fields: string[] } {
  return { rows: [...new Set(change.edits.map((e) => e.row))], fields: [...new Set(change.edits.map((e) => e.field))] };
}
