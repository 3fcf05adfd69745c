/**
 * The panel shown while duplicates are being found (`job.progress` kind `dedupe.run`), with
 * Cancel. Not modal: the search runs in a worker and the window stays usable.
 */
import type { ReactNode } from 'react';
import { formatCount } from '../../components/format';
import { ProgressBar } from '../../components/ProgressBar';
import { useAppStore } from '../../store';

/** Step names of the dedupe job's phases, as the user reads them. */
function phaseText(phase: string | undefined): string {
  switch (phase) {
    case undefined:
      return 'Starting';
    case 'reading':
    case 'keys':
      return 'Reading the rows';
    case 'replica':
    case 'matching':
      return 'Comparing with the replica';
    case 'batch':
    case 'clusters':
      return 'Looking for rows that appear twice';
    case 'writing':
    case 'saving':
      return 'Saving the candidates';
    default: {
      const words = phase.replace(/[_.-]+/g, ' ').trim();
      return words === '' ? 'Working' : words.charAt(0).toUpperCase() + words.slice(1);
    }
  }
}

/** Renders nothing unless a dedupe job runs. */
export function DedupeProgress(): ReactNode {
  const job = useAppStore((s) => s.dedupeJob);
  const cancel = useAppStore((s) => s.cancelFindDuplicates);
  const name = useAppStore((s) => {
    const b = s.dedupeJob?.batch;
    return s.batches.find((x) => x.batch === b)?.sourceName ?? (b !== undefined ? `batch #${b}` : '');
  });
  if (job === null) return null;
  const p = job.progress;
  const fraction = p !== null && p.total > 0 ? p.done / p.total : null;
  const title = `Finding duplicates in ${name}`;
  return (
    <section className="progress-panel" role="region" aria-label={title}>
      <div className="stack">
        <h3 className="progress-title">{title}</h3>
        <ProgressBar label="Finding duplicates progress" fraction={fraction} />
        <p className="progress-line" aria-live="polite">
          <span>{phaseText(p?.phase)}…</span>
          {fraction !== null && <span className="progress-percent">{Math.round(fraction * 100)}%</span>}
        </p>
        {p !== null && p.rows > 0 && <p className="muted">{formatCount(p.rows)} rows so far</p>}
        <div className="button-row">
          <span className="spacer" />
          <button type="button" className="button" onClick={cancel} disabled={job.cancelling}>
            {job.cancelling ? 'Cancelling…' : 'Cancel'}
          </button>
        </div>
      </div>
    </section>
  );
}
