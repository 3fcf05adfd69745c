/**
 * The batch's live counts, replaced by every summary the core returns.
 */
import type { ReactNode } from 'react';
import { formatCount } from '../../components/format';
import type { BatchSummary } from '../../store/types';

/** "N valid · N with warnings · N with errors · N excluded". */
export function BatchCounts({ summary }: { summary: BatchSummary }): ReactNode {
  return (
    <p className="batch-counts" role="status" aria-label="Batch counts">
      <span className="count count-valid">{formatCount(summary.valid)} valid</span>
      <span aria-hidden="true"> · </span>
      <span className="count count-warning">{formatCount(summary.warnings)} with warnings</span>
      <span aria-hidden="true"> · </span>
      <span className="count count-error">{formatCount(summary.invalid)} with errors</span>
      <span aria-hidden="true"> · </span>
      <span className="count count-excluded">{formatCount(summary.excluded)} excluded</span>
    </p>
  );
}
