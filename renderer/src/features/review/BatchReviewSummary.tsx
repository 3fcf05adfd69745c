/**
 * On the batch screen, under the batch counts: what the duplicate review has decided so far,
 * whether its results are out of date, and the outcome of the last search.
 */
import type { ReactNode } from 'react';
import { formatDateTime } from '../../components/format';
import { useAppStore } from '../../store';
import { ReviewCountsLine } from './ReviewCountsLine';

/** Nothing until the batch has a dedupe run (the toolbar offers "Find duplicates"). */
export function BatchReviewSummary({ batch }: { batch: number }): ReactNode {
  const run = useAppStore((s) => (s.review.batch === batch ? s.review.run : null));
  const stale = useAppStore((s) => s.review.batch === batch && s.review.stale);
  const counts = useAppStore((s) => (s.review.batch === batch ? s.review.counts : null));
  if (run === null || counts === null) return null;
  return (
    <div className="batch-review-summary">
      <span className="toolbar-caption">Duplicates</span>
      <ReviewCountsLine counts={counts} />
      <span className="muted review-ran">
        found {formatDateTime(run.ranAt)}
        {stale ? ' · out of date: the batch or the replica changed since' : ''}
      </span>
    </div>
  );
}
