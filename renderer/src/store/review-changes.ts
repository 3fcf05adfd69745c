/**
 * The review's changes to a batch (decide, merge a cluster, split, undo, redo), each sent to
 * the core one at a time and followed by a re-read of the queue and the selected row.
 *
 * Part of the review slice (review-slice.ts), which hands in its helpers.
 */
import type { ReviewDecision } from '../../../shared/domain/review';
import type { Client } from '../api/client';
import { clusterValues, mergeDecision, type ReviewDraft } from './review-merge-plan';
import type { ReviewState, ReviewSlice } from './review-slice';
import type { ReviewCounts, ReviewItem } from './review-types';
import type { AppState } from './types';

/** What the slice lends its changes. */
export interface ReviewChangeDeps {
  client: Client;
  get(): AppState;
  patch(p: Partial<ReviewState>): void;
  /** Runs a change after the previous one, showing `label` meanwhile; null when refused. */
  serial<T>(label: string, run: () => Promise<T>): Promise<T | null>;
  /** After a change: new counts, the selection moved by `advance`, a message, pages re-read. */
  changed(batch: number, counts: ReviewCounts | null, advance: number, notice: string | null): void;
  /** The selected row and draft when both are current and nothing runs. */
  current(): { batch: number; item: ReviewItem; draft: ReviewDraft } | null;
  refreshSummary(batch: number): Promise<void>;
}

type Changes = Pick<ReviewSlice, 'decideSelected' | 'mergeSelectedCluster' | 'splitClusterRow' | 'undoReview' | 'redoReview'>;

/** The change actions of the review slice. */
export function reviewChanges({ client, get, patch, serial, changed, current, refreshSummary }: ReviewChangeDeps): Changes {
  return {
    async decideSelected(action) {
      const cur = current();
      if (cur === null) return;
      const { batch, item, draft } = cur;
      let decision: ReviewDecision | null;
      let notice: string;
      if (action === 'merge') {
        if (draft.tab.kind === 'cluster') {
          await get().mergeSelectedCluster();
          return;
        }
        const candidate = item.candidates[draft.tab.index];
        if (candidate === undefined || candidate.locked) return;
        decision = mergeDecision(candidate, draft);
        notice = `Row ${item.row} will be merged into ${candidate.title}.`;
      } else if (action === 'create') {
        decision = { action: 'create' };
        notice = `Row ${item.row} will be created as a new record.`;
      } else if (action === 'skip') {
        decision = { action: 'skip' };
        notice = `Row ${item.row} will be skipped (not sent to Zoho).`;
      } else {
        if (item.decision === null) return;
        decision = null;
        notice = `Row ${item.row}: decision cleared.`;
      }
      const counts = await serial('Saving…', () => client.invoke('review.decide', { batch, rows: [item.row], decision }));
      if (counts === null) return;
      const filter = get().review.filter;
      const stays = filter === 'all' || (filter === 'decided') === (decision !== null);
      changed(batch, counts, decision !== null && stays ? 1 : 0, notice);
    },

    async mergeSelectedCluster() {
      const cur = current();
      if (cur === null || cur.item.cluster === null || cur.draft.survivor === null) return;
      const { batch, item, draft } = cur;
      const cluster = item.cluster;
      const survivor = draft.survivor;
      if (cluster === null || survivor === null) return;
      const values = clusterValues(cluster, survivor, draft.clusterPicks);
      const counts = await serial('Merging rows…', () => client.invoke('review.mergeCluster', { batch, cluster: cluster.id, survivor, values }));
      if (counts === null) return;
      const others = cluster.rows.filter((m) => m.row !== survivor).map((m) => m.row);
      const n = Object.keys(values).length;
      const notice = `Row${others.length === 1 ? '' : 's'} ${others.join(', ')} merged into row ${survivor}${n > 0 ? `, which takes ${n} ${n === 1 ? 'value' : 'values'} from ${others.length === 1 ? 'it' : 'them'}` : ''}.`;
      changed(batch, counts, 0, notice);
      void refreshSummary(batch);
    },

    async splitClusterRow(row) {
      const batch = get().review.batch;
      if (batch === null || get().review.busy !== null) return;
      const counts = await serial('Splitting…', () => client.invoke('review.split', { batch, row }));
      if (counts !== null) changed(batch, counts, 0, `Row ${row} taken out of the cluster; it is reviewed on its own.`);
    },

    async undoReview() {
      const { batch, counts, summary } = get().review;
      if (batch === null || !(counts?.canUndo ?? summary?.canUndo ?? false)) return;
      const res = await serial('Undoing…', () => client.invoke('batch.undo', { batch }));
      if (res === null) return;
      patch({ summary: res });
      await get().loadReviewStatus(batch);
      changed(batch, null, 0, 'Undone.');
    },

    async redoReview() {
      const { batch, counts, summary } = get().review;
      if (batch === null || !(counts?.canRedo ?? summary?.canRedo ?? false)) return;
      const res = await serial('Redoing…', () => client.invoke('batch.redo', { batch }));
      if (res === null) return;
      patch({ summary: res });
      await get().loadReviewStatus(batch);
      changed(batch, null, 0, 'Redone.');
    },
  };
}
