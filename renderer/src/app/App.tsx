/**
 * The window layout: header, modules sidebar, module view, and the workspace dialog.
 */
import { useEffect, type ReactNode } from 'react';
import { EmptyState } from '../components/EmptyState';
import { ErrorMessage } from '../components/ErrorMessage';
import { AppHeader } from '../features/workspace/AppHeader';
import { WorkspaceDialog } from '../features/workspace/WorkspaceDialog';
import { ModuleSidebar } from '../features/replica/ModuleSidebar';
import { ModuleView } from '../features/replica/ModuleView';
import { useAppStore } from '../store';

/** Root component. */
export function App(): ReactNode {
  const start = useAppStore((s) => s.start);
  const appStatus = useAppStore((s) => s.app.status);
  const appError = useAppStore((s) => s.app.error);
  const reloadAll = useAppStore((s) => s.reloadAll);
  const dialogOpen = useAppStore((s) => s.workspaceDialog.open);
  const selected = useAppStore((s) => s.selectedModule);
  const loadedPath = useAppStore((s) => s.loadedPath);
  const modulesStatus = useAppStore((s) => s.modulesStatus);

  useEffect(() => start(), [start]);

  // A file dropped outside the module view would otherwise make the page navigate to it.
  useEffect(() => {
    const stop = (e: DragEvent): void => {
      if (e.dataTransfer?.types.includes('Files')) {
        e.preventDefault();
      }
    };
    window.addEventListener('dragover', stop);
    window.addEventListener('drop', stop);
    return () => {
      window.removeEventListener('dragover', stop);
      window.removeEventListener('drop', stop);
    };
  }, []);

  let main: ReactNode;
  if (appStatus === 'error' && appError !== null) {
    main = (
      <div className="fatal">
        <ErrorMessage code={appError.code} message={appError.message} title="Preflight could not reach its core." />
        <button type="button" className="button" onClick={() => void reloadAll()}>
          Retry
        </button>
      </div>
    );
  } else if (selected !== null) {
    main = <ModuleView key={`${loadedPath ?? ''}\u0000${selected}`} module={selected} />;
  } else if (modulesStatus === 'ready') {
    main = <EmptyState title="No modules">This workspace has no module metadata.</EmptyState>;
  } else {
    main = <p className="muted grid-note">Loading…</p>;
  }

  return (
    <div className="app">
      <AppHeader />
      <div className="app-body">
        <ModuleSidebar />
        <main className="app-main">{main}</main>
      </div>
      {dialogOpen && <WorkspaceDialog />}
    </div>
  );
}
