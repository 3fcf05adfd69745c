/**
 * The window layout: header, sidebar (modules and batches), the main screen (replica, import,
 * batch or duplicate review), and the dialogs.
 *
 * Dropping files: on a module's records (the replica view) a file loads into the replica, as
 * the overlay there says; anywhere else in the window a CSV starts an import.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { EmptyState } from '../components/EmptyState';
import { ErrorMessage } from '../components/ErrorMessage';
import { BatchView } from '../features/import/BatchView';
import { ExportView } from '../features/export/ExportView';
import { ImportView } from '../features/import/ImportView';
import { DedupeProgress } from '../features/review/DedupeProgress';
import { ReviewView } from '../features/review/ReviewView';
import { TemplatesDialog } from '../features/import/TemplatesDialog';
import { AppHeader } from '../features/workspace/AppHeader';
import { WorkspaceDialog } from '../features/workspace/WorkspaceDialog';
import { ModuleSidebar } from '../features/replica/ModuleSidebar';
import { ModuleView } from '../features/replica/ModuleView';
import { useAppStore } from '../store';
import { ConvertView } from '../features/convert/ConvertView';
import { InvoicesView } from '../features/invoices/InvoicesView';

/** Targets that take a drop themselves (replica load, the import drop zone). */
const OWN_DROP_TARGETS = '.module-view, .drop-zone';
/** A drag that stops moving over the window has left it (dragleave is unreliable across children). */
const DRAG_IDLE_MS = 250;

/** Root component. */
export function App(): ReactNode {
  const start = useAppStore((s) => s.start);
  const appStatus = useAppStore((s) => s.app.status);
  const appError = useAppStore((s) => s.app.error);
  const reloadAll = useAppStore((s) => s.reloadAll);
  const dialogOpen = useAppStore((s) => s.workspaceDialog.open);
  const templatesOpen = useAppStore((s) => s.templates.open);
  const selected = useAppStore((s) => s.selectedModule);
  const loadedPath = useAppStore((s) => s.loadedPath);
  const modulesStatus = useAppStore((s) => s.modulesStatus);
  const view = useAppStore((s) => s.view);
  const dropToImport = useAppStore((s) => s.dropToImport);
  const [dragHint, setDragHint] = useState(false);

  useEffect(() => start(), [start]);

  // Without these, a file dropped outside a drop target would make the page navigate to it.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const hasFiles = (e: DragEvent): boolean => e.dataTransfer?.types.includes('Files') ?? false;
    const over = (e: DragEvent): void => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      const owned = e.target instanceof Element && e.target.closest(OWN_DROP_TARGETS) !== null;
      setDragHint(!owned);
      clearTimeout(timer);
      timer = setTimeout(() => setDragHint(false), DRAG_IDLE_MS);
    };
    const drop = (e: DragEvent): void => {
      if (!hasFiles(e)) return;
      setDragHint(false);
      // A drop target that took the file has already prevented the default.
      if (e.defaultPrevented) return;
      e.preventDefault();
      const file = e.dataTransfer?.files[0];
      if (file !== undefined) void dropToImport(file);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [dropToImport]);

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
  } else if (view.kind === 'import') {
    main = <ImportView />;
  } else if (view.kind === 'batch') {
    main = <BatchView key={view.batch} />;
  } else if (view.kind === 'review') {
    main = <ReviewView key={view.batch} batch={view.batch} />;
  } else if (view.kind === 'export') {
    main = <ExportView />;
  } else if (view.kind === 'convert') {
    main = <ConvertView />;
  } else if (view.kind === 'invoices') {
    main = <InvoicesView />;
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
      {dragHint && (
        <div className="drop-hint" aria-hidden="true">
          <p>Drop a CSV to import it</p>
          <p className="muted">To load a Zoho export into the replica, drop it on a module's records instead.</p>
        </div>
      )}
      {dialogOpen && <WorkspaceDialog />}
      {templatesOpen && <TemplatesDialog />}
      <DedupeProgress />
    </div>
  );
}
