/**
 * The import screen: choose a CSV, check how it was read, map its columns, import it. The same
 * screen edits the mapping of an imported batch ("Edit mapping").
 */
import { useId, type ReactNode } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatBytes } from '../../components/format';
import { ProgressBar } from '../../components/ProgressBar';
import { useAppStore } from '../../store';
import { ImportDropZone } from './ImportDropZone';
import { ImportFooter } from './ImportFooter';
import { ImportProgress } from './ImportProgress';
import { ImportSettings } from './ImportSettings';
import { MappingNotices } from './MappingNotices';
import { MappingTable } from './MappingTable';
import { PreviewTable } from './PreviewTable';
import { TemplateOffer } from './TemplateOffer';

/** The main area while the view is "import". */
export function ImportView(): ReactNode {
  const phase = useAppStore((s) => s.importState.phase);
  const target = useAppStore((s) => s.importState.target);
  const upload = useAppStore((s) => s.importState.upload);
  const error = useAppStore((s) => s.importState.error);
  const hasMapping = useAppStore((s) => s.importState.header.length > 0);
  const titleId = useId();

  const isBatch = target?.kind === 'batch';
  const title = isBatch ? 'Edit mapping' : 'Import CSV';

  let body: ReactNode;
  if (target === null || phase === 'empty') {
    body = <ImportDropZone />;
  } else if (phase === 'uploading') {
    const fraction = upload !== null && upload.total > 0 ? upload.sent / upload.total : null;
    body = (
      <div className="import-step stack">
        <ProgressBar label="Upload progress" fraction={fraction} />
        <p className="muted">
          Handing the file to Preflight… {upload !== null && `${formatBytes(upload.sent)} of ${formatBytes(upload.total)}`}
        </p>
      </div>
    );
  } else if (phase === 'error' && error !== null) {
    body = (
      <div className="import-step stack">
        <ErrorMessage code={error.code} message={error.message} title={`Could not read ${target.fileName || 'the file'}.`} />
        {!isBatch && <ImportDropZone compact />}
      </div>
    );
  } else if (!hasMapping) {
    body = <p className="muted import-step">Reading the file…</p>;
  } else {
    body = (
      <>
        {!isBatch && <ImportSettings />}
        <TemplateOffer />
        <MappingNotices />
        {!isBatch && <PreviewTable />}
        <MappingTable />
      </>
    );
  }

  return (
    <section className="import-view" aria-labelledby={titleId} aria-busy={phase === 'uploading' || phase === 'previewing'}>
      <div className="import-scroll">
        <div className="module-head">
          <h2 className="module-title" id={titleId}>
            {title}
          </h2>
          {target !== null && (
            <p className="module-meta">
              <span className="file-name">{target.fileName}</span>
              {target.kind === 'batch' && <span>· batch #{target.batch}</span>}
              {target.kind === 'file' && target.size !== null && <span>· {formatBytes(target.size)}</span>}
            </p>
          )}
        </div>
        <div className="import-body">{body}</div>
      </div>
      {target !== null && hasMapping && phase !== 'error' && <ImportFooter />}
      <ImportProgress />
    </section>
  );
}
