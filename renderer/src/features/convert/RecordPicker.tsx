/**
 * A searchable list of one module's replica records: pick one (radio-like buttons) or tick
 * several (checkboxes). Pages of 50 come from the core; nothing holds the whole module.
 */
import { useEffect, useId, useState, type ReactNode } from 'react';
import { formatCount } from '../../components/format';
import { useAppStore } from '../../store';
import { PICKER_PAGE, type PickerRow } from '../../store/picker-slice';

/** Props of RecordPicker. */
export interface RecordPickerProps {
  /** Unique per picker on screen. */
  pickerId: string;
  module: string;
  /** Accessible name of the list ("Leads to convert"). */
  label: string;
  /** Single choice: the chosen id. */
  selected?: string | null;
  onPick?: (row: PickerRow) => void;
  /** Several: which ids are ticked. */
  ticked?: ReadonlySet<string>;
  onTick?: (row: PickerRow, on: boolean) => void;
  /** Extra text after a row's name (e.g. why it is suggested). */
  badge?: (row: PickerRow) => ReactNode;
}

/** The picker. */
export function RecordPicker({ pickerId, module, label, selected, onPick, ticked, onTick, badge }: RecordPickerProps): ReactNode {
  const state = useAppStore((s) => s.pickers[pickerId]);
  const search = useAppStore((s) => s.searchPicker);
  const [term, setTerm] = useState(state?.module === module ? state.search : '');
  const inputId = useId();

  useEffect(() => {
    const t = setTimeout(() => void search(pickerId, module, term, 0), term === '' ? 0 : 200);
    return () => clearTimeout(t);
  }, [pickerId, module, term, search]);

  const rows = state?.module === module ? state.rows : [];
  const total = state?.module === module ? state.total : 0;
  const offset = state?.offset ?? 0;
  const moduleLabel = module.replace(/_/g, ' ');

  return (
    <div className="picker">
      <div className="picker-search">
        <label htmlFor={inputId} className="sr-only">
          Search {moduleLabel}
        </label>
        <input id={inputId} type="search" className="input" placeholder={`Search ${moduleLabel}…`} value={term} onChange={(e) => setTerm(e.target.value)} />
        <span className="muted picker-count">{state?.status === 'loading' ? 'Searching…' : `${formatCount(total)} ${total === 1 ? 'record' : 'records'}`}</span>
      </div>
      {state?.status === 'error' && state.error && (
        <p className="notice notice-error" role="alert">
          {state.error.message}
        </p>
      )}
      <ul className="picker-list" aria-label={label}>
        {rows.map((r) => {
          const isOn = ticked ? ticked.has(r.id) : selected === r.id;
          return (
            <li key={r.id}>
              {onTick ? (
                <label className={`picker-row${isOn ? ' is-on' : ''}`}>
                  <input type="checkbox" checked={isOn} onChange={(e) => onTick(r, e.target.checked)} />
                  <span className="picker-text">
                    <span className="picker-title">{r.title}</span>
                    {r.subtitle && <span className="picker-sub">{r.subtitle}</span>}
                  </span>
                  {badge?.(r)}
                </label>
              ) : (
                <button type="button" className={`picker-row${isOn ? ' is-on' : ''}`} aria-pressed={isOn} onClick={() => onPick?.(r)}>
                  <span className="picker-text">
                    <span className="picker-title">{r.title}</span>
                    {r.subtitle && <span className="picker-sub">{r.subtitle}</span>}
                  </span>
                  {badge?.(r)}
                </button>
              )}
            </li>
          );
        })}
        {rows.length === 0 && state?.status === 'ready' && <li className="muted picker-empty">{term ? `No ${moduleLabel} match “${term}”.` : `No ${moduleLabel} in the replica yet.`}</li>}
      </ul>
      {total > PICKER_PAGE && (
        <div className="picker-pager">
          <button type="button" className="button button-small" disabled={offset === 0} onClick={() => void search(pickerId, module, term, Math.max(0, offset - PICKER_PAGE))}>
            Previous
          </button>
          <span className="muted">
            {formatCount(offset + 1)}–{formatCount(Math.min(total, offset + PICKER_PAGE))} of {formatCount(total)}
          </span>
          <button type="button" className="button button-small" disabled={offset + PICKER_PAGE >= total} onClick={() => void search(pickerId, module, term, offset + PICKER_PAGE)}>
            Next
          </button>
        </div>
      )}
    </div>
  );
}
