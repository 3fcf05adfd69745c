/**
 * What the last load did: counts, rejected rows, unmatched columns, or the error.
 */
import type { ReactNode } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatCount, formatDuration, plural } from '../../components/format';
import { useAppStore } from '../../store';
import type { MetadataLoadResult, ReplicaLoadResult } from '../../store/types';
import { UsersLoadSummary } from '../users/UsersLoadSummary';

/** How many rejected rows are listed before "and N more". */
const SHOWN_REJECTS = 5;

const FORMAT_NAMES: Record<ReplicaLoadResult['format'], string> = {
  'bulk-read-csv': 'Bulk Read CSV',
  'bulk-read-zip': 'Bulk Read ZIP',
  'ui-export-csv': 'CRM export CSV',
  'ui-export-zip': 'CRM export ZIP',
  'records-json': 'Records API JSON',
};

/** Shown under the toolbar after a load finishes, until dismissed or another module is chosen. */
export function LoadResultPanel(): ReactNode {
  const load = useAppStore((s) => s.load);
  const dismiss = useAppStore((s) => s.dismissLoad);
  const modules = useAppStore((s) => s.modules);

  if (load.phase === 'error') {
    const unchanged =
      load.kind === 'export' ? 'The replica was not changed.' : load.kind === 'users' ? 'The users were not changed.' : 'The field metadata was not changed.';
    if (load.error.code === 'CANCELLED') {
      // The user asked for this, so it is reported calmly, not as an error; the core's message
      // only repeats what the two lines below say.
      return (
        <div className="result-panel">
          <div role="status" className="notice">
            <p className="notice-title">Load cancelled.</p>
            <p>
              {unchanged} <code className="error-code">{load.error.code}</code>
            </p>
          </div>
          <DismissButton onClick={dismiss} />
        </div>
      );
    }
    return (
      <div className="result-panel">
        <ErrorMessage code={load.error.code} message={load.error.message} title={`Could not load ${load.fileName || 'the file'}.`}>
          <p>{unchanged}</p>
        </ErrorMessage>
        <DismissButton onClick={dismiss} />
      </div>
    );
  }
  if (load.phase !== 'done') {
    return null;
  }
  return (
    <div className="result-panel">
      <div role="status" className="notice notice-success">
        {load.kind === 'export' ? (
          <ExportSummary result={load.result} fileName={load.fileName} />
        ) : load.kind === 'users' ? (
          <UsersLoadSummary result={load.result} fileName={load.fileName} />
        ) : (
          <MetadataSummary
            result={load.result}
            fileName={load.fileName}
            label={modules.find((m) => m.module === load.module)?.label ?? load.module}
          />
        )}
      </div>
      <DismissButton onClick={dismiss} />
    </div>
  );
}

function DismissButton({ onClick }: { onClick: () => void }): ReactNode {
  return (
    <button type="button" className="button button-quiet" onClick={onClick} aria-label="Dismiss load result">
      Dismiss
    </button>
  );
}

function ExportSummary({ result, fileName }: { result: ReplicaLoadResult; fileName: string }): ReactNode {
  const more = result.rejected - Math.min(result.rejectedRows.length, SHOWN_REJECTS);
  return (
    <>
      <p className="notice-title">
        Loaded {plural(result.loaded, 'record', 'records')} ({formatCount(result.inserted)} new,{' '}
        {formatCount(result.updated)} updated)
      </p>
      <p className="muted">
        {fileName} · {FORMAT_NAMES[result.format]} · {formatDuration(result.durationMs)}
      </p>
      {result.rejected > 0 && (
        <div className="result-block">
          <p>{plural(result.rejected, 'row was', 'rows were')} rejected:</p>
          <ul className="reject-list">
            {result.rejectedRows.slice(0, SHOWN_REJECTS).map((r) => (
              <li key={r.row}>
                Row {formatCount(r.row)}: {r.reason}
              </li>
            ))}
            {more > 0 && <li className="muted">…and {formatCount(more)} more</li>}
          </ul>
        </div>
      )}
      {result.unknownColumns.length > 0 && (
        <div className="result-block">
          <p>Kept but not matched to a field: {result.unknownColumns.join(', ')}</p>
          <p className="muted">
            Loading the org's field metadata (Load field metadata…) will type them; until then they are kept as
            text.
          </p>
        </div>
      )}
    </>
  );
}

function MetadataSummary(props: { result: MetadataLoadResult; fileName: string; label: string }): ReactNode {
  const { result, fileName, label } = props;
  return (
    <>
      <p className="notice-title">
        Loaded field metadata for {label}: {plural(result.fields, 'field', 'fields')}
      </p>
      <p className="muted">
        {fileName} · {formatCount(result.custom.length)} custom · {formatCount(result.mandatory.length)} mandatory
      </p>
      {result.unique.length > 0 && <p>Unique fields: {result.unique.join(', ')}</p>}
    </>
  );
}
