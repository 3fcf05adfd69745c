/**
 * The replica grid: a windowed, sortable view over a module's records.
 *
 * Only the visible rows (plus a few either side) are in the DOM, and only their pages are
 * fetched; the scroll height is capped and scaled beyond a couple of million pixels (see
 * scaled-window.ts), so a million-row module scrolls and paints like a small one.
 */
import { useScrollViewport } from '../../components/use-scroll-viewport';
import { useCallback, useEffect, useId, useState, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { useAppStore } from '../../store';
import { rowAt } from '../../store/grid-slice';
import type { PageRow } from '../../store/types';
import { columnLayout } from './grid-columns';
import { GridHeader } from './GridHeader';
import { GridRow } from './GridRow';
import { rowAtScrollTop, scrollTopForRow, windowGeometry } from './scaled-window';

/** Fixed row height in pixels (CSS uses the same value). */
export const ROW_HEIGHT = 28;
const HEADER_HEIGHT = 32;
const OVERSCAN = 8;

/** Props of ReplicaGrid. */
export interface ReplicaGridProps {
  /** Module label, for the grid's accessible name. */
  label: string;
  /** The scroll element (also the focusable grid), so the record panel can return focus. */
  gridRef: RefObject<HTMLDivElement | null>;
  /** Called when a row is opened from the keyboard, so the panel can take focus. */
  onKeyboardOpen(): void;
}

/** The grid, or nothing when there are no columns yet. */
export function ReplicaGrid({ label, gridRef, onKeyboardOpen }: ReplicaGridProps): ReactNode {
  const module = useAppStore((s) => s.grid.module);
  const total = useAppStore((s) => s.grid.total);
  const columns = useAppStore((s) => s.grid.columns);
  const pages = useAppStore((s) => s.grid.pages);
  const sort = useAppStore((s) => s.grid.sort);
  const viewId = useAppStore((s) => s.grid.viewId);
  const busy = useAppStore((s) => s.grid.status === 'loading');
  const ensureRows = useAppStore((s) => s.ensureRows);
  const setSort = useAppStore((s) => s.setGridSort);
  const openRecord = useAppStore((s) => s.openRecord);
  const openId = useAppStore((s) => (s.record.target?.module === module ? s.record.target.id : null));
  const [active, setActive] = useState(-1);
  const baseId = useId();
  const noteId = `${baseId}-unmatched`;


  const { scrollTop, viewport, setScrollTop } = useScrollViewport(gridRef, HEADER_HEIGHT);

  const geometry = windowGeometry(total, scrollTop, viewport, ROW_HEIGHT, OVERSCAN);
  const { firstRow, lastRow } = geometry;

  useEffect(() => {
    if (lastRow >= firstRow) {
      ensureRows(firstRow, lastRow);
    }
  }, [firstRow, lastRow, ensureRows]);

  // A new module, sort or search starts at the top with nothing active.
  useEffect(() => {
    setActive(-1);
    if (gridRef.current) {
      gridRef.current.scrollTop = 0;
    }
    setScrollTop(0);
  }, [viewId, gridRef]);

  const scrollIntoView = useCallback(
    (index: number) => {
      const el = gridRef.current;
      if (!el) return;
      const vp = Math.max(0, el.clientHeight - HEADER_HEIGHT);
      const g = windowGeometry(total, el.scrollTop, vp, ROW_HEIGHT, 0);
      const top = index * ROW_HEIGHT + g.offset;
      // Scroll positions are whole pixels; round towards the side that keeps the row in view.
      if (top < el.scrollTop) {
        el.scrollTop = Math.floor(scrollTopForRow(index, total, vp, ROW_HEIGHT, 'top'));
      } else if (top + ROW_HEIGHT > el.scrollTop + vp) {
        el.scrollTop = Math.ceil(scrollTopForRow(index, total, vp, ROW_HEIGHT, 'bottom'));
      }
    },
    [gridRef, total],
  );

  const activate = useCallback(
    (index: number, row: PageRow | undefined) => {
      setActive(index);
      if (row !== undefined && module !== null) {
        void openRecord({ module, id: row.id });
      }
    },
    [module, openRecord],
  );

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (e.target !== e.currentTarget || total === 0) {
      return;
    }
    const el = gridRef.current;
    const pageRows = el ? Math.max(1, Math.floor((el.clientHeight - HEADER_HEIGHT) / ROW_HEIGHT) - 1) : 10;
    const moves: Record<string, number> = {
      ArrowDown: active + 1,
      ArrowUp: active - 1,
      PageDown: active + pageRows,
      PageUp: active - pageRows,
      Home: 0,
      End: total - 1,
    };
    const to = moves[e.key];
    if (to !== undefined) {
      e.preventDefault();
      const clamped = Math.max(0, Math.min(total - 1, to));
      setActive(clamped);
      scrollIntoView(clamped);
    } else if ((e.key === 'Enter' || e.key === ' ') && active >= 0) {
      e.preventDefault();
      const row = rowAt(pages, active);
      if (row !== undefined) {
        activate(active, row);
        onKeyboardOpen();
      }
    }
  };

  const onFocus = (): void => {
    if (active < 0 && total > 0) {
      const el = gridRef.current;
      setActive(el ? rowAtScrollTop(el.scrollTop, total, Math.max(0, el.clientHeight - HEADER_HEIGHT), ROW_HEIGHT) : 0);
    }
  };

  const { template, width } = columnLayout(columns);
  const rows: ReactNode[] = [];
  for (let i = Math.max(0, firstRow); i <= lastRow; i++) {
    const row = rowAt(pages, i);
    rows.push(
      <GridRow
        key={i}
        index={i}
        row={row}
        columns={columns}
        domId={`${baseId}-r${i}`}
        top={HEADER_HEIGHT + i * ROW_HEIGHT + geometry.offset}
        template={template}
        width={width}
        active={i === active}
        selected={row !== undefined && row.id === openId}
        onActivate={activate}
      />,
    );
  }
  const activeRendered = active >= firstRow && active <= lastRow;

  return (
    <div
      ref={gridRef}
      className="grid-scroll"
      role="grid"
      aria-label={`${label} records`}
      aria-rowcount={total + 1}
      aria-colcount={columns.length}
      aria-busy={busy}
      aria-activedescendant={activeRendered ? `${baseId}-r${active}` : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onFocus={onFocus}
    >
      <div className="grid-canvas" style={{ height: HEADER_HEIGHT + geometry.canvasHeight, width }}>
        <GridHeader
          columns={columns}
          sort={sort}
          template={template}
          width={width}
          unmatchedNoteId={noteId}
          onSort={setSort}
        />
        <div role="rowgroup">{rows}</div>
      </div>
      <span id={noteId} hidden>
        Not matched to a field of this module; kept as text.
      </span>
    </div>
  );
}
