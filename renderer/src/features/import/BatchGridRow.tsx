/**
 * One row of the batch grid: a checkbox, the row number, and a cell per column, with issues
 * and edits marked; one cell may hold the inline editor.
 */
import { memo, useEffect, useRef, type ReactNode } from 'react';
import type { BatchRow } from '../../store/types';
import { cellIssues, LEADING_COLUMNS, rowIssues, worst, type BatchColumn } from './batch-columns';

/** The inline editor's state, when it is in this row. */
export interface CellEditor {
  col: number;
  draft: string;
  onDraft(value: string): void;
  onCommit(): void;
  onCancel(): void;
  label: string;
}

/** Props of BatchGridRow. */
export interface BatchGridRowProps {
  index: number;
  row: BatchRow | undefined;
  columns: readonly BatchColumn[];
  header: readonly string[];
  domId: string;
  top: number;
  template: string;
  width: number;
  /** Active column when this row holds the active cell, else -1. */
  activeCol: number;
  selected: boolean;
  inPanel: boolean;
  editor: CellEditor | null;
  onCellClick(index: number, col: number): void;
  onCellDoubleClick(index: number, col: number): void;
  onToggle(row: number, selected: boolean): void;
}

/** Memoised: only rows entering the window, or whose data changed, re-render while scrolling. */
export const BatchGridRow = memo(function BatchGridRow(props: BatchGridRowProps): ReactNode {
  const { index, row, columns, header, domId, top, template, width, activeCol, selected, inPanel, editor } = props;
  const classes = ['grid-row', 'batch-row'];
  if (index % 2 === 1) classes.push('is-odd');
  if (activeCol >= 0) classes.push('is-active');
  if (inPanel) classes.push('is-selected');
  if (row === undefined) classes.push('is-loading');
  if (row?.excluded) classes.push('is-excluded');

  const cellId = (col: number): string => `${domId}-c${col}`;
  const cellClass = (col: number, extra: string): string => `grid-cell ${extra}${activeCol === col ? ' is-active-cell' : ''}`;

  if (row === undefined) {
    return (
      <div role="row" id={domId} aria-rowindex={index + 2} className={classes.join(' ')} style={{ top, gridTemplateColumns: template, width }}>
        <div role="gridcell" aria-colindex={1} className="grid-cell lead-cell" />
        <div role="gridcell" aria-colindex={2} className="grid-cell lead-cell row-no-cell">
          <span className="cell-placeholder">Loading…</span>
        </div>
      </div>
    );
  }

  const rowLevel = rowIssues(row.issues, columns);
  const rowSeverity = worst(row.issues);

  return (
    <div
      role="row"
      id={domId}
      aria-rowindex={index + 2}
      aria-label={`Row ${row.row}`}
      aria-selected={selected}
      className={classes.join(' ')}
      style={{ top, gridTemplateColumns: template, width }}
    >
      <div role="gridcell" id={cellId(0)} aria-colindex={1} className={cellClass(0, 'lead-cell select-cell')} onClick={() => props.onCellClick(index, 0)}>
        <input
          type="checkbox"
          tabIndex={-1}
          aria-label={`Select row ${row.row}`}
          checked={selected}
          onChange={(e) => props.onToggle(row.row, e.target.checked)}
        />
      </div>
      <div
        role="gridcell"
        id={cellId(1)}
        aria-colindex={2}
        className={cellClass(1, `lead-cell row-no-cell${worst(rowLevel) ? ` row-${worst(rowLevel) ?? ''}` : ''}`)}
        title={rowLevel.length > 0 ? rowLevel.map((i) => `${i.code}: ${i.message}`).join('\n') : undefined}
        onClick={() => props.onCellClick(index, 1)}
      >
        <span className="row-no">{row.row}</span>
        {row.excluded && <span className="badge">excluded</span>}
        {!row.excluded && rowSeverity !== null && (
          <span className={`sev-dot sev-${rowSeverity}`} aria-hidden="true" />
        )}
      </div>
      {columns.map((col, ci) => {
        const c = ci + LEADING_COLUMNS;
        const text = col.kind === 'field' ? (row.values[col.field ?? ''] ?? '') : (row.source[col.source ?? -1] ?? '');
        // A resolved user shows by name, as a lookup does; the id Zoho gets is in the tooltip.
        const shownName = col.kind === 'field' ? row.display[col.field ?? ''] : undefined;
        const issues = cellIssues(row.issues, col, header);
        const severity = worst(issues);
        const edited = col.kind === 'field' && row.edited.includes(col.field ?? '');
        const extra = [col.kind === 'source' ? 'is-source' : '', severity ? `has-${severity}` : '', edited ? 'is-edited' : ''].join(' ');
        const tip = [
          ...issues.map((i) => `${i.severity === 'error' ? 'Error' : 'Warning'} ${i.code}: ${i.message}`),
          edited ? 'Edited by you (revert it from the row panel)' : '',
          shownName !== undefined ? `${shownName}: sent to Zoho as ${text}` : '',
        ]
          .filter((t) => t !== '')
          .join('\n');
        const editing = editor !== null && editor.col === c;
        return (
          <div
            key={col.key}
            role="gridcell"
            id={cellId(c)}
            aria-colindex={c + 1}
            aria-invalid={severity === 'error' ? true : undefined}
            aria-readonly={col.editable ? undefined : true}
            className={cellClass(c, extra)}
            title={tip !== '' ? tip : text.length > 24 ? text : undefined}
            onClick={() => props.onCellClick(index, c)}
            onDoubleClick={() => props.onCellDoubleClick(index, c)}
          >
            {editing ? <EditInput editor={editor} /> : (shownName ?? text)}
          </div>
        );
      })}
    </div>
  );
});

function EditInput({ editor }: { editor: CellEditor }): ReactNode {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);
  return (
    <input
      ref={ref}
      className="cell-input"
      aria-label={editor.label}
      value={editor.draft}
      onChange={(e) => editor.onDraft(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          e.stopPropagation();
          editor.onCommit();
        } else if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          editor.onCancel();
        }
      }}
      onBlur={editor.onCommit}
      onClick={(e) => e.stopPropagation()}
      onDoubleClick={(e) => e.stopPropagation()}
    />
  );
}
