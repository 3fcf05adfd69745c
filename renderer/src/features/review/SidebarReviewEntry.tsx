/**
 * Under a batch in the sidebar: its duplicate review, with the rows still to review, once
 * duplicates were looked for.
 */
import type { ReactNode } from 'react';
import { formatCount } from '../../components/format';
import { useAppStore } from '../../store';

/** Nothing unless this batch has a dedupe run. */
export function SidebarReviewEntry({ batch }: { batch: number }): ReactNode {
  const has = useAppStore((s) => s.review.batch === batch && s.review.run !== null);
  const open = useAppStore((s) => (s.review.batch === batch ? (s.review.counts?.open ?? 0) : 0));
  const current = useAppStore((s) => s.view.kind === 'review' && s.view.batch === batch);
  const openReview = useAppStore((s) => s.openReview);
  if (!has) return null;
  return (
    <button type="button" className="module-item review-entry" aria-current={current ? 'true' : undefined} onClick={() => void openReview(batch)}>
      <span className="module-label">Duplicate review</span>
      <span className="module-count">
        {formatCount(open)}
        <span className="sr-only"> to review</span>
      </span>
    </button>
  );
}
