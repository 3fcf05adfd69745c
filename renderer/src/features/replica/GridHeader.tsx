/**
 * The sticky header row of the replica grid, with click-to-sort column headers.
 */
import type { ReactNode } from 'react';
import type { GridSort } from '../../store/grid-slice';
import type { ReplicaColumn } from '../../store/types';

/** Props of GridHeader. */
export interface GridHeaderProps {
  columns: ReplicaColumn[];
  sort: GridSort | null;
  template: string;
  width: number;
  /** Id of the hidden note that explains the "unmatched" marker. */
  unmatchedNoteId: string;
  onSort(sort: GridSort | null): void;
}

/** Sort cycles none -> ascending -> descending -> none, as in most spreadsheet tools. */
function nextSort(current: GridSort | null, key: string): GridSort | null {
  if (current === null || current.key !== key) {
    return { key, dir: 'asc' };
  }
  return current.dir === 'asc' ? { key, dir: 'desc' } : null;
}

/** Header row; each header's accessible name is exactly the column label. */
export function GridHeader({ columns, sort, template, width, unmatchedNoteId, onSort }: GridHeaderProps): ReactNode {
  return (
    <div role="rowgroup" className="grid-head">
      <div role="row" aria-rowindex={1} className="grid-row grid-header-row" style={{ gridTemplateColumns: template, width }}>
        {columns.map((col, ci) => {
          const dir = sort !== null && sort.key === col.key ? sort.dir : null;
          return (
            <div
              key={col.key}
              role="columnheader"
              aria-colindex={ci + 1}
              aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none'}
              className={col.known ? 'grid-th' : 'grid-th is-unmatched'}
            >
              <button
                type="button"
                className="th-button"
                onClick={() => onSort(nextSort(sort, col.key))}
                aria-describedby={col.known ? undefined : unmatchedNoteId}
                title={col.known ? `${col.label} (${col.key}, ${col.dataType})` : `${col.key}: not matched to a field`}
              >
                <span className="th-label">{col.label}</span>
                {!col.known && (
                  <span className="th-tag" aria-hidden="true">
                    unmatched
                  </span>
                )}
                <span className="sort-icon" aria-hidden="true">
                  {dir === 'asc' ? '▲' : dir === 'desc' ? '▼' : ''}
                </span>
              </button>
            </div>
          );
        })}
      </div>
    </div>
  );
}
