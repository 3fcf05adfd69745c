/**
 * A small cache of `batch.rows` pages around what the batch grid shows.
 *
 * Same scheme as the replica grid (grid-slice.ts): fixed pages of 200, a few kept, at most a
 * few requests in flight, and a generation number per query so replies to an older filter or
 * an older state of the batch are dropped instead of mixing rows of two states.
 */
import { uiError } from './errors';
import type { Res } from '../../../shared/ipc/contract';
import type { BatchRow, RowFilter, UiError } from './types';

/** Rows per `batch.rows` request. */
export const BATCH_PAGE_SIZE = 200;
const MAX_PAGES = 6;
const MAX_IN_FLIGHT = 2;
const FETCH_INTERVAL_MS = 40;

/** The cached pages of the open batch under the current filter. */
export interface BatchPages {
  total: number;
  /** Page index -> rows. */
  pages: Record<number, BatchRow[]>;
  /** 'loading' only until the first page of a new batch or filter arrives. */
  status: 'loading' | 'ready' | 'error';
  error: UiError | null;
  gen: number;
  /** Bumped when the filter or the batch changes: the grid scrolls to the top. */
  viewId: number;
}

export const EMPTY_PAGES: BatchPages = { total: 0, pages: {}, status: 'loading', error: null, gen: 0, viewId: 0 };

/** The row at `index` of the filtered list, or undefined while its page is not loaded. */
export function batchRowAt(rows: BatchPages, index: number): BatchRow | undefined {
  return rows.pages[Math.floor(index / BATCH_PAGE_SIZE)]?.[index % BATCH_PAGE_SIZE];
}

interface Deps {
  get(): { batch: number | null; filter: RowFilter; rows: BatchPages };
  setRows(update: (rows: BatchPages) => BatchPages): void;
  fetch(batch: number, offset: number, limit: number, filter: RowFilter): Promise<Res<'batch.rows'>>;
}

/** The paging controller the batch slice drives. */
export interface BatchPager {
  /** New batch or filter: start from the top with nothing cached. */
  reset(): void;
  /** The batch changed: re-read the visible pages, keeping the old rows until replaced. */
  refresh(): void;
  /** The grid shows rows start..end (inclusive indices in the filtered list). */
  ensure(start: number, end: number): void;
}

/** Creates the pager. */
export function createBatchPages(deps: Deps): BatchPager {
  let wanted = { start: 0, end: BATCH_PAGE_SIZE - 1 };
  let pagesGen = 0;
  const inFlight = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | null = null;

  function wantedPages(): number[] {
    const { total, status } = deps.get().rows;
    const last = status === 'ready' && total > 0 ? Math.floor((total - 1) / BATCH_PAGE_SIZE) : 0;
    const first = Math.min(Math.floor(wanted.start / BATCH_PAGE_SIZE), last);
    const end = Math.min(Math.floor(wanted.end / BATCH_PAGE_SIZE), last);
    const out: number[] = [];
    for (let p = Math.max(0, first); p <= end; p++) out.push(p);
    return out;
  }

  function schedule(): void {
    timer ??= setTimeout(pump, FETCH_INTERVAL_MS);
  }

  function pump(): void {
    timer = null;
    const { batch, rows } = deps.get();
    if (batch === null) return;
    for (const page of wantedPages()) {
      const key = `${rows.gen}:${page}`;
      if ((pagesGen === rows.gen && rows.pages[page] !== undefined) || inFlight.has(key)) continue;
      if (inFlight.size >= MAX_IN_FLIGHT) {
        schedule();
        return;
      }
      void fetchPage(batch, rows.gen, page);
    }
  }

  async function fetchPage(batch: number, gen: number, page: number): Promise<void> {
    const key = `${gen}:${page}`;
    inFlight.add(key);
    try {
      const res = await deps.fetch(batch, page * BATCH_PAGE_SIZE, BATCH_PAGE_SIZE, deps.get().filter);
      if (deps.get().rows.gen !== gen) return;
      deps.setRows((r) => {
        const pages = pagesGen === gen ? { ...r.pages } : {};
        pagesGen = gen;
        pages[page] = res.rows;
        evict(pages);
        return { ...r, pages, total: res.total, status: 'ready', error: null };
      });
    } catch (err) {
      if (deps.get().rows.gen === gen) deps.setRows((r) => ({ ...r, status: 'error', error: uiError(err) }));
    } finally {
      inFlight.delete(key);
    }
    schedule();
  }

  function evict(pages: Record<number, BatchRow[]>): void {
    const keys = Object.keys(pages).map(Number);
    if (keys.length <= MAX_PAGES) return;
    const centre = (wanted.start + wanted.end) / 2 / BATCH_PAGE_SIZE;
    keys.sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre));
    for (const k of keys.slice(0, keys.length - MAX_PAGES)) delete pages[k];
  }

  return {
    reset() {
      wanted = { start: 0, end: BATCH_PAGE_SIZE - 1 };
      deps.setRows((r) => {
        pagesGen = r.gen + 1;
        return { ...EMPTY_PAGES, gen: r.gen + 1, viewId: r.viewId + 1 };
      });
      pump();
    },
    refresh() {
      deps.setRows((r) => ({ ...r, gen: r.gen + 1 }));
      pump();
    },
    ensure(start, end) {
      wanted = { start, end };
      schedule();
    },
  };
}
