/**
 * The panel shown while duplicates are being found (`job.progress` kind `dedupe.run`), with
 * Cancel. Not modal: the search runs in a worker and the window stays usable.
 */
import type { ReactNode } from 'react';
import { formatCount } from '../../components/format';
import { ProgressBar } from '../../components/ProgressBar';
import { useAppStore } from '../../store';

/** The dedupe job's phases (`reading rows`, `reading Contacts`…, `matching`, `saving`) in words. */
export function phaseText(phase: string | undefined): string {
  if (phase === undefined) return 'Starting';
  if (phase === 'reading rows') return 'Reading the rows of the batch';
  const module = /^reading (.+)$/.exec(phase)?.[1];
  if (module !== undefined) return `Reading ${module.replace(/_/g, ' ')} from the replica`;
  if (phase === 'matching') return 'Comparing rows with the replica and with each other';
  if (phase === 'saving') return 'Saving the candidates';
  const words = phase.replace(/[_.-]+/g, ' ').trim();
  return words === '' ? 'Working' : words.charAt(0).toUpperCase() + words.slice(1);
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
