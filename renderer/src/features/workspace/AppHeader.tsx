/**
 * The window's top bar: product name, the open workspace and the button to switch it.
 */
import type { ReactNode } from 'react';
import { useAppStore } from '../../store';
import { ImportCsvButton } from '../import/ImportCsvButton';

/** Top bar with the workspace path, "Import CSV…" and "Workspace…". */
export function AppHeader(): ReactNode {
  const workspace = useAppStore((s) => s.app.workspace);
  const openDialog = useAppStore((s) => s.openWorkspaceDialog);

  return (
    <header className="app-header">
      <h1 className="brand">Preflight</h1>
      <div className="workspace-info">
        <span className="workspace-caption">Workspace</span>
        <span className="workspace-path" title={workspace?.path}>
          {workspace?.path ?? '…'}
        </span>
        {workspace?.isDefault === true && <span className="badge">default</span>}
      </div>
      <ImportCsvButton />
      <button type="button" className="button" onClick={openDialog}>
        Workspace…
      </button>
    </header>
  );
}
