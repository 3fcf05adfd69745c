/**
 * A cluster inside the file: one column per member row, a "survives" radio in each column's
 * head and a button to split a wrong member out; per field a radio per member says whose
 * value the surviving row keeps.
 *
 * Keys on a value's radio: ↑/↓ move between fields, ←/→ between members (and keep that value).
 */
import { useId, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { clusterValues } from '../../store/review-merge-plan';
import type { ReviewCluster } from '../../store/review-types';
import { scoreClass } from './QueueOption';
import { decisionLabel, evidenceLabel, formatScore } from './review-text';

/** Props of ClusterTable. */
export interface ClusterTableProps {
  row: number;
  cluster: ReviewCluster;
  survivor: number;
  picks: Readonly<Record<string, number>>;
  busy: boolean;
  onSurvivor(row: number): void;
  onPick(field: string, row: number): void;
  onSplit(row: number): void;
  bodyRef: RefObject<HTMLTableSectionElement | null>;
}

/** The members side by side and what a merge of them does. */
export function ClusterTable({ row, cluster, survivor, picks, busy, onSurvivor, onPick, onSplit, bodyRef }: ClusterTableProps): ReactNode {
  const name = useId();
  const members = [...cluster.rows].sort((a, b) => a.row - b.row);
  const others = members.filter((m) => m.row !== survivor).map((m) => m.row);
  const values = clusterValues(cluster, survivor, picks);
  const taken = cluster.fields.filter((f) => values[f.field] !== undefined);

  const onKeyDown = (e: KeyboardEvent<HTMLTableSectionElement>): void => {
    const input = e.target instanceof HTMLInputElement && e.target.type === 'radio' ? e.target : null;
    const td = input?.closest('td');
    const tr = td?.closest('tr');
    if (input === null || !td || !tr) return;
    const col = Array.from(tr.children).indexOf(td);
    let target: HTMLInputElement | null | undefined = null;
    if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      const next = (e.key === 'ArrowUp' ? tr.previousElementSibling : tr.nextElementSibling) as HTMLElement | null;
      target = next?.children[col]?.querySelector<HTMLInputElement>('input');
    } else if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      const cell = tr.children[col + (e.key === 'ArrowLeft' ? -1 : 1)];
      target = cell?.querySelector<HTMLInputElement>('input');
      target?.click();
    } else {
      return;
    }
    e.preventDefault();
    e.stopPropagation();
    target?.focus();
  };

  return (
    <div className="compare">
      {cluster.survivor !== null && (
        <p className="notice notice-success">
          {cluster.survivor === row
            ? `The other ${others.length === 1 ? 'row was' : 'rows were'} merged into this row. This row itself still needs a decision: create it as a new record (C) or skip it (S).`
            : `These rows were merged into row ${cluster.survivor}.`}{' '}
          Undo (Ctrl+Z) takes the merge back; merging again replaces it.
        </p>
      )}
      <p className="merge-effect">
        Merging keeps row {survivor} and leaves {others.length === 1 ? `row ${others[0] ?? ''}` : `rows ${others.join(', ')}`} out of the upload.{' '}
        {taken.length === 0
          ? `Row ${survivor} keeps all its own values.`
          : `Row ${survivor} takes ${taken.map((f) => `${f.label} from row ${picks[f.field] ?? ''}`).join(', ')}.`}
      </p>
      <div className="cluster-scroll">
        <table className="compare-table cluster-table" aria-label={`Rows of this file that are the same as row ${row}`}>
          <thead>
            <tr>
              <th scope="col">
                Field
                <span className="member-matched">The radio by a row number picks the row that survives</span>
              </th>
              {members.map((m) => (
                <th scope="col" key={m.row} className={m.row === survivor ? 'is-survivor' : undefined}>
                  <label className="pick survivor-pick">
                    <input type="radio" name={`${name}-survivor`} checked={m.row === survivor} onChange={() => onSurvivor(m.row)} aria-label={`Row ${m.row} survives`} />
                    <span>
                      Row {m.row}
                      {m.row === row ? ' (this row)' : ''}
                    </span>
                  </label>
                  <span className="member-title">{m.title || '(no name)'}</span>
                  <span className="member-meta">
                    {m.row === survivor ? (
                      <span className="badge badge-survivor">survives</span>
                    ) : (
                      <span className={`score ${scoreClass(m.score)}`}>{formatScore(m.score)}</span>
                    )}
                    {m.decision !== null && <span className={`decision-badge decision-${m.decision.action}`}>{decisionLabel(m.decision)}</span>}
                  </span>
                  {m.matched.length > 0 && (
                    <span className="member-matched" title={m.matched.map((e) => `${e.field}: “${e.value}” (${evidenceLabel(e)})`).join('\n')}>
                      matched on {m.matched.map((e) => e.field.replace(/_/g, ' ')).join(', ')}
                    </span>
                  )}
                  <button type="button" className="button button-small" disabled={busy} onClick={() => onSplit(m.row)} aria-label={`Split row ${m.row} out`}>
                    Split out
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody ref={bodyRef} onKeyDown={onKeyDown}>
            {cluster.fields.map((f) => {
              const vals = members.map((m) => m.values[f.field] ?? '');
              // Only two different values clash; a blank beside a value is a gap the merge can fill.
              const differs = new Set(vals.map((v) => v.trim().toLowerCase()).filter((v) => v !== '')).size > 1;
              return (
                <tr key={f.field} className={`compare-line${differs ? ' is-diff' : ' is-same'}`} data-field={f.field}>
                  <th scope="row">
                    <span className="field-name">{f.label}</span>
                    {differs && <span className="diff-tag">differs</span>}
                  </th>
                  {members.map((m) => {
                    const kept = (picks[f.field] ?? survivor) === m.row;
                    const v = m.values[f.field] ?? '';
                    return (
                      <td key={m.row} className={kept ? 'is-winner' : undefined}>
                        <label className="pick">
                          <input type="radio" name={`${name}-${f.field}`} checked={kept} onChange={() => onPick(f.field, m.row)} aria-label={`${f.label}: row ${m.row}`} />
                          <span className="pick-value">{v === '' ? <span className="muted">(blank)</span> : v}</span>
                        </label>
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
