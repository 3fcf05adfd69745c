/**
 * The panel shown while a file uploads and loads, fed by upload progress and `job.progress`.
 *
 * Not modal on purpose: the load runs in a worker, so the user can keep browsing the replica
 * (including other modules) while a million rows go in.
 */
import type { ReactNode } from 'react';
import { formatBytes, formatCount } from '../../components/format';
import { ProgressBar } from '../../components/ProgressBar';
import { useAppStore } from '../../store';

/** Renders nothing unless a load is uploading or running. */
export function LoadProgressDialog(): ReactNode {
  const load = useAppStore((s) => s.load);
  const cancel = useAppStore((s) => s.cancelLoad);
  const modules = useAppStore((s) => s.modules);

  if (load.phase !== 'uploading' && load.phase !== 'running') {
    return null;
  }
  const label = modules.find((m) => m.module === load.module)?.label ?? load.module;
  const title =
    load.kind === 'export' ? `Loading export into ${label}` : load.kind === 'users' ? 'Loading users' : `Loading field metadata for ${label}`;

  let step: string;
  let fraction: number | null;
  let detail: string | null = null;
  if (load.phase === 'uploading') {
    step = 'Uploading file';
    fraction = load.total > 0 ? load.sent / load.total : null;
    detail = `${formatBytes(load.sent)} of ${formatBytes(load.total)}`;
  } else if (load.progress === null) {
    step = load.kind === 'metadata' ? 'Reading field metadata' : 'Starting';
    fraction = null;
  } else {
    const p = load.progress;
    step = humanPhase(p.phase);
    fraction = p.total > 0 ? p.done / p.total : null;
    detail = `${formatCount(p.rows)} ${p.rows === 1 ? 'row' : 'rows'} so far`;
  }
  // Field metadata loads are quick and carry no job id, so there is nothing to cancel.
  const canCancel = load.phase === 'uploading' || load.jobId !== null;

  return (
    <section className="progress-panel" role="region" aria-label={title}>
      <div className="stack">
        <h3 className="progress-title">{title}</h3>
        <p className="file-name">{load.fileName}</p>
        <ProgressBar label={`${step} progress`} fraction={fraction} />
        <p className="progress-line" aria-live="polite">
          <span>{step}…</span>
          {fraction !== null && <span className="progress-percent">{Math.round(fraction * 100)}%</span>}
        </p>
        {detail !== null && <p className="muted">{detail}</p>}
        {canCancel && (
          <div className="button-row">
            <span className="spacer" />
            <button type="button" className="button" onClick={cancel} disabled={load.cancelling}>
              {load.cancelling ? 'Cancelling…' : 'Cancel'}
            </button>
          </div>
        )}
      </div>
    </section>
  );
}

/** Core phase ids (`parsing`, `writing_rows`) as a short sentence-case label. */
function humanPhase(phase: string): string {
  const words = phase.replace(/[_-]+/g, ' ').trim();
  return words === '' ? 'Working' : words.charAt(0).toUpperCase() + words.slice(1);
}
