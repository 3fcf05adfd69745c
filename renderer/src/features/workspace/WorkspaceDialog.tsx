/**
 * The "Workspace…" dialog: open or create a workspace file by path, or reopen a recent one.
 */
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatDateTime } from '../../components/format';
import { Modal } from '../../components/Modal';
import { useAppStore, useTransportKind } from '../../store';

/** Mounted only while the dialog is open. */
export function WorkspaceDialog(): ReactNode {
  const current = useAppStore((s) => s.app.workspace?.path ?? '');
  const { busy, error, recent, recentError } = useAppStore((s) => s.workspaceDialog);
  const close = useAppStore((s) => s.closeWorkspaceDialog);
  const openWorkspace = useAppStore((s) => s.openWorkspace);
  const pickPath = useAppStore((s) => s.pickWorkspacePath);
  const isElectron = useTransportKind() === 'electron';
  const [path, setPath] = useState(current);
  const inputId = useId();
  const recentId = useId();

  const submit = (create: boolean) => (e?: FormEvent) => {
    e?.preventDefault();
    const trimmed = path.trim();
    if (trimmed !== '') {
      void openWorkspace(trimmed, create);
    }
  };

  const browse = async (): Promise<void> => {
    const picked = await pickPath(false);
    if (picked !== null) {
      setPath(picked);
    }
  };

  return (
    <Modal title="Workspace" onDismiss={close} className="workspace-dialog">
      <form onSubmit={submit(false)} className="stack">
        <p className="muted">
          A workspace is one file that holds the replica, metadata and all your work. Open an existing file, or
          create a new one at the path you give.
        </p>
        <div className="field">
          <label htmlFor={inputId}>Workspace file</label>
          <div className="field-row">
            <input
              id={inputId}
              type="text"
              className="input input-grow"
              value={path}
              onChange={(e) => setPath(e.target.value)}
              spellCheck={false}
              autoComplete="off"
              placeholder="/path/to/workspace.preflight.db"
              data-autofocus
            />
            {isElectron && (
              <button type="button" className="button" onClick={() => void browse()} disabled={busy}>
                Browse…
              </button>
            )}
          </div>
        </div>
        {error !== null && <ErrorMessage code={error.code} message={error.message} title="The workspace could not be opened." />}
        <div className="button-row">
          <button type="button" className="button" onClick={close} disabled={busy}>
            Cancel
          </button>
          <span className="spacer" />
          <button type="button" className="button" onClick={submit(true)} disabled={busy || path.trim() === ''}>
            Create
          </button>
          <button type="submit" className="button button-primary" disabled={busy || path.trim() === ''}>
            Open
          </button>
        </div>
      </form>

      <section aria-labelledby={recentId} className="recent">
        <h3 id={recentId} className="section-title">
          Recent workspaces
        </h3>
        {recentError !== null && <ErrorMessage code={recentError.code} message={recentError.message} />}
        {recent.length === 0 && recentError === null && <p className="muted">No recent workspaces.</p>}
        {recent.length > 0 && (
          <ul className="recent-list">
            {recent.map((item) => (
              <li key={item.path}>
                <button
                  type="button"
                  className="recent-item"
                  disabled={busy}
                  aria-current={item.path === current ? 'true' : undefined}
                  onClick={() => void openWorkspace(item.path, false)}
                >
                  <span className="recent-path">{item.path}</span>
                  <span className="recent-date">{formatDateTime(item.openedAt)}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </Modal>
  );
}
