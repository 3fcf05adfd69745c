/**
 * The module view's toolbar: record search and the buttons that load files.
 */
import { HiddenFileInput } from '../../components/HiddenFileInput';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { formatCount } from '../../components/format';
import { useAppStore, useTransportKind } from '../../store';
import { isLoadBusy, type LoadKind } from '../../store/load-slice';
import { USERS_MODULE } from '../../../../shared/domain/user-fields';

/** Waits this long after the last keystroke, so typing a name sends one query, not six. */
const SEARCH_DEBOUNCE_MS = 250;

/** Search box, "Load export…" and "Load field metadata…" ("Load users…" in Users, which is read-only). */
export function ModuleToolbar(): ReactNode {
  const appliedSearch = useAppStore((s) => s.grid.search);
  const total = useAppStore((s) => s.grid.total);
  const ready = useAppStore((s) => s.grid.status === 'ready');
  const setSearch = useAppStore((s) => s.setGridSearch);
  const busy = useAppStore((s) => isLoadBusy(s.load));
  const loadFile = useAppStore((s) => s.loadFile);
  const pickAndLoad = useAppStore((s) => s.pickAndLoad);
  const isElectron = useTransportKind() === 'electron';
  const [text, setText] = useState(appliedSearch);
  const exportInput = useRef<HTMLInputElement>(null);
  const metadataInput = useRef<HTMLInputElement>(null);
  const usersInput = useRef<HTMLInputElement>(null);
  const isUsers = useAppStore((s) => s.selectedModule === USERS_MODULE);
  const searchId = useId();

  useEffect(() => {
    const timer = setTimeout(() => setSearch(text.trim()), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, setSearch]);

  const choose = (kind: LoadKind): void => {
    if (isElectron) {
      void pickAndLoad(kind);
    } else {
      (kind === 'export' ? exportInput : kind === 'users' ? usersInput : metadataInput).current?.click();
    }
  };

  return (
    <div className="toolbar">
      <div className="search">
        <label htmlFor={searchId} className="sr-only">
          Search records
        </label>
        <input
          id={searchId}
          type="search"
          className="input search-input"
          placeholder="Search records"
          value={text}
          onChange={(e) => setText(e.target.value)}
          spellCheck={false}
          autoComplete="off"
        />
        {appliedSearch !== '' && ready && (
          <span className="search-count" role="status">
            {formatCount(total)} matching
          </span>
        )}
      </div>
      <span className="spacer" />
      {isUsers ? (
        <button type="button" className="button button-primary" onClick={() => choose('users')} disabled={busy}>
          Load users…
        </button>
      ) : (
        <>
          <button type="button" className="button" onClick={() => choose('metadata')} disabled={busy}>
            Load field metadata…
          </button>
          <button type="button" className="button button-primary" onClick={() => choose('export')} disabled={busy}>
            Load export…
          </button>
        </>
      )}
      {!isElectron && (
        <>
          <HiddenFileInput inputRef={usersInput} accept=".json,.csv" label="Users file" onFile={(file) => void loadFile('users', file)} />
          <HiddenFileInput inputRef={exportInput} accept=".csv,.zip,.json" label="Export file" onFile={(file) => void loadFile('export', file)} />
          <HiddenFileInput inputRef={metadataInput} accept=".json" label="Field metadata file" onFile={(file) => void loadFile('metadata', file)} />
        </>
      )}
    </div>
  );
}
