/**
 * Export history: every export of the workspace, its jobs with the result loaded back, a
 * "Load result file…" per export and "Build retry batch" once Zoho refused rows.
 */
import { useRef, type ReactNode } from 'react';
import { HiddenFileInput } from '../../components/HiddenFileInput';
import { formatCount } from '../../components/format';
import { useAppStore, useTransportKind } from '../../store';
import type { ExportHistoryItem } from '../../store/export-slice';

const MAX_SHOWN = 50;

/** The history list. */
export function ExportHistory(): ReactNode {
  const history = useAppStore((s) => s.exportScreen.history);
  return (
    <section className="import-section export-history" aria-label="Export history">
      <h3 className="section-title">Export history</h3>
      {history.length === 0 ? <p className="muted">No export yet in this workspace.</p> : history.map((e) => <HistoryItem key={e.export} item={e} />)}
    </section>
  );
}

function HistoryItem({ item }: { item: ExportHistoryItem }): ReactNode {
  const load = useAppStore((s) => s.loadResultFile);
  const retry = useAppStore((s) => s.buildRetryBatch);
  const busy = useAppStore((s) => s.exportScreen.resultBusy === item.export);
  const notice = useAppStore((s) => (s.exportScreen.resultNotice?.export === item.export ? s.exportScreen.resultNotice.text : null));
  const last = useAppStore((s) => (s.exportScreen.lastResult?.export === item.export ? s.exportScreen.lastResult : null));
  const isElectron = useTransportKind() === 'electron';
  const input = useRef<HTMLInputElement>(null);
  const refused = item.jobs.reduce((n, j) => n + (j.result ? j.result.skipped + j.result.unprocessed : 0), 0);
  const loaded = item.jobs.filter((j) => j.result !== null).length;

  return (
    <article className="export-item" aria-label={`Export ${item.export}`}>
      <header className="export-item-head">
        <strong>Export #{item.export}</strong>
        <span className="muted">
          {item.createdAt.slice(0, 16).replace('T', ' ')} · {item.operation} · API {item.apiVersion} · {formatCount(item.rows)} rows in {item.jobs.length} job(s) · results {loaded}/{item.jobs.length}
        </span>
        <span className="spacer" />
        <button type="button" className="button button-small" disabled={busy} onClick={() => (isElectron ? void load(item.export, null) : input.current?.click())}>
          Load result file…
        </button>
        {refused > 0 && (
          <button type="button" className="button button-small button-primary" disabled={busy} onClick={() => void retry(item.export)}>
            Build retry batch ({formatCount(refused)})
          </button>
        )}
        {!isElectron && <HiddenFileInput inputRef={input} accept=".zip,.csv" label={`Result file for export ${item.export}`} onFile={(f) => void load(item.export, f)} />}
      </header>
      <p className="muted mono export-item-folder">{item.folder}</p>
      <table className="preview-table export-table" aria-label={`Jobs of export ${item.export}`}>
        <thead>
          <tr>
            <th>Job</th>
            <th>Module</th>
            <th>Operation</th>
            <th>ZIP</th>
            <th>Rows</th>
            <th>Result</th>
          </tr>
        </thead>
        <tbody>
          {item.jobs.map((j) => (
            <tr key={j.job}>
              <td>{j.job}</td>
              <td>{j.module.replace(/_/g, ' ')}</td>
              <td>{j.operation}</td>
              <td className="mono">{j.zip}</td>
              <td>{formatCount(j.rows)}</td>
              <td>
                {j.result === null
                  ? 'not loaded'
                  : `${formatCount(j.result.added)} added, ${formatCount(j.result.updated)} updated, ${formatCount(j.result.skipped)} skipped${j.result.unprocessed ? `, ${formatCount(j.result.unprocessed)} unprocessed` : ''}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {notice !== null && (
        <p className="notice notice-success" role="status">
          {notice}
        </p>
      )}
      {last !== null && last.errors.length > 0 && (
        <table className="preview-table export-table" aria-label={`Rows Zoho refused in job ${last.job}`}>
          <caption className="export-caption">Rows Zoho refused in job {last.job} (batch #{last.batch})</caption>
          <thead>
            <tr>
              <th>Row</th>
              <th>Status</th>
              <th>Zoho’s codes</th>
            </tr>
          </thead>
          <tbody>
            {last.errors.slice(0, MAX_SHOWN).map((e) => (
              <tr key={e.row}>
                <td>{e.row}</td>
                <td>{e.status}</td>
                <td className="mono">{e.codes.map((c) => (c.columns.length > 0 ? `${c.code} (${c.columns.join(', ')})` : c.code)).join('; ') || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}
