/**
 * Finding duplicates (the `dedupe.run` job, with progress and cancel) and accepting them in
 * bulk above a score, after reading how many rows that touches (`review.bulkPreview`).
 *
 * The job carries a client-made id so its `job.progress` events are recognised before the
 * reply arrives; a cancel keeps the previous run, as the core does.
 */
import type { MergeRule } from '../../../shared/domain/review';
import { newJobId } from '../api/ids';
import { formatCount } from '../components/format';
import { formatScore } from '../features/review/review-text';
import { uiError } from './errors';
import type { BulkPreview } from './review-types';
import type { JobProgress, SliceCreator, UiError } from './types';

/** A running "Find duplicates". */
export interface DedupeJob {
  batch: number;
  jobId: string;
  progress: JobProgress | null;
  cancelling: boolean;
}

/** The bulk accept dialog. */
export interface BulkState {
  open: boolean;
  /** In [0, 1]. */
  minScore: number;
  rule: Exclude<MergeRule, 'pick'>;
  preview: BulkPreview | null;
  /** The score `preview` was computed for (the count shown must be the one confirmed). */
  previewFor: number | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: UiError | null;
  accepting: boolean;
}

/** State and actions of the dedupe job and the bulk accept. */
export interface DedupeSlice {
  dedupeJob: DedupeJob | null;
  bulk: BulkState;
  /** Runs `dedupe.run` on a batch against the default modules; resolves when it ends. */
  findDuplicates(batch: number): Promise<void>;
  cancelFindDuplicates(): void;
  onDedupeProgress(progress: JobProgress): void;
  openBulk(): void;
  closeBulk(): void;
  setBulkScore(minScore: number): void;
  setBulkRule(rule: Exclude<MergeRule, 'pick'>): void;
  confirmBulk(): Promise<void>;
}

/** The score the bulk dialog starts at: high enough that only near-certain matches go. */
export const DEFAULT_BULK_SCORE = 0.95;
const PREVIEW_DELAY_MS = 150;

const CLOSED: BulkState = {
  open: false,
  minScore: DEFAULT_BULK_SCORE,
  rule: 'fill-blanks',
  preview: null,
  previewFor: null,
  status: 'idle',
  error: null,
  accepting: false,
};

/** Creates the dedupe slice. */
export const createDedupeSlice: SliceCreator<DedupeSlice> = (client) => (set, get) => {
  let previewTicket = 0;
  let previewTimer: ReturnType<typeof setTimeout> | null = null;

  const patchBulk = (p: Partial<BulkState>): void => set((s) => ({ bulk: { ...s.bulk, ...p } }));
  const patchReview = (p: { notice?: string | null; actionError?: UiError | null }): void => set((s) => ({ review: { ...s.review, ...p } }));

  async function preview(batch: number, minScore: number): Promise<void> {
    const mine = ++previewTicket;
    patchBulk({ status: 'loading', error: null });
    try {
      const res = await client.invoke('review.bulkPreview', { batch, minScore });
      if (mine === previewTicket) patchBulk({ preview: res, previewFor: minScore, status: 'ready' });
    } catch (err) {
      if (mine === previewTicket) patchBulk({ status: 'error', error: uiError(err) });
    }
  }

  return {
    dedupeJob: null,
    bulk: CLOSED,

    async findDuplicates(batch) {
      if (get().dedupeJob !== null) return;
      const jobId = newJobId();
      set({ dedupeJob: { batch, jobId, progress: null, cancelling: false } });
      patchReview({ notice: null, actionError: null });
      try {
        const run = await client.invoke('dedupe.run', { batch, against: null, jobId });
        set({ dedupeJob: null });
        const found = run.rowsWithCandidates + run.rowsInClusters;
        const where = run.against.length > 0 ? run.against.map((m) => m.replace(/_/g, ' ')).join(', ') : 'the replica';
        const notice =
          found === 0
            ? `No duplicates found among ${formatCount(run.rows)} rows (compared with ${where} and within the file).`
            : `Duplicates found: ${formatCount(run.rowsWithCandidates)} ${run.rowsWithCandidates === 1 ? 'row matches' : 'rows match'} existing records, ${formatCount(run.rowsInClusters)} ${run.rowsInClusters === 1 ? 'row appears' : 'rows appear'} more than once in the file.`;
        // A new run replaces every candidate: nothing of the old queue may stay on screen.
        get().resetReview();
        const view = get().view;
        if (view.kind === 'review' && view.batch === batch) {
          await get().openReview(batch);
        } else {
          await get().loadReviewStatus(batch);
        }
        patchReview({ notice });
        // The grid gains its Review column and loses decisions the new run no longer supports.
        get().reloadBatchIfOpen(batch);
      } catch (err) {
        set({ dedupeJob: null });
        const e = uiError(err);
        if (e.code === 'CANCELLED') {
          patchReview({ notice: 'Finding duplicates was cancelled; the previous results (if any) are kept.' });
        } else {
          patchReview({ actionError: e });
        }
      }
    },

    cancelFindDuplicates() {
      const job = get().dedupeJob;
      if (job === null || job.cancelling) return;
      set({ dedupeJob: { ...job, cancelling: true } });
      client.invoke('job.cancel', { jobId: job.jobId }).catch(() => undefined);
    },

    onDedupeProgress(progress) {
      const job = get().dedupeJob;
      if (job !== null && job.jobId === progress.jobId) set({ dedupeJob: { ...job, progress } });
    },

    openBulk() {
      const batch = get().review.batch;
      if (batch === null || get().review.run === null) return;
      const minScore = get().bulk.minScore;
      set({ bulk: { ...CLOSED, open: true, minScore, rule: get().bulk.rule } });
      void preview(batch, minScore);
    },

    closeBulk() {
      previewTicket++;
      if (previewTimer !== null) clearTimeout(previewTimer);
      set((s) => ({ bulk: { ...CLOSED, minScore: s.bulk.minScore, rule: s.bulk.rule } }));
    },

    setBulkScore(minScore) {
      const batch = get().review.batch;
      const score = Math.max(0, Math.min(1, Math.round(minScore * 100) / 100));
      if (batch === null || score === get().bulk.minScore) return;
      patchBulk({ minScore: score, status: 'loading' });
      // Dragging the slider asks once it rests, not for every pixel.
      if (previewTimer !== null) clearTimeout(previewTimer);
      previewTimer = setTimeout(() => {
        previewTimer = null;
        void preview(batch, score);
      }, PREVIEW_DELAY_MS);
    },

    setBulkRule(rule) {
      patchBulk({ rule });
    },

    async confirmBulk() {
      const { batch } = get().review;
      const { minScore, rule, previewFor, accepting, preview: seen } = get().bulk;
      // Only the count the user read may be confirmed.
      if (batch === null || accepting || previewFor !== minScore || seen === null || seen.rows === 0) return;
      patchBulk({ accepting: true, error: null });
      try {
        const res = await client.invoke('review.bulkAccept', { batch, minScore, rule });
        get().closeBulk();
        get().afterReviewChange(
          res,
          `${formatCount(res.decided)} ${res.decided === 1 ? 'row' : 'rows'} accepted at ${formatScore(minScore)} or more (${rule === 'fill-blanks' ? 'fill blanks only' : 'incoming wins'}). Undo takes them all back in one step.`,
        );
      } catch (err) {
        patchBulk({ accepting: false, error: uiError(err) });
      }
    },
  };
};
