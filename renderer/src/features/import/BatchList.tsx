/**
 * The "Batches" part of the sidebar: the import draft (if any) and every imported batch, to
 * reopen one; plus the Templates panel.
 */
import type { ReactNode } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatCount } from '../../components/format';
import { useAppStore } from '../../store';
import { SidebarReviewEntry } from '../review/SidebarReviewEntry';

/** Lists batches, newest first. */
export function BatchList(): ReactNode {
  const batches = useAppStore((s) => s.batches);
  const error = useAppStore((s) => s.batchesError);
  const view = useAppStore((s) => s.view);
  const draft = useAppStore((s) => (s.importState.target?.kind === 'file' && s.importState.phase !== 'empty' && s.importState.phase !== 'error' ? s.importState.target.fileName : null));
  const openBatch = useAppStore((s) => s.openBatch);
  const openImport = useAppStore((s) => s.openImport);
  const openTemplates = useAppStore((s) => s.openTemplates);
  const openExport = useAppStore((s) => s.openExport);
  const sorted = [...batches].sort((a, b) => b.batch - a.batch);

  return (
    <nav className="sidebar-section" aria-labelledby="batches-title">
      <h2 className="sidebar-title" id="batches-title">
        Batches
      </h2>
      {error !== null && <ErrorMessage code={error.code} message={error.message} />}
      <ul className="module-list">
        {draft !== null && (
          <li>
            <button
              type="button"
              className="module-item batch-item"
              aria-current={view.kind === 'import' ? 'true' : undefined}
              onClick={openImport}
            >
              <span className="module-label">{draft}</span>
              <span className="batch-sub">not imported yet · mapping</span>
            </button>
          </li>
        )}
        {sorted.map((b) => (
          <li key={b.batch}>
            <button
              type="button"
              className="module-item batch-item"
              aria-current={view.kind === 'batch' && view.batch === b.batch ? 'true' : undefined}
              onClick={() => void openBatch(b.batch)}
              title={`Batch #${b.batch}, imported ${b.createdAt}`}
            >
              <span className="module-label">{b.sourceName}</span>
              <span className="batch-sub">
                {b.module.replace(/_/g, ' ')} · {formatCount(b.rows)} rows · #{b.batch}
              </span>
            </button>
            <SidebarReviewEntry batch={b.batch} />
          </li>
        ))}
      </ul>
      {sorted.length === 0 && draft === null && error === null && <p className="muted sidebar-note">No batches yet. Import a CSV to start one.</p>}
      <button type="button" className="button button-quiet sidebar-button" onClick={openTemplates}>
        Templates…
      </button>
      <button
        type="button"
        className="button button-quiet sidebar-button"
        aria-current={view.kind === 'export' ? 'true' : undefined}
        onClick={() => void openExport()}
      >
        Exports and results…
      </button>
    </nav>
  );
}
