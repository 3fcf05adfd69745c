/**
 * One item of the review queue: the row and its incoming name, the best score, where the
 * match is (an existing Contact / Lead / Account, or another row of this file) and the
 * decision if any.
 */
import { memo, type ReactNode } from 'react';
import type { ReviewQueueItem } from '../../store/review-types';
import { decisionLabel, formatScore, moduleSingular } from './review-text';

/** Props of QueueOption. */
export interface QueueOptionProps {
  index: number;
  item: ReviewQueueItem | undefined;
  domId: string;
  top: number;
  selected: boolean;
  onSelect(index: number): void;
}

/** Where the best match is, in a few words: "Contact Pat Boyle", "Row 12 of this file". */
function whereText(item: ReviewQueueItem): string {
  const who = item.bestTitle !== null && item.bestTitle !== '' ? ` ${item.bestTitle}` : '';
  if (item.bestModule === null) return item.cluster !== null ? 'Duplicate in this file' : 'No duplicate left';
  return `${moduleSingular(item.bestModule)}${who}`;
}

/** Memoised: only options entering the window, or whose data changed, re-render on scroll. */
export const QueueOption = memo(function QueueOption({ index, item, domId, top, selected, onSelect }: QueueOptionProps): ReactNode {
  if (item === undefined) {
    return (
      <div role="option" id={domId} aria-selected={false} aria-posinset={index + 1} className="queue-item is-loading" style={{ top }}>
        <span className="cell-placeholder">Loading…</span>
      </div>
    );
  }
  const more = item.candidates - (item.bestModule !== null ? 1 : 0);
  // A row with nothing left to match (split out) has no score worth showing.
  const lone = item.bestModule === null && item.cluster === null;
  const score = lone ? null : item.bestScore;
  const decided = item.decision !== null;
  const label = `Row ${item.row}: ${item.title || '(no name)'}, ${whereText(item)}${score !== null ? `, ${formatScore(score)}` : ''}${decided && item.decision !== null ? `, ${decisionLabel(item.decision)}` : ''}`;
  return (
    <div
      role="option"
      id={domId}
      aria-selected={selected}
      aria-posinset={index + 1}
      aria-label={label}
      className={`queue-item${selected ? ' is-selected' : ''}${decided ? ' is-decided' : ''}`}
      style={{ top }}
      onClick={() => onSelect(index)}
    >
      <div className="queue-line">
        <span className="queue-row">Row {item.row}</span>
        <span className="queue-title">{item.title || '(no name)'}</span>
        {score !== null && <span className={`score ${scoreClass(score)}`}>{formatScore(score)}</span>}
      </div>
      <div className="queue-line queue-sub">
        <span className={`where where-${lone ? 'none' : item.bestModule === null ? 'file' : item.bestModule.toLowerCase()}`}>{whereText(item)}</span>
        {more > 0 && <span className="muted">+{more} more</span>}
        {item.bestModule !== null && item.cluster !== null && <span className="muted">· also in this file</span>}
        {item.decision !== null && <span className={`decision-badge decision-${item.decision.action}`}>{shortDecision(item)}</span>}
      </div>
    </div>
  );
});

/** A decision short enough for the queue ("Merge → Contact", "Merged into row 12"). */
function shortDecision(item: ReviewQueueItem): string {
  const d = item.decision;
  if (d === null) return '';
  return d.action === 'merge' ? `Merge → ${moduleSingular(d.module)}` : decisionLabel(d);
}

/** High, middling or low score, for colour. */
export function scoreClass(score: number): string {
  if (score >= 0.9) return 'score-high';
  if (score >= 0.75) return 'score-mid';
  return 'score-low';
}
