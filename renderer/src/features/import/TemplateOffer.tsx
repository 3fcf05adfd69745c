/**
 * Saved templates for these headers: which one is applied, or buttons to apply one.
 */
import type { ReactNode } from 'react';
import { useAppStore } from '../../store';

/** Renders nothing when no template fits. */
export function TemplateOffer(): ReactNode {
  const templates = useAppStore((s) => s.importState.templates);
  const applied = useAppStore((s) => s.importState.template);
  const isBatch = useAppStore((s) => s.importState.target?.kind === 'batch');
  const busy = useAppStore((s) => s.importState.job !== null);
  const apply = useAppStore((s) => s.applyImportTemplate);
  const clear = useAppStore((s) => s.clearImportTemplate);

  if (applied !== null) {
    return (
      <div className="notice notice-success template-offer" role="status">
        <p className="notice-title">Template “{applied}” applied</p>
        <p>
          It was saved for files with these headers. Its columns, transforms and defaults are used as saved; after the
          import, “Edit mapping” shows and changes all of them.
        </p>
        <div className="button-row">
          <button type="button" className="button" onClick={clear} disabled={busy}>
            Map by hand instead
          </button>
          {templates
            .filter((t) => t !== applied)
            .map((t) => (
              <button key={t} type="button" className="button" onClick={() => void apply(t)} disabled={busy}>
                Apply template “{t}”
              </button>
            ))}
        </div>
      </div>
    );
  }
  if (templates.length === 0) {
    return null;
  }
  return (
    <div className="notice template-offer">
      <p className="notice-title">{isBatch ? 'Templates for this module' : 'Saved templates match these headers'}</p>
      {isBatch && <p className="muted">Applying one replaces this batch's mapping at once (Undo brings it back).</p>}
      <div className="button-row wrap">
        {templates.map((t) => (
          <button key={t} type="button" className="button" onClick={() => void apply(t)} disabled={busy}>
            Apply template “{t}”
          </button>
        ))}
      </div>
    </div>
  );
}
