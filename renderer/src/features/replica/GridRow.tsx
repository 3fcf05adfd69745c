/**
 * One row of the replica grid (or its placeholder while the page is loading).
 */
import { memo, type ReactNode } from 'react';
import type { PageRow, ReplicaColumn } from '../../store/types';

/** Props of GridRow. */
export interface GridRowProps {
  /** Zero-based index of the row in the whole query result. */
  index: number;
  row: PageRow | undefined;
  columns: ReplicaColumn[];
  /** DOM id, so the grid can point aria-activedescendant at it. */
  domId: string;
  top: number;
  template: string;
  width: number;
  active: boolean;
  selected: boolean;
  onActivate(index: number, row: PageRow | undefined): void;
}

/**
 * Memoised: while scrolling, the grid re-renders every frame, and only rows entering the
 * window should do any work.
 */
export const GridRow = memo(function GridRow(props: GridRowProps): ReactNode {
  const { index, row, columns, domId, top, template, width, active, selected, onActivate } = props;
  const classes = ['grid-row'];
  if (index % 2 === 1) classes.push('is-odd');
  if (active) classes.push('is-active');
  if (selected) classes.push('is-selected');
  if (row === undefined) classes.push('is-loading');

  return (
    <div
      role="row"
      id={domId}
      aria-rowindex={index + 2}
      aria-selected={selected}
      className={classes.join(' ')}
      // Tops stay within a couple of million pixels (scaled-window.ts), where positions are exact.
      style={{ top, gridTemplateColumns: template, width }}
      onClick={() => onActivate(index, row)}
    >
      {columns.map((col, ci) => {
        const text = row?.cells[col.key] ?? '';
        return (
          <div
            key={col.key}
            role="gridcell"
            aria-colindex={ci + 1}
            className={col.known ? 'grid-cell' : 'grid-cell is-unmatched'}
            title={text.length > 24 ? text : undefined}
          >
            {row === undefined ? (ci === 0 ? <span className="cell-placeholder">Loading…</span> : null) : text}
          </div>
        );
      })}
    </div>
  );
});
