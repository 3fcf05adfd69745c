/**
 * The record side panel: every field of one replica record, by label.
 */
import { useEffect, useId, useRef, useState, type ReactNode, type RefObject } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useAppStore } from '../../store';
import type { RecordField } from '../../store/types';
import { RecordFieldValue } from './RecordFieldValue';

/** Props of RecordPanel. */
export interface RecordPanelProps {
  /** Bumped when the panel should take focus (opened from the keyboard or by a lookup). */
  focusToken: number;
  /** Where focus goes back to when the panel closes. */
  returnFocusRef: RefObject<HTMLElement | null>;
}

function isEmpty(f: RecordField): boolean {
  return f.value === '' && f.display === '' && (f.items === null || f.items.length === 0);
}

/** Renders nothing while no record is open. */
export function RecordPanel({ focusToken, returnFocusRef }: RecordPanelProps): ReactNode {
  const record = useAppStore((s) => s.record);
  const openRecord = useAppStore((s) => s.openRecord);
  const back = useAppStore((s) => s.recordBack);
  const closeRecord = useAppStore((s) => s.closeRecord);
  const modules = useAppStore((s) => s.modules);
  const [showEmpty, setShowEmpty] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const titleId = useId();
  const unmatchedId = useId();
  const [innerFocus, setInnerFocus] = useState(0);

  useEffect(() => {
    if (focusToken > 0 || innerFocus > 0) {
      headingRef.current?.focus({ preventScroll: true });
    }
  }, [focusToken, innerFocus]);

  if (record.target === null) {
    return null;
  }
  const close = (): void => {
    closeRecord();
    returnFocusRef.current?.focus();
  };
  const data = record.status === 'ready' ? record.data : null;
  const title = data?.title || (record.status === 'loading' ? 'Loading record…' : 'Record');
  const moduleLabel = modules.find((m) => m.module === record.target?.module)?.label ?? record.target.module;
  const known = data?.fields.filter((f) => f.known) ?? [];
  const unmatched = data?.fields.filter((f) => !f.known) ?? [];
  const shownKnown = showEmpty ? known : known.filter((f) => !isEmpty(f));
  const hiddenCount = known.length - shownKnown.length;
  const followLookup = (ref: { module: string; id: string }): void => {
    void openRecord(ref, true);
    setInnerFocus((n) => n + 1);
  };

  return (
    <aside
      className="record-panel"
      aria-labelledby={titleId}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          close();
        }
      }}
    >
      <div className="record-head">
        {record.trail.length > 0 && (
          <button
            type="button"
            className="button button-quiet"
            onClick={() => {
              back();
              setInnerFocus((n) => n + 1);
            }}
            aria-label="Back to previous record"
          >
            ← Back
          </button>
        )}
        <h2 className="record-title" id={titleId} ref={headingRef} tabIndex={-1}>
          {title}
        </h2>
        <button type="button" className="icon-button" onClick={close} aria-label="Close record">
          ×
        </button>
      </div>
      <p className="record-meta muted">
        {moduleLabel} · <span className="mono">{record.target.id}</span>
      </p>
      {record.target.id.startsWith('provisional-') && (
        <p className="notice notice-warning">Provisional: made by a simulated conversion, not in Zoho. Undo it under Convert.</p>
      )}

      {record.status === 'error' && record.error !== null && (
        <ErrorMessage code={record.error.code} message={record.error.message} />
      )}

      {data !== null && (
        <div className="record-body">
          <dl className="field-list">
            {shownKnown.map((f) => (
              <div className="field-pair" key={f.key}>
                <dt title={f.key}>{f.label}</dt>
                <dd>
                  <RecordFieldValue field={f} onOpenLookup={followLookup} />
                </dd>
              </div>
            ))}
          </dl>
          {(hiddenCount > 0 || showEmpty) && (
            <button type="button" className="button button-quiet" onClick={() => setShowEmpty((v) => !v)}>
              {showEmpty ? 'Hide empty fields' : `Show empty fields (${hiddenCount})`}
            </button>
          )}
          {unmatched.length > 0 && (
            <section aria-labelledby={unmatchedId} className="unmatched-section">
              <h3 className="section-title" id={unmatchedId}>
                Unmatched columns
              </h3>
              <p className="muted">Columns of the export that match no field of {moduleLabel}; kept as text.</p>
              <dl className="field-list">
                {unmatched.map((f) => (
                  <div className="field-pair" key={f.key}>
                    <dt>{f.label}</dt>
                    <dd>
                      <RecordFieldValue field={f} onOpenLookup={followLookup} />
                    </dd>
                  </div>
                ))}
              </dl>
            </section>
          )}
        </div>
      )}
    </aside>
  );
}
