/**
 * The main area for one module: title, toolbar, load results, the grid and the record panel.
 * Dropping a file anywhere on it loads that file into the module.
 */
import { useRef, useState, type DragEvent, type ReactNode } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { ErrorMessage } from '../../components/ErrorMessage';
import { plural } from '../../components/format';
import { useAppStore } from '../../store';
import { isLoadBusy } from '../../store/load-slice';
import { LoadProgressDialog } from './LoadProgressDialog';
import { LoadResultPanel } from './LoadResultPanel';
import { ModuleToolbar } from './ModuleToolbar';
import { RecordPanel } from './RecordPanel';
import { ReplicaGrid } from './ReplicaGrid';
import { USERS_MODULE } from '../../../../shared/domain/user-fields';

/** Props of ModuleView. */
export interface ModuleViewProps {
  module: string;
}

function hasFiles(e: DragEvent): boolean {
  return Array.from(e.dataTransfer.types).includes('Files');
}

/** One module's page. Keyed by module by its parent, so local state resets on switch. */
export function ModuleView({ module }: ModuleViewProps): ReactNode {
  const summary = useAppStore((s) => s.modules.find((m) => m.module === module));
  const status = useAppStore((s) => s.grid.status);
  const error = useAppStore((s) => s.grid.error);
  const total = useAppStore((s) => s.grid.total);
  const search = useAppStore((s) => s.grid.search);
  const busy = useAppStore((s) => isLoadBusy(s.load));
  const dropFile = useAppStore((s) => s.dropFile);
  const [dragging, setDragging] = useState(false);
  const dragDepth = useRef(0);
  const gridRef = useRef<HTMLDivElement>(null);
  const [panelFocus, setPanelFocus] = useState(0);

  const label = summary?.label ?? module;
  const isUsers = module === USERS_MODULE;

  // dragenter/dragleave fire for every child crossed; a depth counter tells when we truly left.
  const dragHandlers = {
    onDragEnter: (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      dragDepth.current += 1;
      setDragging(true);
    },
    onDragOver: (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = busy ? 'none' : 'copy';
    },
    onDragLeave: () => {
      dragDepth.current = Math.max(0, dragDepth.current - 1);
      if (dragDepth.current === 0) setDragging(false);
    },
    onDrop: (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      dragDepth.current = 0;
      setDragging(false);
      const file = e.dataTransfer.files[0];
      if (file !== undefined && !busy) {
        void dropFile(file);
      }
    },
  };

  let body: ReactNode;
  if (status === 'error' && error !== null) {
    body = <ErrorMessage code={error.code} message={error.message} title="The records could not be read." />;
  } else if (status === 'loading' || status === 'idle') {
    body = <p className="muted grid-note">Loading records…</p>;
  } else if (total === 0 && search === '' && isUsers) {
    body = (
      <EmptyState title="No users yet">
        Load your org&apos;s users so owner columns (Lead Owner, Contact Owner…) resolve to user ids: the Users API
        response saved as JSON (GET /crm/v2/users?type=AllUsers), or a users CSV that includes their ids. Use Load
        users… above or drop the file here.
      </EmptyState>
    );
  } else if (total === 0 && search === '') {
    body = (
      <EmptyState title={`No ${label} records`}>
        No records yet. Load a Zoho export (Bulk Read ZIP/CSV, CRM export CSV or Records API JSON) with the button
        above or drop it here.
      </EmptyState>
    );
  } else if (total === 0) {
    body = <EmptyState>No records match “{search}”.</EmptyState>;
  } else {
    body = <ReplicaGrid label={label} gridRef={gridRef} onKeyboardOpen={() => setPanelFocus((n) => n + 1)} />;
  }

  return (
    <section className="module-view" aria-labelledby="module-title" {...dragHandlers}>
      <div className="module-head">
        <h2 className="module-title" id="module-title">
          {label}
        </h2>
        <p className="module-meta">
          <span>{isUsers ? plural(summary?.records ?? 0, 'user', 'users') : plural(summary?.records ?? 0, 'record', 'records')}</span>
          <span className="dot" aria-hidden="true">
            ·
          </span>
          {isUsers ? (
            <span>Read-only: resolves owner and user columns; Zoho’s Bulk Write does not import users</span>
          ) : (
            <>
              <span>{summary?.source === 'org' ? 'Org field metadata' : 'Standard field metadata'}</span>
              {summary !== undefined && <span className="muted"> ({plural(summary.fields, 'field', 'fields')})</span>}
            </>
          )}
        </p>
      </div>
      <ModuleToolbar />
      <LoadResultPanel />
      <div className="module-body">
        <div className="grid-area">{body}</div>
        <RecordPanel focusToken={panelFocus} returnFocusRef={gridRef} />
      </div>
      {dragging && !busy && (
        <div className="drop-overlay" aria-hidden="true">
          <p>Drop to load into {label}</p>
          <p className="muted">{isUsers ? 'A Users API response (JSON) or a users CSV with ids' : 'Exports (CSV, ZIP, JSON) or a field metadata JSON'}</p>
        </div>
      )}
      <LoadProgressDialog />
    </section>
  );
}
