/**
 * The batch grid's sticky header row; each data header's accessible name is the field label
 * (or "<header> (source)" for source columns).
 */
import type { ReactNode } from 'react';
import type { BatchColumn } from './batch-columns';

/** Props of BatchGridHeader. */
export interface BatchGridHeaderProps {
  columns: readonly BatchColumn[];
  template: string;
  width: number;
}

/** The header row. */
export function BatchGridHeader({ columns, template, width }: BatchGridHeaderProps): ReactNode {
  return (
    <div role="rowgroup" className="grid-head">
      <div role="row" aria-rowindex={1} className="grid-row grid-header-row" style={{ gridTemplateColumns: template, width }}>
        <div role="columnheader" aria-colindex={1} className="grid-th lead-cell select-cell">
          <span className="sr-only">Select</span>
        </div>
        <div role="columnheader" aria-colindex={2} className="grid-th lead-cell row-no-cell th-static">
          Row
        </div>
        {columns.map((col, ci) => (
          <div
            key={col.key}
            role="columnheader"
            aria-colindex={ci + 3}
            className={`grid-th th-static${col.kind === 'source' ? ' is-source' : ''}`}
            title={col.title}
          >
            <span className="th-label">{col.label}</span>
          </div>
        ))}
      </div>
    </div>
  );
}
