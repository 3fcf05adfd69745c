/**
 * The batch grid: a windowed view over the batch's rows (pages of 200, scaled scroll height as
 * in the replica grid), with cell navigation, inline editing and row selection.
 *
 * Keys: arrows move the active cell, Page Up/Down and Home/End move by pages and to the ends,
 * Enter or F2 edits the active cell (Enter saves, Escape cancels), Space ticks the row.
 */
import { useScrollViewport } from '../../components/use-scroll-viewport';
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { useAppStore } from '../../store';
import { BATCH_PAGE_SIZE, batchRowAt } from '../../store/batch-pages';
import { rowAtScrollTop, scrollTopForRow, windowGeometry } from '../replica/scaled-window';
import { batchLayout, cellIssues, LEADING_COLUMNS, ROW_NO_WIDTH, rowIssues, SELECT_WIDTH, worst, type BatchColumn } from './batch-columns';
import { BatchGridHeader } from './BatchGridHeader';
import { BatchGridRow, type CellEditor } from './BatchGridRow';

const ROW_HEIGHT = 28;
const HEADER_HEIGHT = 32;
const OVERSCAN = 8;

/** A request from outside the grid (the row panel) to edit a cell. */
export interface EditRequest {
  row: number;
  field: string;
  /** Bumped per request, so the same cell can be asked twice. */
  n: number;
}

/** Props of BatchGrid. */
export interface BatchGridProps {
  gridRef: RefObject<HTMLDivElement | null>;
  columns: BatchColumn[];
  label: string;
  editRequest: EditRequest | null;
}

interface Editing {
  index: number;
  col: number;
  row: number;
  field: string;
  original: string;
}

/** The grid and the status line of its active cell. */
export function BatchGrid({ gridRef, columns, label, editRequest }: BatchGridProps): ReactNode {
  const rows = useAppStore((s) => s.batch.rows);
  const header = useAppStore((s) => s.batch.summary?.header ?? []);
  const selection = useAppStore((s) => s.batch.selection);
  const panelRow = useAppStore((s) => s.batch.activeRow?.row ?? null);
  const ensureRows = useAppStore((s) => s.ensureBatchRows);
  const setActiveRow = useAppStore((s) => s.setActiveRow);
  const setRowSelected = useAppStore((s) => s.setRowSelected);
  const editCell = useAppStore((s) => s.editBatchCell);
  const baseId = useId();
  const statusId = `${baseId}-status`;

  const [active, setActive] = useState<{ index: number; col: number }>({ index: -1, col: LEADING_COLUMNS });
  const [editing, setEditing] = useState<Editing | null>(null);
  const [draft, setDraft] = useState('');
  // Blur follows Enter/Escape; the ref makes the second close a no-op.
  const editingRef = useRef<Editing | null>(null);
  const total = rows.total;

  const { scrollTop, viewport, setScrollTop } = useScrollViewport(gridRef, HEADER_HEIGHT);

  const geometry = windowGeometry(total, scrollTop, viewport, ROW_HEIGHT, OVERSCAN);
  const { firstRow, lastRow } = geometry;

  useEffect(() => {
    if (lastRow >= firstRow) ensureRows(firstRow, lastRow);
  }, [firstRow, lastRow, ensureRows]);

  // A new filter or batch starts at the top.
  useEffect(() => {
    setActive((a) => ({ index: -1, col: a.col }));
    editingRef.current = null;
    setEditing(null);
    if (gridRef.current) gridRef.current.scrollTop = 0;
    setScrollTop(0);
  }, [rows.viewId, gridRef]);

  // The side panel follows the active row.
  const activeRowData = active.index >= 0 ? batchRowAt(rows, active.index) : undefined;
  useEffect(() => {
    if (activeRowData !== undefined && activeRowData.row !== panelRow) setActiveRow(activeRowData);
  }, [activeRowData, panelRow, setActiveRow]);

  const scrollIntoView = useCallback(
    (index: number, col: number) => {
      const el = gridRef.current;
      if (!el) return;
      const vp = Math.max(0, el.clientHeight - HEADER_HEIGHT);
      const g = windowGeometry(total, el.scrollTop, vp, ROW_HEIGHT, 0);
      const top = index * ROW_HEIGHT + g.offset;
      if (top < el.scrollTop) {
        el.scrollTop = Math.floor(scrollTopForRow(index, total, vp, ROW_HEIGHT, 'top'));
      } else if (top + ROW_HEIGHT > el.scrollTop + vp) {
        el.scrollTop = Math.ceil(scrollTopForRow(index, total, vp, ROW_HEIGHT, 'bottom'));
      }
      if (col >= LEADING_COLUMNS) {
        // The two leading columns stay put (sticky); keep the cell clear of them.
        const sticky = SELECT_WIDTH + ROW_NO_WIDTH;
        const left = sticky + columns.slice(0, col - LEADING_COLUMNS).reduce((a, c) => a + c.width, 0);
        const width = columns[col - LEADING_COLUMNS]?.width ?? 0;
        if (left - sticky < el.scrollLeft) el.scrollLeft = left - sticky;
        else if (left + width > el.scrollLeft + el.clientWidth) el.scrollLeft = left + width - el.clientWidth;
      }
    },
    [gridRef, total, columns],
  );

  const startEdit = useCallback(
    (index: number, col: number) => {
      const row = batchRowAt(rows, index);
      const column = columns[col - LEADING_COLUMNS];
      if (row === undefined || column === undefined || !column.editable || column.field === null) return;
      // A resolved user is edited by name (a name typed in is resolved again).
      const original = row.display[column.field] ?? row.values[column.field] ?? '';
      const next = { index, col, row: row.row, field: column.field, original };
      editingRef.current = next;
      setActive({ index, col });
      setEditing(next);
      setDraft(original);
      scrollIntoView(index, col);
    },
    [rows, columns, scrollIntoView],
  );

  // "Fix" in the row panel: edit that cell if its row is loaded.
  useEffect(() => {
    if (editRequest === null) return;
    for (const [p, list] of Object.entries(rows.pages)) {
      const at = list.findIndex((r) => r.row === editRequest.row);
      const col = columns.findIndex((c) => c.field === editRequest.field);
      if (at >= 0 && col >= 0) {
        startEdit(Number(p) * BATCH_PAGE_SIZE + at, col + LEADING_COLUMNS);
        return;
      }
    }
    // Only a new request starts an edit, not every page that arrives afterwards.
  }, [editRequest]);

  const close = (save: boolean): void => {
    const e = editingRef.current;
    if (e === null) return;
    editingRef.current = null;
    setEditing(null);
    gridRef.current?.focus({ preventScroll: true });
    if (save && draft !== e.original) {
      void editCell(e.row, e.field, draft);
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (e.target !== e.currentTarget || total === 0) return;
    const el = gridRef.current;
    const pageRows = el ? Math.max(1, Math.floor((el.clientHeight - HEADER_HEIGHT) / ROW_HEIGHT) - 1) : 10;
    const lastCol = columns.length + LEADING_COLUMNS - 1;
    const index = Math.max(0, active.index);
    const moves: Record<string, { index: number; col: number }> = {
      ArrowDown: { index: index + 1, col: active.col },
      ArrowUp: { index: index - 1, col: active.col },
      ArrowRight: { index, col: active.col + 1 },
      ArrowLeft: { index, col: active.col - 1 },
      PageDown: { index: index + pageRows, col: active.col },
      PageUp: { index: index - pageRows, col: active.col },
      Home: { index: 0, col: active.col },
      End: { index: total - 1, col: active.col },
    };
    const to = moves[e.key];
    if (to !== undefined && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      const next = { index: Math.max(0, Math.min(total - 1, to.index)), col: Math.max(0, Math.min(lastCol, to.col)) };
      setActive(next);
      scrollIntoView(next.index, next.col);
    } else if ((e.key === 'Enter' || e.key === 'F2') && active.index >= 0) {
      e.preventDefault();
      startEdit(active.index, active.col);
    } else if (e.key === ' ' && active.index >= 0) {
      e.preventDefault();
      const row = batchRowAt(rows, active.index);
      if (row !== undefined) setRowSelected(row.row, !selection.includes(row.row));
    }
  };

  const onFocus = (): void => {
    if (active.index < 0 && total > 0) {
      const el = gridRef.current;
      const first = el ? rowAtScrollTop(el.scrollTop, total, Math.max(0, el.clientHeight - HEADER_HEIGHT), ROW_HEIGHT) : 0;
      setActive({ index: first, col: Math.min(active.col, columns.length + LEADING_COLUMNS - 1) });
    }
  };

  const onCellClick = useCallback((index: number, col: number) => setActive({ index, col }), []);
  const onCellDoubleClick = useCallback((index: number, col: number) => startEdit(index, col), [startEdit]);

  const { template, width } = batchLayout(columns);
  const rendered: ReactNode[] = [];
  for (let i = Math.max(0, firstRow); i <= lastRow; i++) {
    const row = batchRowAt(rows, i);
    const editor: CellEditor | null =
      editing !== null && editing.index === i
        ? {
            col: editing.col,
            draft,
            onDraft: setDraft,
            onCommit: () => close(true),
            onCancel: () => close(false),
            label: `Edit ${columns[editing.col - LEADING_COLUMNS]?.label ?? editing.field}, row ${editing.row}`,
          }
        : null;
    rendered.push(
      <BatchGridRow
        key={i}
        index={i}
        row={row}
        columns={columns}
        header={header}
        domId={`${baseId}-r${i}`}
        top={HEADER_HEIGHT + i * ROW_HEIGHT + geometry.offset}
        template={template}
        width={width}
        activeCol={i === active.index ? active.col : -1}
        selected={row !== undefined && selection.includes(row.row)}
        inPanel={row !== undefined && row.row === panelRow}
        editor={editor}
        onCellClick={onCellClick}
        onCellDoubleClick={onCellDoubleClick}
        onToggle={setRowSelected}
      />,
    );
  }
  const activeRendered = active.index >= firstRow && active.index <= lastRow && activeRowData !== undefined;

  return (
    <>
      <div
        ref={gridRef}
        className="grid-scroll batch-grid"
        role="grid"
        aria-label={label}
        aria-rowcount={total + 1}
        aria-colcount={columns.length + LEADING_COLUMNS}
        aria-busy={rows.status === 'loading'}
        aria-describedby={statusId}
        aria-activedescendant={activeRendered && editing === null ? `${baseId}-r${active.index}-c${active.col}` : undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
      >
        <div className="grid-canvas" style={{ height: HEADER_HEIGHT + geometry.canvasHeight, width }}>
          <BatchGridHeader columns={columns} template={template} width={width} />
          <div role="rowgroup">{rendered}</div>
        </div>
      </div>
      <CellStatus id={statusId} row={activeRowData} columns={columns} col={active.col} header={header} />
    </>
  );
}

interface CellStatusProps {
  id: string;
  row: ReturnType<typeof batchRowAt>;
  columns: readonly BatchColumn[];
  col: number;
  header: readonly string[];
}

/** One line under the grid: the active cell's issues (or how to edit it). */
function CellStatus({ id, row, columns, col, header }: CellStatusProps): ReactNode {
  let text = 'Arrows move, Enter edits a cell, Space ticks a row.';
  let severity: string | null = null;
  const column = columns[col - LEADING_COLUMNS];
  if (row !== undefined && column === undefined) {
    const own = rowIssues(row.issues, columns);
    if (own.length > 0) {
      severity = worst(own);
      text = `Row ${row.row}: ${own.map((i) => `${i.message} (${i.code})`).join('; ')}`;
    } else {
      text = `Row ${row.row}${row.excluded ? ' · excluded' : ''} · Space ticks it`;
    }
  } else if (row !== undefined && column !== undefined) {
    const issues = cellIssues(row.issues, column, header);
    const edited = column.field !== null && row.edited.includes(column.field);
    if (issues.length > 0) {
      severity = issues.some((i) => i.severity === 'error') ? 'error' : 'warning';
      text = `Row ${row.row} · ${column.label}: ${issues.map((i) => `${i.message} (${i.code})`).join('; ')}`;
    } else {
      text = `Row ${row.row} · ${column.label}${edited ? ' · edited' : ''}${column.editable ? ' · Enter to edit' : ' · source value, read-only'}`;
    }
  }
  return (
    <p id={id} className={`cell-status${severity ? ` is-${severity}` : ''}`} aria-live="polite">
      {text}
    </p>
  );
}
