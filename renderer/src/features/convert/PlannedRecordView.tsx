/**
 * One side of a lead plan (its Contact, Account or Deal): merge or new, the values it gets or
 * the changes to the existing record.
 */
import type { ReactNode } from 'react';
import type { PlanDetail } from '../../store/convert-slice';
import { targetOrigin } from './target-origin';

type Planned = NonNullable<PlanDetail['plan']['contact']>;

const HIDDEN = new Set(['Account_Name', 'Contact_Name', 'Owner']);

function display(values: Record<string, string>, key: string): string {
  const v = values[key] ?? '';
  if (v.startsWith('@new:')) return `(the new ${v.slice(5).slice(0, -1)})`;
  return v;
}

/** Props of PlannedRecordView. */
export interface PlannedRecordViewProps {
  title: string;
  record: Planned | null;
  none: string;
  /** The duplicate review decided to create this record new. */
  reviewCreate?: boolean;
  children?: ReactNode;
}

/** The record as a card. */
export function PlannedRecordView({ title, record, none, reviewCreate, children }: PlannedRecordViewProps): ReactNode {
  return (
    <section className="planned" aria-label={title}>
      <h4 className="planned-title">{title}</h4>
      {record === null ? (
        <p className="muted">{none}</p>
      ) : (
        <>
          <p className="planned-head">
            <span className={`action action-${record.action}`}>{record.action === 'merge' ? 'merge into' : 'new'}</span> <strong>{record.name}</strong>
            {record.id && <span className="muted mono"> {record.id}</span>}
            {targetOrigin(record.source) !== null && <span className={`origin origin-${record.source ?? ''}`}>{targetOrigin(record.source)}</span>}
            {record.action === 'create' && reviewCreate && <span className="origin origin-review">the review chose “create”</span>}
          </p>
          {record.action === 'create' ? (
            <dl className="planned-values">
              {Object.keys(record.values)
                .filter((k) => !k.endsWith('.name') && !HIDDEN.has(k))
                .map((k) => (
                  <div key={k} className="planned-pair">
                    <dt className="mono">{k}</dt>
                    <dd>{display(record.values, k)}</dd>
                  </div>
                ))}
              {record.values['Account_Name.name'] !== undefined && (
                <div className="planned-pair">
                  <dt className="mono">Account_Name</dt>
                  <dd>{record.values['Account_Name.name']}</dd>
                </div>
              )}
              {record.values['Contact_Name.name'] !== undefined && (
                <div className="planned-pair">
                  <dt className="mono">Contact_Name</dt>
                  <dd>{record.values['Contact_Name.name']}</dd>
                </div>
              )}
            </dl>
          ) : record.changes.length > 0 ? (
            <ul className="planned-changes">
              {record.changes.map((c) => (
                <li key={c.field}>
                  <span className="mono">{c.field}</span>: {c.before || '(empty)'} → <strong>{c.after}</strong>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{record.tags.length > 0 ? 'Its fields stay as they are; only the tags below are added.' : 'Its fields stay as they are.'}</p>
          )}
          {record.tags.length > 0 && <p className="muted">Tags carried over: {record.tags.join(', ')}</p>}
        </>
      )}
      {children}
    </section>
  );
}
