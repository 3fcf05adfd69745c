/**
 * What to export and how: the batches, the operation and find_by, the API version, the
 * callback, ignore_empty and the folder.
 */
import { useId, useMemo, type ReactNode } from 'react';
import { Segmented } from '../../components/Segmented';
import { formatCount } from '../../components/format';
import { useAppStore } from '../../store';

const OPERATIONS = [
  { value: 'insert' as const, label: 'Insert' },
  { value: 'update' as const, label: 'Update' },
  { value: 'upsert' as const, label: 'Upsert' },
];
const VERSIONS = [
  { value: 'v2' as const, label: 'API v2' },
  { value: 'v8' as const, label: 'API v8' },
];

/** The choices of an export. */
export function ExportSetup({ disabled }: { disabled: boolean }): ReactNode {
  const screen = useAppStore((s) => s.exportScreen);
  const batches = useAppStore((s) => s.batches);
  const setBatches = useAppStore((s) => s.setExportBatches);
  const setOptions = useAppStore((s) => s.setExportOptions);
  const setFolder = useAppStore((s) => s.setExportFolder);
  const ids = { add: useId(), findBy: useId(), choices: useId(), callback: useId(), folder: useId(), ignore: useId() };
  const chosen = useMemo(() => screen.batches.map((id) => batches.find((b) => b.batch === id)).filter((b) => b !== undefined), [screen.batches, batches]);
  const others = batches.filter((b) => !screen.batches.includes(b.batch)).sort((a, b) => b.batch - a.batch);
  const o = screen.options;

  return (
    <div className="export-setup">
      <section className="import-section" aria-label="Batches to export">
        <h3 className="section-title">Batches</h3>
        {chosen.length === 0 && <p className="muted">No batch yet: add one below.</p>}
        <ul className="export-batches">
          {chosen.map((b) => (
            <li key={b.batch} className="export-batch">
              <span>
                <strong>#{b.batch}</strong> {b.sourceName} <span className="muted">· {b.module.replace(/_/g, ' ')} · {formatCount(b.rows)} rows</span>
              </span>
              <button type="button" className="link-button" disabled={disabled} onClick={() => setBatches(screen.batches.filter((x) => x !== b.batch))} aria-label={`Remove batch ${b.batch}`}>
                Remove
              </button>
            </li>
          ))}
        </ul>
        {others.length > 0 && (
          <div className="field-row">
            <label htmlFor={ids.add}>Add a batch</label>
            <select
              id={ids.add}
              className="input"
              value=""
              disabled={disabled}
              onChange={(e) => {
                const id = Number(e.target.value);
                if (id > 0) setBatches([...screen.batches, id]);
              }}
            >
              <option value="">Choose…</option>
              {others.map((b) => (
                <option key={b.batch} value={b.batch}>
                  #{b.batch} {b.sourceName} ({b.module.replace(/_/g, ' ')})
                </option>
              ))}
            </select>
            <span className="muted">Parents (Accounts) go before the records that look them up.</span>
          </div>
        )}
      </section>
      <section className="import-section export-options" aria-label="Options">
        <h3 className="section-title">Options</h3>
        <div className="export-option-grid">
          <Segmented label="Operation" options={OPERATIONS} value={o.operation} onChange={(v) => setOptions({ operation: v })} />
          <div className="field">
            <label htmlFor={ids.findBy}>Find records by (find_by)</label>
            <input
              id={ids.findBy}
              className="input"
              placeholder={o.operation === 'insert' ? 'optional' : 'a unique field, e.g. Email'}
              value={o.findBy ?? ''}
              disabled={disabled}
              list={ids.choices}
              onChange={(e) => setOptions({ findBy: e.target.value.trim() === '' ? null : e.target.value.trim() })}
            />
            <datalist id={ids.choices}>
              {screen.findByChoices.map((c) => (
                <option key={c} value={c} />
              ))}
            </datalist>
            <span className="muted">{screen.findByChoices.length > 1 ? `id or a unique field: ${screen.findByChoices.slice(1).join(', ')}` : 'id, or a field your org marks unique (load its metadata)'}</span>
          </div>
          <Segmented label="Job JSON" options={VERSIONS} value={o.apiVersion} onChange={(v) => setOptions({ apiVersion: v })} />
          <div className="field">
            <label htmlFor={ids.callback}>Callback URL</label>
            <input
              id={ids.callback}
              className="input export-callback-input"
              placeholder="none (poll the job instead)"
              value={o.callbackUrl ?? ''}
              disabled={disabled}
              onChange={(e) => setOptions({ callbackUrl: e.target.value.trim() === '' ? null : e.target.value.trim() })}
            />
          </div>
          <label className="check" htmlFor={ids.ignore}>
            <input id={ids.ignore} type="checkbox" checked={o.ignoreEmpty === true} disabled={disabled} onChange={(e) => setOptions({ ignoreEmpty: e.target.checked ? true : null })} />
            Empty cells leave CRM values alone (ignore_empty)
          </label>
        </div>
      </section>
      <section className="import-section" aria-label="Folder">
        <div className="field">
          <label htmlFor={ids.folder}>Export folder</label>
          <input id={ids.folder} className="input mono export-folder-input" value={screen.folder} disabled={disabled} onChange={(e) => setFolder(e.target.value)} spellCheck={false} />
          <span className="muted">Created for this export (an earlier Preflight export there is replaced; any other content is refused).</span>
        </div>
      </section>
    </div>
  );
}
