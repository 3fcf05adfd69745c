/**
 * The review queue: a windowed listbox over the queue's pages (the same scaled-window scheme
 * as the batch grid, so a million rows scroll like a hundred), with its filter and sort.
 *
 * Keys while it has focus: ↓/↑ or J/K move, Home/End and Page Up/Down jump.
 */
import { useCallback, useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatCount } from '../../components/format';
import { Segmented } from '../../components/Segmented';
import { useScrollViewport } from '../../components/use-scroll-viewport';
import { useAppStore } from '../../store';
import { queueItemAt } from '../../store/review-queue-pages';
import type { QueueFilter, QueueSort } from '../../store/review-types';
import { scrollTopForRow, windowGeometry } from '../replica/scaled-window';
import { QueueOption } from './QueueOption';

const ITEM_HEIGHT = 56;
const OVERSCAN = 6;

const FILTERS: { value: QueueFilter; label: string }[] = [
  { value: 'open', label: 'Open' },
  { value: 'decided', label: 'Decided' },
  { value: 'all', label: 'All' },
];
const SORTS: { value: QueueSort; label: string }[] = [
  { value: 'score', label: 'Best first' },
  { value: 'row', label: 'Row order' },
];

const EMPTY_TEXT: Record<QueueFilter, string> = {
  open: 'Nothing left to review under this filter.',
  decided: 'No row is decided yet.',
  all: 'No row has a duplicate candidate.',
};

/** Filter, sort and the list. */
export function ReviewQueue(): ReactNode {
  const queue = useAppStore((s) => s.review.queue);
  const filter = useAppStore((s) => s.review.filter);
  const sort = useAppStore((s) => s.review.sort);
  const selectedIndex = useAppStore((s) => s.review.selectedIndex);
  const counts = useAppStore((s) => s.review.counts);
  const setFilter = useAppStore((s) => s.setReviewFilter);
  const setSort = useAppStore((s) => s.setReviewSort);
  const ensure = useAppStore((s) => s.ensureQueueRows);
  const select = useAppStore((s) => s.selectQueueIndex);
  const move = useAppStore((s) => s.moveQueueSelection);
  const ref = useRef<HTMLDivElement>(null);
  const baseId = useId();
  const { scrollTop, viewport, setScrollTop } = useScrollViewport(ref, 0);
  const total = queue.total;
  const geometry = windowGeometry(total, scrollTop, viewport, ITEM_HEIGHT, OVERSCAN);
  const { firstRow, lastRow } = geometry;

  useEffect(() => {
    if (lastRow >= firstRow) ensure(firstRow, lastRow);
  }, [firstRow, lastRow, ensure]);

  useEffect(() => {
    if (ref.current) ref.current.scrollTop = 0;
    setScrollTop(0);
  }, [queue.viewId, setScrollTop]);

  // Keep the selected item in view whoever moved it (keys anywhere on the screen, a decision).
  useEffect(() => {
    const el = ref.current;
    if (el === null || selectedIndex < 0 || total === 0) return;
    const g = windowGeometry(total, el.scrollTop, el.clientHeight, ITEM_HEIGHT, 0);
    const top = selectedIndex * ITEM_HEIGHT + g.offset;
    if (top < el.scrollTop) el.scrollTop = Math.floor(scrollTopForRow(selectedIndex, total, el.clientHeight, ITEM_HEIGHT, 'top'));
    else if (top + ITEM_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = Math.ceil(scrollTopForRow(selectedIndex, total, el.clientHeight, ITEM_HEIGHT, 'bottom'));
  }, [selectedIndex, total]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const page = Math.max(1, Math.floor(viewport / ITEM_HEIGHT) - 1);
    const steps: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page };
    const step = steps[e.key];
    if (step !== undefined) {
      e.preventDefault();
      // J/K are handled for the whole screen; arrows only here, where they mean the list.
      e.stopPropagation();
      move(step);
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      select(e.key === 'Home' ? 0 : total - 1);
    }
  };

  const onSelect = useCallback((index: number) => select(index), [select]);

  let body: ReactNode;
  if (queue.status === 'error' && queue.error !== null) {
    body = <ErrorMessage code={queue.error.code} message={queue.error.message} title="The queue could not be read." />;
  } else if (queue.status !== 'ready' && total === 0) {
    body = <p className="muted grid-note">Loading the queue…</p>;
  } else if (total === 0) {
    const allDone = filter === 'open' && counts !== null && counts.open === 0 && counts.merge + counts.create + counts.skip + counts.mergeRow > 0;
    body = <EmptyState title={allDone ? 'All reviewed' : undefined}>{allDone ? 'Every row with a duplicate is decided. Decided shows them.' : EMPTY_TEXT[filter]}</EmptyState>;
  } else {
    const rendered: ReactNode[] = [];
    for (let i = Math.max(0, firstRow); i <= lastRow; i++) {
      rendered.push(
        <QueueOption
          key={i}
          index={i}
          item={queueItemAt(queue, i)}
          domId={`${baseId}-q${i}`}
          top={i * ITEM_HEIGHT + geometry.offset}
          selected={i === selectedIndex}
          onSelect={onSelect}
        />,
      );
    }
    body = <div className="queue-canvas" style={{ height: geometry.canvasHeight }}>{rendered}</div>;
  }

  const selectedRendered = selectedIndex >= firstRow && selectedIndex <= lastRow;
  return (
    <section className="review-queue" aria-label="Review queue">
      <div className="queue-controls">
        <Segmented label="Show" options={FILTERS} value={filter} onChange={setFilter} />
        <Segmented label="Sort" options={SORTS} value={sort} onChange={setSort} />
      </div>
      <p className="queue-total muted" aria-live="polite">
        {queue.status === 'ready' ? `${formatCount(total)} ${total === 1 ? 'row' : 'rows'}` : '…'}
      </p>
      <div
        ref={ref}
        className="queue-scroll"
        role={total > 0 ? 'listbox' : undefined}
        aria-label={total > 0 ? 'Rows to review' : undefined}
        aria-activedescendant={selectedRendered && total > 0 ? `${baseId}-q${selectedIndex}` : undefined}
        aria-busy={total > 0 ? queue.status === 'loading' : undefined}
        tabIndex={total > 0 ? 0 : undefined}
        onKeyDown={onKeyDown}
      >
        {body}
      </div>
    </section>
  );
}
