/**
 * The export screen: choose batches and options, check (the dry run), write the ZIPs with
 * progress and cancel, see the folder; below, the history with results loaded back.
 */
import { useId, type ReactNode } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ProgressBar } from '../../components/ProgressBar';
import { formatCount } from '../../components/format';
import { useAppStore } from '../../store';
import { DryRunSummary } from './DryRunSummary';
import { ExportHistory } from './ExportHistory';
import { ExportSetup } from './ExportSetup';
import { ExportWritten } from './ExportWritten';
import './export.css';

/** The main area while the view is the export. */
export function ExportView(): ReactNode {
  const screen = useAppStore((s) => s.exportScreen);
  const preview = useAppStore((s) => s.previewExport);
  const run = useAppStore((s) => s.runExport);
  const cancel = useAppStore((s) => s.cancelExport);
  const titleId = useId();
  const busy = screen.phase === 'checking' || screen.phase === 'writing';
  const p = screen.progress;

  return (
    <section className="export-view" aria-labelledby={titleId}>
      <div className="module-head">
        <h2 className="module-title" id={titleId}>
          Export for Zoho Bulk Write
        </h2>
        <p className="module-meta">
          <span>ZIPs Zoho accepts as they are, one job JSON each, a manifest and the upload steps</span>
        </p>
      </div>
      <div className="export-body">
        <ExportSetup disabled={busy} />
        {screen.error !== null && <ErrorMessage code={screen.error.code} message={screen.error.message} title="The export could not go on." />}
        <div className="button-row">
          <button type="button" className="button" disabled={busy || screen.batches.length === 0} onClick={() => void preview()}>
            Check (dry run)
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={busy || screen.phase !== 'checked' || screen.plan === null || screen.plan.jobs.length === 0 || screen.folder.trim() === ''}
            onClick={() => void run()}
          >
            Write ZIPs
          </button>
          {screen.phase !== 'checked' && screen.phase !== 'written' && !busy && <span className="muted">Check first: the dry run shows what each job will hold.</span>}
        </div>
        {busy && (
          <div className="progress-panel export-progress">
            <p className="progress-title">{screen.phase === 'checking' ? 'Checking every row…' : 'Writing and compressing…'}</p>
            <ProgressBar label={screen.phase === 'checking' ? 'Dry run progress' : 'Export progress'} fraction={p !== null && p.total > 0 ? p.done / p.total : null} />
            <p className="muted">{p !== null ? `${formatCount(p.done)} of ${formatCount(p.total)} rows` : 'Starting…'}</p>
            <button type="button" className="button button-quiet" onClick={() => void cancel()}>
              Cancel
            </button>
          </div>
        )}
        {screen.phase === 'written' && screen.written !== null && <ExportWritten written={screen.written} />}
        {screen.plan !== null && <DryRunSummary plan={screen.plan} written={screen.phase === 'written'} />}
        <ExportHistory />
      </div>
    </section>
  );
}
