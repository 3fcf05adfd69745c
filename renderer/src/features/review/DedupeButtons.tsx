/**
 * The batch toolbar's duplicate actions: "Find duplicates" (or "Find again"), and once a run
 * exists "Review duplicates (N to review)".
 */
import { useEffect, type ReactNode } from 'react';
import { formatCount } from '../../components/format';
import { useAppStore } from '../../store';

/** Props of DedupeButtons. */
export interface DedupeButtonsProps {
  batch: number;
  /** Another change on the batch is running. */
  busy: boolean;
}

/** Two buttons; reads the batch's dedupe status when the batch opens. */
export function DedupeButtons({ batch, busy }: DedupeButtonsProps): ReactNode {
  const load = useAppStore((s) => s.loadReviewStatus);
  const find = useAppStore((s) => s.findDuplicates);
  const openReview = useAppStore((s) => s.openReview);
  const mine = useAppStore((s) => s.review.batch === batch);
  const run = useAppStore((s) => (s.review.batch === batch ? s.review.run : null));
  const counts = useAppStore((s) => (s.review.batch === batch ? s.review.counts : null));
  const running = useAppStore((s) => s.dedupeJob !== null);

  useEffect(() => {
    void load(batch);
  }, [batch, load]);

  const open = counts?.open ?? 0;
  return (
    <span className="toolbar-group" role="group" aria-label="Duplicates">
      <button
        type="button"
        className="button"
        disabled={busy || running || !mine}
        onClick={() => void find(batch)}
        title="Compare every row with the replica (Zoho's own rules first, then similar names, emails, phones and companies) and with the other rows of this file"
      >
        {running ? 'Finding duplicates…' : run === null ? 'Find duplicates' : 'Find duplicates again'}
      </button>
      {run !== null && (
        <button type="button" className={`button${open > 0 ? ' button-primary' : ''}`} disabled={running} onClick={() => void openReview(batch)}>
          Review duplicates{open > 0 ? ` (${formatCount(open)} to review)` : ''}
        </button>
      )}
    </span>
  );
}
