/**
 * The replica grid's data: a small cache of fixed-size pages around what is on screen.
 *
 * The renderer never holds a whole table (a replica can have millions of rows): the grid
 * reports its visible range, this slice fetches the pages that cover it via `replica.page` and
 * forgets pages far from view. Each query (module, sort, search) gets a generation number so
 * replies to an older query are dropped instead of mixing rows of two queries.
 */
import { uiError } from './errors';
import type { PageRow, ReplicaColumn, SliceCreator, UiError } from './types';

/** Rows per `replica.page` request. */
export const PAGE_SIZE = 200;
/** Pages kept in memory: the visible ones plus some on each side for smooth back-scrolling. */
const MAX_PAGES = 8;
/** Requests in flight at once; more would only queue work for ranges already scrolled past. */
const MAX_IN_FLIGHT = 3;
/** While scrolling, fetch at most this often, always for the latest visible range. */
const FETCH_INTERVAL_MS = 40;

/** A sort order the user picked by clicking a column header. */
export interface GridSort {
  key: string;
  dir: 'asc' | 'desc';
}

/** What the grid shows: the query, its total and the cached pages. */
export interface GridState {
  module: string | null;
  sort: GridSort | null;
  search: string;
  total: number;
  columns: ReplicaColumn[];
  /** Page index -> rows; only a few pages around the visible range are kept. */
  pages: Record<number, PageRow[]>;
  /** 'loading' only until the first page of a new module arrives. */
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: UiError | null;
  /** Bumped on every fetch generation (query change or refresh); stale replies are dropped. */
  gen: number;
  /** Bumped only when the user changes module, sort or search: the grid scrolls to the top. */
  viewId: number;
}

/** State and actions for the replica grid. */
export interface GridSlice {
  grid: GridState;
  /** Sets the whole query (used when the module changes). */
  setGridQuery(query: { module: string | null; sort: GridSort | null; search: string }): void;
  setGridSort(sort: GridSort | null): void;
  setGridSearch(search: string): void;
  /** Re-reads the current query (after a load or a metadata change), keeping rows until replaced. */
  refreshGrid(): void;
  /** Tells the slice which rows are on screen (inclusive indices); missing pages are fetched. */
  ensureRows(start: number, end: number): void;
}

/** The row at `index`, or undefined while its page is not loaded. */
export function rowAt(pages: Record<number, PageRow[]>, index: number): PageRow | undefined {
  return pages[Math.floor(index / PAGE_SIZE)]?.[index % PAGE_SIZE];
}

const EMPTY_GRID: GridState = {
  module: null,
  sort: null,
  search: '',
  total: 0,
  columns: [],
  pages: {},
  status: 'idle',
  error: null,
  gen: 0,
  viewId: 0,
};

/** Creates the grid slice. */
export const createGridSlice: SliceCreator<GridSlice> = (client) => (set, get) => {
  // Bookkeeping that never drives rendering lives outside the state.
  let wanted = { start: 0, end: PAGE_SIZE - 1 };
  /** Generation the cached pages belong to; differs from grid.gen until the new query answers. */
  let pagesGen = 0;
  const inFlight = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | null = null;

  function wantedPages(): number[] {
    const { total, status } = get().grid;
    // Before the first answer the total is unknown; page 0 tells us.
    const last = status === 'ready' && total > 0 ? Math.floor((total - 1) / PAGE_SIZE) : 0;
    const first = Math.min(Math.floor(wanted.start / PAGE_SIZE), last);
    const end = Math.min(Math.floor(wanted.end / PAGE_SIZE), last);
    const out: number[] = [];
    for (let p = Math.max(0, first); p <= end; p++) {
      out.push(p);
    }
    return out;
  }

  function pump(): void {
    timer = null;
    const { gen, module, pages } = get().grid;
    if (module === null) {
      return;
    }
    for (const page of wantedPages()) {
      const key = `${gen}:${page}`;
      const cached = pagesGen === gen && pages[page] !== undefined;
      if (cached || inFlight.has(key)) {
        continue;
      }
      if (inFlight.size >= MAX_IN_FLIGHT) {
        schedule();
        return;
      }
      void fetchPage(gen, page);
    }
  }

  function schedule(): void {
    timer ??= setTimeout(pump, FETCH_INTERVAL_MS);
  }

  async function fetchPage(gen: number, page: number): Promise<void> {
    const key = `${gen}:${page}`;
    inFlight.add(key);
    const { module, sort, search } = get().grid;
    if (module === null) {
      inFlight.delete(key);
      return;
    }
    try {
      const res = await client.invoke('replica.page', {
        module,
        offset: page * PAGE_SIZE,
        limit: PAGE_SIZE,
        sort,
        search,
      });
      if (get().grid.gen !== gen) {
        return;
      }
      set((s) => {
        const pages = pagesGen === gen ? { ...s.grid.pages } : {};
        pagesGen = gen;
        pages[page] = res.rows;
        evict(pages);
        return {
          grid: { ...s.grid, pages, total: res.total, columns: res.columns, status: 'ready', error: null },
        };
      });
    } catch (err) {
      if (get().grid.gen === gen) {
        set((s) => ({ grid: { ...s.grid, status: 'error', error: uiError(err) } }));
      }
    } finally {
      inFlight.delete(key);
    }
    // A later range may have been waiting for a free slot.
    schedule();
  }

  /** Drops the pages farthest from the visible range until at most MAX_PAGES remain. */
  function evict(pages: Record<number, PageRow[]>): void {
    const keys = Object.keys(pages).map(Number);
    if (keys.length <= MAX_PAGES) {
      return;
    }
    const centre = (wanted.start + wanted.end) / 2 / PAGE_SIZE;
    keys.sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre));
    for (const k of keys.slice(0, keys.length - MAX_PAGES)) {
      delete pages[k];
    }
  }

  function requery(next: Partial<GridState>, mode: 'clear' | 'top' | 'keep'): void {
    if (mode !== 'keep') {
      // A new module, sort or search moves the view to the top, so the first page is what matters.
      wanted = { start: 0, end: PAGE_SIZE - 1 };
    }
    set((s) => {
      const gen = s.grid.gen + 1;
      const viewId = mode === 'keep' ? s.grid.viewId : s.grid.viewId + 1;
      if (mode === 'clear') {
        pagesGen = gen;
        const module = next.module ?? s.grid.module;
        return { grid: { ...EMPTY_GRID, ...next, module, status: 'loading', gen, viewId } };
      }
      return { grid: { ...s.grid, ...next, gen, viewId } };
    });
    pump();
  }

  return {
    grid: EMPTY_GRID,

    setGridQuery({ module, sort, search }) {
      if (module === null) {
        set((s) => ({ grid: { ...EMPTY_GRID, gen: s.grid.gen + 1, viewId: s.grid.viewId + 1 } }));
        return;
      }
      requery({ module, sort, search }, 'clear');
    },

    setGridSort(sort) {
      requery({ sort }, 'top');
    },

    setGridSearch(search) {
      if (search !== get().grid.search) {
        requery({ search }, 'top');
      }
    },

    refreshGrid() {
      if (get().grid.module !== null) {
        requery({}, 'keep');
      }
    },

    ensureRows(start, end) {
      wanted = { start, end };
      schedule();
    },
  };
};
