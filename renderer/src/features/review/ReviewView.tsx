/**
 * The duplicate review of one batch: the header with the run and the decision counts, the
 * toolbar, the queue on the left and the selected row side by side on the right.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { MergeRule } from '../../../../shared/domain/review';
import { EmptyState } from '../../components/EmptyState';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatCount, formatDateTime } from '../../components/format';
import { useAppStore } from '../../store';
import { BulkAcceptDialog } from './BulkAcceptDialog';
import { KeyLegend } from './KeyLegend';
import { ReviewCountsLine } from './ReviewCountsLine';
import { ReviewItemPane } from './ReviewItemPane';
import { ReviewMessages } from './ReviewMessages';
import { ReviewQueue } from './ReviewQueue';
import { useReviewKeys } from './use-review-keys';

const RULE_ORDER: MergeRule[] = ['pick', 'fill-blanks', 'incoming-wins'];
const MOD = navigator.platform.toLowerCase().includes('mac') ? '⌘' : 'Ctrl+';

/** The main area while the view is a batch's review. */
export function ReviewView({ batch }: { batch: number }): ReactNode {
  const r = useAppStore((s) => s.review);
  const job = useAppStore((s) => s.dedupeJob);
  const bulkOpen = useAppStore((s) => s.bulk.open);
  const modules = useAppStore((s) => s.modules);
  const a = {
    find: useAppStore((s) => s.findDuplicates),
    openBatch: useAppStore((s) => s.openBatch),
    move: useAppStore((s) => s.moveQueueSelection),
    tabAt: useAppStore((s) => s.chooseReviewTabAt),
    decide: useAppStore((s) => s.decideSelected),
    rule: useAppStore((s) => s.setMergeRule),
    bulk: useAppStore((s) => s.openBulk),
    undo: useAppStore((s) => s.undoReview),
    redo: useAppStore((s) => s.redoReview),
  };
  const dismiss = useAppStore((s) => s.dismissReviewMessage);
  const [legend, setLegend] = useState(false);
  // A review message belongs to this screen; the batch screen shows its own.
  useEffect(() => dismiss, [dismiss]);
  const fieldsRef = useRef<HTMLTableSectionElement>(null);
  const titleId = useId();

  useReviewKeys({
    move: a.move,
    tab: (i) => void a.tabAt(i),
    decide: (d) => void a.decide(d),
    focusFields: () => fieldsRef.current?.querySelector<HTMLInputElement>('input:checked, input:not(:disabled)')?.focus(),
    cycleRule: () => {
      const d = r.draft;
      if (d !== null && d.tab.kind === 'candidate') a.rule(RULE_ORDER[(RULE_ORDER.indexOf(d.rule) + 1) % RULE_ORDER.length] ?? 'pick');
    },
    openBulk: a.bulk,
    undo: () => void a.undo(),
    redo: () => void a.redo(),
    toggleLegend: () => setLegend((v) => !v),
  });

  if (r.status === 'error' && r.error !== null) {
    return (
      <section className="review-view" aria-label="Duplicate review">
        <div className="import-step">
          <ErrorMessage code={r.error.code} message={r.error.message} title="The duplicate review could not be opened." />
        </div>
      </section>
    );
  }
  if (r.summary === null || r.status !== 'ready') return <p className="muted grid-note">Loading the duplicate review…</p>;

  const summary = r.summary;
  const moduleLabel = modules.find((m) => m.module === summary.module)?.label ?? summary.module;
  const running = job !== null && job.batch === batch;
  const canUndo = r.counts?.canUndo ?? summary.canUndo;
  const canRedo = r.counts?.canRedo ?? summary.canRedo;
  const busy = r.busy !== null;

  let body: ReactNode;
  if (r.run === null) {
    body = (
      <div className="review-start">
        <EmptyState title={running ? 'Finding duplicates…' : 'No duplicate search yet'}>
          {running
            ? 'The rows are being compared with the replica and with each other; the queue appears when it is done.'
            : `Find duplicates compares the ${formatCount(summary.rows)} rows with the replica (Zoho's own matching rules first, then similar names, emails, phones and companies) and with each other.`}
        </EmptyState>
        {!running && (
          <button type="button" className="button button-primary" onClick={() => void a.find(batch)}>
            Find duplicates now
          </button>
        )}
      </div>
    );
  } else {
    body = (
      <div className="review-body">
        <ReviewQueue />
        <div className="review-main">
          <ReviewItemPane fieldsRef={fieldsRef} />
          <KeyLegend open={legend} onToggle={() => setLegend((v) => !v)} />
        </div>
      </div>
    );
  }

  return (
    <section className="review-view" aria-labelledby={titleId}>
      <div className="module-head">
        <h2 className="module-title" id={titleId}>
          Duplicate review · {summary.sourceName}
        </h2>
        <p className="module-meta">
          <span>Batch #{summary.batch}</span>
          <span aria-hidden="true">·</span>
          <span>to {moduleLabel}</span>
          {r.run !== null && (
            <>
              <span aria-hidden="true">·</span>
              <span>
                found {formatDateTime(r.run.ranAt)} against {r.run.against.length > 0 ? r.run.against.map((m) => m.replace(/_/g, ' ')).join(', ') : 'no replica module'} and within the file
              </span>
            </>
          )}
        </p>
        {r.counts !== null && r.run !== null && <ReviewCountsLine counts={r.counts} />}
      </div>
      {r.stale && r.run !== null && (
        <div className="batch-notices">
          <p className="notice notice-warning">
            <strong>The batch changed since duplicates were found</strong> (edits, mapping or the replica): find them again to review the current
            values. Decisions made so far are kept.{' '}
            <button type="button" className="link-button" disabled={running || busy} onClick={() => void a.find(batch)}>
              Find them again
            </button>
          </p>
        </div>
      )}
      <div className="toolbar batch-actions">
        <button type="button" className="button" onClick={() => void a.openBatch(batch)}>
          Back to batch
        </button>
        <button type="button" className={`button${r.run === null || r.stale ? ' button-primary' : ''}`} disabled={running || busy} onClick={() => void a.find(batch)}>
          {running ? 'Finding duplicates…' : r.run === null ? 'Find duplicates' : 'Find duplicates again'}
        </button>
        <span className="toolbar-sep" aria-hidden="true" />
        <button type="button" className="button" disabled={r.run === null || busy || running} onClick={a.bulk} title="Key B" aria-keyshortcuts="B">
          Bulk accept…
        </button>
        <span className="spacer" />
        <button type="button" className="button" onClick={() => void a.undo()} disabled={busy || !canUndo} title={`${MOD}Z`} aria-keyshortcuts="Control+Z">
          Undo
        </button>
        <button type="button" className="button" onClick={() => void a.redo()} disabled={busy || !canRedo} title={`${MOD}Shift+Z`} aria-keyshortcuts="Control+Shift+Z">
          Redo
        </button>
      </div>
      <ReviewMessages />
      {r.busy !== null && (
        <p className="sr-only" role="status">
          {r.busy}
        </p>
      )}
      {body}
      {bulkOpen && <BulkAcceptDialog />}
    </section>
  );
}
