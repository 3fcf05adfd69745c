/**
 * Find and replace within one mapped column (values as Zoho will get them).
 */
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useAppStore } from '../../store';
import { fieldLabel } from '../../store/batch-slice';

/** Props of ReplacePanel. */
export interface ReplacePanelProps {
  id: string;
  onClose(): void;
}

/** A small form under the toolbar. */
export function ReplacePanel({ id, onClose }: ReplacePanelProps): ReactNode {
  const summary = useAppStore((s) => s.batch.summary);
  const fields = useAppStore((s) => s.batch.fields);
  const busy = useAppStore((s) => s.batch.busy !== null);
  const replace = useAppStore((s) => s.replaceInColumn);
  const mapped = summary?.mapping.fields.map((m) => m.field) ?? [];
  const [field, setField] = useState(mapped[0] ?? '');
  const [find, setFind] = useState('');
  const [replacement, setReplacement] = useState('');
  const [matchCase, setMatchCase] = useState(false);
  const [wholeCell, setWholeCell] = useState(false);
  const ids = { field: useId(), find: useId(), repl: useId(), mc: useId(), wc: useId() };

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    if (field !== '' && find !== '') {
      void replace({ field, find, replace: replacement, matchCase, wholeCell });
    }
  };

  return (
    <form id={id} className="replace-panel" aria-label="Find and replace" onSubmit={submit}>
      <div className="field">
        <label htmlFor={ids.field}>Column</label>
        <select id={ids.field} className="input" value={field} onChange={(e) => setField(e.target.value)}>
          {mapped.map((f) => (
            <option key={f} value={f}>
              {fieldLabel(fields, f)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.find}>Find</label>
        <input id={ids.find} className="input" value={find} onChange={(e) => setFind(e.target.value)} spellCheck={false} />
      </div>
      <div className="field">
        <label htmlFor={ids.repl}>Replace with</label>
        <input id={ids.repl} className="input" value={replacement} onChange={(e) => setReplacement(e.target.value)} spellCheck={false} />
      </div>
      <div className="replace-options">
        <label className="check" htmlFor={ids.mc}>
          <input id={ids.mc} type="checkbox" checked={matchCase} onChange={(e) => setMatchCase(e.target.checked)} />
          Match case
        </label>
        <label className="check" htmlFor={ids.wc}>
          <input id={ids.wc} type="checkbox" checked={wholeCell} onChange={(e) => setWholeCell(e.target.checked)} />
          Whole cell
        </label>
      </div>
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy || field === '' || find === ''}>
          Replace all
        </button>
        <button type="button" className="button button-quiet" onClick={onClose}>
          Close find and replace
        </button>
      </div>
    </form>
  );
}
