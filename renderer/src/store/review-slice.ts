/**
 * The duplicate review of one batch: its last dedupe run and decision counts, the queue in
 * pages, the selected row's side-by-side data and the user's draft choices on it, and every
 * decision (decide, cluster merge, split, undo, redo).
 *
 * The queue is read in pages of 200 around what is on screen (never the whole list). The
 * selection is an index into the filtered queue: after a change the queue is re-read and the
 * row now at that index is selected, so deciding under "Open" moves on to the next row by
 * itself (the decided row leaves the list). Changes go to the core one at a time.
 */
import type { FieldWinner, MergeRule } from '../../../shared/domain/review';
import { initialDraft, tabAt, withRule, withSurvivor, withWinner, type ReviewDraft, type ReviewTab } from './review-merge-plan';
import { reviewChanges } from './review-changes';
import { uiError } from './errors';
import { createQueuePages, EMPTY_QUEUE, queueItemAt, type QueuePages } from './review-queue-pages';
import type { DedupeRunSummary, QueueFilter, QueueSort, ReviewCounts, ReviewItem } from './review-types';
import type { BatchSummary, SliceCreator, UiError } from './types';

/** The review of the batch in `batch`. */
export interface ReviewState {
  batch: number | null;
  /** The batch (name, module, undo state) as last reported. */
  summary: BatchSummary | null;
  /** 'ready' once `dedupe.status` answered for this batch. */
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: UiError | null;
  run: DedupeRunSummary | null;
  stale: boolean;
  counts: ReviewCounts | null;
  filter: QueueFilter;
  sort: QueueSort;
  queue: QueuePages;
  /** Index of the selected item in the filtered queue; -1 before the first selection. */
  selectedIndex: number;
  selectedRow: number | null;
  item: ReviewItem | null;
  itemStatus: 'idle' | 'loading' | 'ready' | 'error';
  itemError: UiError | null;
  draft: ReviewDraft | null;
  busy: string | null;
  actionError: UiError | null;
  notice: string | null;
}

/** State and actions of the duplicate review. */
export interface ReviewSlice {
  review: ReviewState;
  /** Shows the review screen of a batch. */
  openReview(batch: number): Promise<void>;
  /** Reads the batch's dedupe run and counts (the batch screen calls it too). */
  loadReviewStatus(batch: number): Promise<void>;
  setReviewFilter(filter: QueueFilter): void;
  setReviewSort(sort: QueueSort): void;
  ensureQueueRows(start: number, end: number): void;
  selectQueueIndex(index: number): void;
  /** Moves the selection by `delta` items (keyboard next/previous). */
  moveQueueSelection(delta: number): void;
  chooseReviewTab(tab: ReviewTab): void;
  /** Chooses a tab by its position (keys 1–9); false when there is none there. */
  chooseReviewTabAt(position: number): boolean;
  setMergeRule(rule: MergeRule): void;
  /** Sets a field's winner; under a rule this switches to per-field picks, keeping the rest. */
  setFieldWinner(field: string, winner: FieldWinner): void;
  setClusterSurvivor(row: number): void;
  setClusterPick(field: string, row: number): void;
  /** Decides the selected row: merge into the chosen candidate, create, skip, or clear. */
  decideSelected(action: 'merge' | 'create' | 'skip' | 'clear'): Promise<void>;
  /** Merges the selected row's cluster into the chosen survivor with the chosen values. */
  mergeSelectedCluster(): Promise<void>;
  splitClusterRow(row: number): Promise<void>;
  undoReview(): Promise<void>;
  redoReview(): Promise<void>;
  /** After any change elsewhere (bulk accept): new counts, queue and item re-read. */
  afterReviewChange(counts: ReviewCounts, notice: string | null): void;
  dismissReviewMessage(): void;
  resetReview(): void;
}

const EMPTY_REVIEW: ReviewState = {
  batch: null,
  summary: null,
  status: 'idle',
  error: null,
  run: null,
  stale: false,
  counts: null,
  filter: 'open',
  sort: 'score',
  queue: EMPTY_QUEUE,
  selectedIndex: -1,
  selectedRow: null,
  item: null,
  itemStatus: 'idle',
  itemError: null,
  draft: null,
  busy: null,
  actionError: null,
  notice: null,
};

/** Items fetched ahead of the selection, so next/previous shows the row at once. */
const PREFETCH = 2;

/** Creates the review slice. */
export const createReviewSlice: SliceCreator<ReviewSlice> = (client) => (set, get) => {
  let chain: Promise<unknown> = Promise.resolve();
  let statusTicket = 0;
  let itemTicket = 0;
  /** Side-by-side data of rows near the selection, valid until the next change. */
  let cache = new Map<number, Promise<ReviewItem>>();
  /** The selected row must be re-read even if it stays selected (its decision changed). */
  let itemDirty = false;

  const patch = (p: Partial<ReviewState>): void => set((s) => ({ review: { ...s.review, ...p } }));

  const pager = createQueuePages({
    get: () => get().review,
    setQueue: (update) => set((s) => ({ review: { ...s.review, queue: update(s.review.queue) } })),
    fetch: (q, offset, limit) => client.invoke('review.queue', { batch: q.batch, offset, limit, filter: q.filter, sort: q.sort }),
    onPage: () => resolveSelection(),
  });

  function itemOf(batch: number, row: number): Promise<ReviewItem> {
    let hit = cache.get(row);
    if (hit === undefined) {
      hit = client.invoke('review.item', { batch, row });
      // A failed read is not kept: the next selection asks again.
      hit.catch(() => cache.delete(row));
      cache.set(row, hit);
    }
    return hit;
  }

  function prefetch(batch: number, index: number): void {
    const { queue } = get().review;
    for (let i = index + 1; i <= index + PREFETCH; i++) {
      const next = queueItemAt(queue, i);
      if (next !== undefined) void itemOf(batch, next.row).catch(() => undefined);
    }
  }

  async function loadItem(batch: number, row: number, index: number): Promise<void> {
    const mine = ++itemTicket;
    itemDirty = false;
    patch({ selectedRow: row, itemStatus: 'loading', itemError: null });
    try {
      const item = await itemOf(batch, row);
      if (mine !== itemTicket || get().review.batch !== batch) return;
      const keep = get().review.draft;
      // A re-read of the same row keeps the tab the user was on when it still exists.
      const draft = initialDraft(item);
      if (keep !== null && keep.row === row && keep.tab.kind === 'candidate' && keep.tab.index < item.candidates.length) draft.tab = keep.tab;
      patch({ item, itemStatus: 'ready', draft });
      prefetch(batch, index);
    } catch (err) {
      if (mine === itemTicket) patch({ itemStatus: 'error', itemError: uiError(err) });
    }
  }

  /** Selects the item at the selected index once its page is current (first item by default). */
  function resolveSelection(): void {
    const r = get().review;
    if (r.batch === null || r.queue.status !== 'ready' || r.queue.pagesGen !== r.queue.gen) return;
    if (r.queue.total === 0) {
      itemTicket++;
      patch({ selectedIndex: -1, selectedRow: null, item: null, itemStatus: 'idle', draft: null });
      return;
    }
    const index = Math.max(0, Math.min(r.queue.total - 1, r.selectedIndex));
    const at = queueItemAt(r.queue, index);
    if (at === undefined) {
      pager.want(index);
      return;
    }
    if (index !== r.selectedIndex) patch({ selectedIndex: index });
    if (at.row !== r.selectedRow || itemDirty || r.itemStatus === 'idle' || r.itemStatus === 'error') {
      void loadItem(r.batch, at.row, index);
    }
  }

  /** Runs changes one after another, so a quick key press never overtakes the one before it. */
  function serial<T>(label: string, run: () => Promise<T>): Promise<T | null> {
    const next = chain.then(async () => {
      patch({ busy: label, actionError: null, notice: null });
      try {
        return await run();
      } catch (err) {
        patch({ actionError: uiError(err) });
        return null;
      } finally {
        patch({ busy: null });
      }
    });
    chain = next.catch(() => undefined);
    return next;
  }

  /** The selected row is decided, or its cluster changed: re-read what shows it. */
  function changed(batch: number, counts: ReviewCounts | null, advance: number, notice: string | null): void {
    cache = new Map();
    itemDirty = true;
    const r = get().review;
    const index = Math.max(0, r.selectedIndex + advance);
    patch({ ...(counts !== null ? { counts } : {}), notice, selectedIndex: index });
    pager.refresh();
    pager.want(index);
    // The batch grid shows decisions (and a cluster merge edits the survivor's cells).
    get().reloadBatchIfOpen(batch);
  }

  function updateDraft(update: (d: ReviewDraft, item: ReviewItem) => ReviewDraft): void {
    const { draft, item } = get().review;
    if (draft !== null && item !== null && item.row === draft.row) patch({ draft: update(draft, item) });
  }

  /** The selected item and draft when both are current and nothing is running. */
  function current(): { batch: number; item: ReviewItem; draft: ReviewDraft } | null {
    const { batch, item, draft, itemStatus, busy } = get().review;
    if (batch === null || item === null || draft === null || itemStatus !== 'ready' || busy !== null || draft.row !== item.row) return null;
    return { batch, item, draft };
  }

  async function refreshSummary(batch: number): Promise<void> {
    try {
      const summary = await client.invoke('batch.summary', { batch });
      if (get().review.batch === batch) patch({ summary });
    } catch {
      // The header keeps the last summary; the change itself already succeeded.
    }
  }

  return {
    review: EMPTY_REVIEW,

    async openReview(batch) {
      set({ view: { kind: 'review', batch } });
      const r = get().review;
      if (r.batch !== batch || r.status === 'idle' || r.status === 'error') {
        itemTicket++;
        cache = new Map();
        set({ review: { ...EMPTY_REVIEW, batch, status: 'loading' } });
      } else {
        // A message from before (on the batch screen) is no longer about what the user sees.
        patch({ notice: null, actionError: null });
      }
      await Promise.all([get().loadReviewStatus(batch), refreshSummary(batch)]);
      const now = get().review;
      if (now.batch !== batch || now.run === null) return;
      if (now.queue.status === 'idle') {
        pager.reset();
      } else {
        // Decisions may have changed on the batch screen (undo) since the queue was read.
        changed(batch, null, 0, now.notice);
      }
    },

    async loadReviewStatus(batch) {
      const mine = ++statusTicket;
      if (get().review.batch !== batch) {
        itemTicket++;
        cache = new Map();
        set({ review: { ...EMPTY_REVIEW, batch, status: 'loading' } });
      }
      try {
        const status = await client.invoke('dedupe.status', { batch });
        if (mine !== statusTicket || get().review.batch !== batch) return;
        patch({ run: status.run, stale: status.stale, counts: status.counts, status: 'ready', error: null });
      } catch (err) {
        if (mine === statusTicket && get().review.batch === batch) patch({ status: 'error', error: uiError(err) });
      }
    },

    setReviewFilter(filter) {
      if (filter === get().review.filter) return;
      patch({ filter, selectedIndex: -1 });
      pager.reset();
    },

    setReviewSort(sort) {
      if (sort === get().review.sort) return;
      patch({ sort, selectedIndex: -1 });
      pager.reset();
    },

    ensureQueueRows(start, end) {
      pager.ensure(start, end);
    },

    selectQueueIndex(index) {
      const { queue } = get().review;
      if (queue.total === 0) return;
      patch({ selectedIndex: Math.max(0, Math.min(queue.total - 1, index)) });
      resolveSelection();
    },

    moveQueueSelection(delta) {
      const { selectedIndex } = get().review;
      get().selectQueueIndex(selectedIndex < 0 ? 0 : selectedIndex + delta);
    },

    chooseReviewTab(tab) {
      updateDraft((d) => ({ ...d, tab }));
    },

    chooseReviewTabAt(position) {
      const item = get().review.item;
      const tab = item === null ? null : tabAt(item, position);
      if (tab === null) return false;
      get().chooseReviewTab(tab);
      return true;
    },

    setMergeRule(rule) {
      updateDraft((d, item) => withRule(d, item, rule));
    },

    setFieldWinner(field, winner) {
      updateDraft((d, item) => withWinner(d, item, field, winner));
    },

    setClusterSurvivor(row) {
      updateDraft((d, item) => (item.cluster === null ? d : withSurvivor(d, row)));
    },

    setClusterPick(field, row) {
      updateDraft((d) => ({ ...d, clusterPicks: { ...d.clusterPicks, [field]: row } }));
    },

    ...reviewChanges({ client, get, patch, serial, changed, current, refreshSummary }),

    afterReviewChange(counts, notice) {
      const batch = get().review.batch;
      if (batch !== null) changed(batch, counts, 0, notice);
    },

    dismissReviewMessage() {
      patch({ notice: null, actionError: null });
    },

    resetReview() {
      statusTicket++;
      itemTicket++;
      cache = new Map();
      set({ review: EMPTY_REVIEW });
    },
  };
};
