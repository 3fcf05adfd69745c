/**
 * A batch's review counts in one line: rows still to review, then each decision.
 */
import type { ReactNode } from 'react';
import { formatCount } from '../../components/format';
import type { ReviewCounts } from '../../store/review-types';

/** "14 to review · 3 merge · 1 create · 1 skip · 2 merged into another row". */
export function ReviewCountsLine({ counts }: { counts: ReviewCounts }): ReactNode {
  const parts: { key: string; text: string; cls: string }[] = [
    { key: 'open', text: `${formatCount(counts.open)} to review`, cls: 'count-open' },
    { key: 'merge', text: `${formatCount(counts.merge)} merge`, cls: 'count-merge' },
    { key: 'create', text: `${formatCount(counts.create)} create`, cls: 'count-create' },
    { key: 'skip', text: `${formatCount(counts.skip)} skip`, cls: 'count-skip' },
    { key: 'row', text: `${formatCount(counts.mergeRow)} merged into another row`, cls: 'count-merge-row' },
  ];
  return (
    <p className="review-counts" role="status" aria-label="Review counts">
      {parts.map((p, i) => (
        <span key={p.key}>
          {i > 0 && <span aria-hidden="true"> · </span>}
          <span className={`count ${p.cls}`}>{p.text}</span>
        </span>
      ))}
    </p>
  );
}
