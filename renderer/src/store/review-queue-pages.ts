/**
 * A small cache of `review.queue` pages around what the queue list shows.
 *
 * The same scheme as the batch grid's pages (batch-pages.ts): fixed pages of 200, a few kept,
 * at most two requests in flight, and a generation number per query so replies to an older
 * filter or an older state of the decisions are dropped instead of mixing two states.
 */
import { uiError } from './errors';
import type { QueueFilter, QueueSort, ReviewQueueItem } from './review-types';
import type { UiError } from './types';

/** Items per `review.queue` request. */
export const QUEUE_PAGE_SIZE = 200;
const MAX_PAGES = 6;
const MAX_IN_FLIGHT = 2;
const FETCH_INTERVAL_MS = 40;

/** The cached pages of the queue under the current filter and sort. */
export interface QueuePages {
  total: number;
  pages: Record<number, ReviewQueueItem[]>;
  /** 'loading' only until the first page of a new query arrives. */
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: UiError | null;
  /** The query's generation; bumped by every refresh. */
  gen: number;
  /** The generation the cached pages belong to: they are current only when it equals `gen`. */
  pagesGen: number;
  /** Bumped when the filter, the sort or the batch changes: the list scrolls to the top. */
  viewId: number;
}

export const EMPTY_QUEUE: QueuePages = { total: 0, pages: {}, status: 'idle', error: null, gen: 0, pagesGen: 0, viewId: 0 };

/** The item at `index` of the queue, or undefined while its page is not loaded. */
export function queueItemAt(queue: QueuePages, index: number): ReviewQueueItem | undefined {
  return queue.pages[Math.floor(index / QUEUE_PAGE_SIZE)]?.[index % QUEUE_PAGE_SIZE];
}

/** The query a page belongs to. */
export interface QueueQuery {
  batch: number | null;
  filter: QueueFilter;
  sort: QueueSort;
}

interface Deps {
  get(): QueueQuery & { queue: QueuePages };
  setQueue(update: (queue: QueuePages) => QueuePages): void;
  fetch(query: QueueQuery & { batch: number }, offset: number, limit: number): Promise<{ total: number; items: ReviewQueueItem[] }>;
  /** Called after every page that lands (the selection may now resolve). */
  onPage(): void;
}

/** The paging controller the review slice drives. */
export interface QueuePager {
  /** New batch, filter or sort: start from the top with nothing cached. */
  reset(): void;
  /** Decisions changed: re-read the wanted pages, keeping the old items until replaced. */
  refresh(): void;
  /** The list shows items start..end (inclusive). */
  ensure(start: number, end: number): void;
  /** Makes sure the page holding `index` is (being) fetched, e.g. for a keyboard move. */
  want(index: number): void;
}

/** Creates the pager. */
export function createQueuePages(deps: Deps): QueuePager {
  let wanted = { start: 0, end: QUEUE_PAGE_SIZE - 1 };
  let extra: number | null = null;
  const inFlight = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | null = null;

  function wantedPages(): number[] {
    const { total, status } = deps.get().queue;
    const last = status === 'ready' && total > 0 ? Math.floor((total - 1) / QUEUE_PAGE_SIZE) : 0;
    const clamp = (i: number): number => Math.max(0, Math.min(Math.floor(i / QUEUE_PAGE_SIZE), last));
    const out = new Set<number>();
    for (let p = clamp(wanted.start); p <= clamp(wanted.end); p++) out.add(p);
    if (extra !== null) out.add(clamp(extra));
    return [...out];
  }

  function schedule(): void {
    timer ??= setTimeout(pump, FETCH_INTERVAL_MS);
  }

  function pump(): void {
    timer = null;
    const { batch, filter, sort, queue } = deps.get();
    if (batch === null) return;
    for (const page of wantedPages()) {
      const key = `${queue.gen}:${page}`;
      if ((queue.pagesGen === queue.gen && queue.pages[page] !== undefined) || inFlight.has(key)) continue;
      if (inFlight.size >= MAX_IN_FLIGHT) {
        schedule();
        return;
      }
      void fetchPage({ batch, filter, sort }, queue.gen, page);
    }
  }

  async function fetchPage(query: QueueQuery & { batch: number }, gen: number, page: number): Promise<void> {
    const key = `${gen}:${page}`;
    inFlight.add(key);
    try {
      const res = await deps.fetch(query, page * QUEUE_PAGE_SIZE, QUEUE_PAGE_SIZE);
      if (deps.get().queue.gen !== gen) return;
      deps.setQueue((q) => {
        const pages = q.pagesGen === gen ? { ...q.pages } : {};
        pages[page] = res.items;
        evict(pages);
        return { ...q, pages, pagesGen: gen, total: res.total, status: 'ready', error: null };
      });
      deps.onPage();
    } catch (err) {
      if (deps.get().queue.gen === gen) deps.setQueue((q) => ({ ...q, status: 'error', error: uiError(err) }));
    } finally {
      inFlight.delete(key);
    }
    schedule();
  }

  function evict(pages: Record<number, ReviewQueueItem[]>): void {
    const keys = Object.keys(pages).map(Number);
    if (keys.length <= MAX_PAGES) return;
    const keep = new Set<number>(extra !== null ? [Math.floor(extra / QUEUE_PAGE_SIZE)] : []);
    const centre = (wanted.start + wanted.end) / 2 / QUEUE_PAGE_SIZE;
    keys.sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre));
    let drop = keys.length - MAX_PAGES;
    for (const k of keys) {
      if (drop === 0) break;
      if (keep.has(k)) continue;
      delete pages[k];
      drop--;
    }
  }

  return {
    reset() {
      wanted = { start: 0, end: QUEUE_PAGE_SIZE - 1 };
      extra = null;
      deps.setQueue((q) => ({ ...EMPTY_QUEUE, status: 'loading', gen: q.gen + 1, pagesGen: q.gen + 1, viewId: q.viewId + 1 }));
      pump();
    },
    refresh() {
      deps.setQueue((q) => ({ ...q, gen: q.gen + 1 }));
      pump();
    },
    ensure(start, end) {
      wanted = { start, end };
      schedule();
    },
    want(index) {
      extra = index;
      pump();
    },
  };
}
