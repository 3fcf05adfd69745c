/**
 * The import screen's bottom bar: "ignore empty", the last refusal, and Import / Apply.
 */
import { useId, type ReactNode } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useAppStore } from '../../store';

/** Sticky footer of the import screen. */
export function ImportFooter(): ReactNode {
  const s = useAppStore((st) => st.importState);
  const setIgnoreEmpty = useAppStore((st) => st.setIgnoreEmpty);
  const start = useAppStore((st) => st.startImport);
  const close = useAppStore((st) => st.closeImport);
  const ignoreId = useId();

  const isBatch = s.target?.kind === 'batch';
  const running = s.job !== null;
  const mapped = s.plans.some((p) => p.field !== null || (p.split !== null && (p.split.first !== null || p.split.last !== null)));
  const canStart = s.phase === 'ready' && !running && (mapped || s.template !== null);

  return (
    <div className="import-footer">
      {s.startError !== null && (
        <ErrorMessage
          code={s.startError.code}
          message={s.startError.message}
          title={isBatch ? 'The mapping was not applied.' : 'The file was not imported.'}
        />
      )}
      {s.notice !== null && (
        <p className="notice" role="status">
          {s.notice}
        </p>
      )}
      <div className="button-row">
        <label className="check" htmlFor={ignoreId} title="Bulk Write ignore_empty">
          <input
            id={ignoreId}
            type="checkbox"
            checked={s.template === null ? s.ignoreEmpty : false}
            disabled={s.template !== null || running}
            onChange={(e) => setIgnoreEmpty(e.target.checked)}
          />
          Ignore empty cells (keep CRM values)
        </label>
        <span className="spacer" />
        <button type="button" className="button" onClick={close} disabled={running}>
          {isBatch ? 'Back to batch' : 'Discard'}
        </button>
        <button type="button" className="button button-primary" onClick={() => void start()} disabled={!canStart}>
          {isBatch ? 'Apply mapping' : 'Import all rows'}
        </button>
      </div>
    </div>
  );
}
