/**
 * The side panel for the selected row: every issue with its code, field and message, the
 * cells the user edited (each revertible), exclusion, and the row's values.
 */
import { useId, type ReactNode } from 'react';
import { useAppStore } from '../../store';
import { fieldLabel } from '../../store/batch-slice';

/** Props of RowPanel. */
export interface RowPanelProps {
  /** Starts the inline editor on a cell of the grid. */
  onFix(row: number, field: string): void;
}

/** Renders a hint until a row is selected. */
export function RowPanel({ onFix }: RowPanelProps): ReactNode {
  const row = useAppStore((s) => s.batch.activeRow);
  const fields = useAppStore((s) => s.batch.fields);
  const summary = useAppStore((s) => s.batch.summary);
  const busy = useAppStore((s) => s.batch.busy !== null);
  const editCell = useAppStore((s) => s.editBatchCell);
  const exclude = useAppStore((s) => s.excludeRows);
  const titleId = useId();

  if (row === null || summary === null) {
    return (
      <aside className="record-panel row-panel" aria-label="Row details">
        <p className="muted">Select a row to see its issues and values.</p>
      </aside>
    );
  }
  const errors = row.issues.filter((i) => i.severity === 'error').length;
  const warnings = row.issues.length - errors;
  const mapped = new Set(summary.mapping.fields.map((m) => m.field));
  const state = row.excluded
    ? 'Excluded: not sent to Zoho'
    : errors > 0
      ? `${errors} ${errors === 1 ? 'error' : 'errors'}${warnings > 0 ? `, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}` : ''}`
      : warnings > 0
        ? `${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`
        : 'Valid';

  return (
    <aside className="record-panel row-panel" aria-labelledby={titleId}>
      <div className="record-head">
        <h3 className="record-title" id={titleId}>
          Row {row.row}
        </h3>
        <button type="button" className="button button-small" disabled={busy} onClick={() => void exclude([row.row], !row.excluded)}>
          {row.excluded ? 'Include row' : 'Exclude row'}
        </button>
      </div>
      <p className={`record-meta row-state${errors > 0 && !row.excluded ? ' is-error' : ''}`}>{state}</p>

      {row.issues.length > 0 && (
        <section className="panel-section">
          <h4 className="section-title">Issues</h4>
          <ul className="issue-list" aria-label={`Issues of row ${row.row}`}>
            {row.issues.map((i, k) => {
              const label = i.field === null ? 'Whole row' : fieldLabel(fields, i.field);
              const fixable = i.field !== null && mapped.has(i.field);
              return (
                <li key={k} className={`issue is-${i.severity}`}>
                  <p className="issue-head">
                    <span className={`badge badge-${i.severity}`}>{i.severity === 'error' ? 'Error' : 'Warning'}</span>
                    <code className="error-code">{i.code}</code>
                    <span className="issue-field">{label}</span>
                  </p>
                  <p className="issue-message">{i.message}</p>
                  {i.column !== null && <p className="muted issue-column">From column: {i.column}</p>}
                  {fixable && i.field !== null && (
                    <button type="button" className="link-button" onClick={() => onFix(row.row, i.field ?? '')}>
                      Fix {label}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      )}

      {row.edited.length > 0 && (
        <section className="panel-section">
          <h4 className="section-title">Edited by you</h4>
          <ul className="edited-list">
            {row.edited.map((f) => (
              <li key={f}>
                <span>
                  {fieldLabel(fields, f)}:{' '}
                  {row.display[f] !== undefined ? <span className="user-name">{row.display[f]}</span> : <span className="mono">{row.values[f] ?? ''}</span>}
                </span>
                <button type="button" className="button button-small" disabled={busy} onClick={() => void editCell(row.row, f, null)}>
                  Revert {fieldLabel(fields, f)}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="panel-section">
        <h4 className="section-title">Values for Zoho</h4>
        <dl className="field-list">
          {summary.mapping.fields.map((m) => (
            <div key={m.field} className="field-pair">
              <dt>{fieldLabel(fields, m.field)}</dt>
              <dd className="field-text">
                {row.display[m.field] !== undefined ? (
                  <>
                    <span className="user-name">{row.display[m.field]}</span>
                    <span className="user-id">{row.values[m.field] ?? ''}</span>
                  </>
                ) : (
                  (row.values[m.field] ?? '')
                )}
              </dd>
            </div>
          ))}
        </dl>
      </section>
      <details className="panel-section">
        <summary>Source values (as read from the file)</summary>
        <dl className="field-list">
          {row.source.map((v, i) => (
            <div key={i} className="field-pair">
              <dt>{summary.header[i] ?? `extra ${i - summary.header.length + 1}`}</dt>
              <dd className="field-text">{v ?? ''}</dd>
            </div>
          ))}
        </dl>
      </details>
    </aside>
  );
}
