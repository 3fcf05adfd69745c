/**
 * Progress of a running import or re-mapping: upload, then the core's import and validation
 * jobs (`job.progress` kinds batch.import and batch.validate), with Cancel.
 */
import type { ReactNode } from 'react';
import { formatBytes, formatCount } from '../../components/format';
import { ProgressBar } from '../../components/ProgressBar';
import { useAppStore } from '../../store';

/** Step name for a progress event. */
export function jobStep(kind: string | undefined, phase: string | undefined): string {
  if (kind === 'batch.import' || phase === 'importing') return 'Importing rows';
  if (kind === 'batch.validate' || phase === 'validating') return 'Validating';
  return 'Working';
}

/** Renders nothing unless a job runs. */
export function ImportProgress(): ReactNode {
  const job = useAppStore((s) => s.importState.job);
  const target = useAppStore((s) => s.importState.target);
  const cancel = useAppStore((s) => s.cancelImport);

  if (job === null || target === null) return null;
  const isBatch = target.kind === 'batch';
  const title = isBatch ? `Applying the mapping to ${target.fileName}` : `Importing ${target.fileName}`;

  let step: string;
  let fraction: number | null = null;
  let detail: string | null = null;
  if (job.step === 'uploading') {
    step = 'Uploading file';
    fraction = job.total > 0 ? job.sent / job.total : null;
    detail = job.total > 0 ? `${formatBytes(job.sent)} of ${formatBytes(job.total)}` : null;
  } else if (job.progress === null) {
    step = 'Starting';
  } else {
    const p = job.progress;
    step = jobStep(p.kind, p.phase);
    fraction = p.total > 0 ? p.done / p.total : null;
    detail = `${formatCount(p.rows)} ${p.rows === 1 ? 'row' : 'rows'}`;
  }

  return (
    <section className="progress-panel" role="region" aria-label={title}>
      <div className="stack">
        <h3 className="progress-title">{title}</h3>
        <ProgressBar label={`${step} progress`} fraction={fraction} />
        <p className="progress-line" aria-live="polite">
          <span>{step}…</span>
          {fraction !== null && <span className="progress-percent">{Math.round(fraction * 100)}%</span>}
        </p>
        {detail !== null && <p className="muted">{detail}</p>}
        <div className="button-row">
          <span className="spacer" />
          <button type="button" className="button" onClick={cancel} disabled={job.cancelling}>
            {job.cancelling ? 'Cancelling…' : isBatch ? 'Cancel' : 'Cancel import'}
          </button>
        </div>
      </div>
    </section>
  );
}
