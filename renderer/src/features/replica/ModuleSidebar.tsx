/**
 * The "Modules" sidebar: every module of the workspace with its record count.
 */
import type { ReactNode } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatCount } from '../../components/format';
import { useAppStore } from '../../store';
import { BatchList } from '../import/BatchList';
import { WorkAreasNav } from '../convert/WorkAreasNav';

/** Lists modules (clicking one shows it in the module view), then the import batches. */
export function ModuleSidebar(): ReactNode {
  const modules = useAppStore((s) => s.modules);
  const status = useAppStore((s) => s.modulesStatus);
  const error = useAppStore((s) => s.modulesError);
  const selected = useAppStore((s) => s.selectedModule);
  const selectModule = useAppStore((s) => s.selectModule);
  const onReplica = useAppStore((s) => s.view.kind === 'replica');

  return (
    <div className="sidebar">
      <nav className="sidebar-section" aria-labelledby="modules-title">
        <h2 className="sidebar-title" id="modules-title">
          Modules
        </h2>
        {status === 'error' && error !== null && <ErrorMessage code={error.code} message={error.message} />}
        {status === 'loading' && modules.length === 0 && <p className="muted sidebar-note">Loading…</p>}
        <ul className="module-list">
          {modules.map((m) => (
            <li key={m.module}>
              <button
                type="button"
                className="module-item"
                aria-current={onReplica && m.module === selected ? 'true' : undefined}
                onClick={() => selectModule(m.module)}
              >
                <span className="module-label">{m.label}</span>
                <span className="module-count">
                  {formatCount(m.records)}
                  <span className="sr-only"> records</span>
                </span>
                {m.source === 'org' && <span className="badge badge-org">org metadata</span>}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <BatchList />
      <WorkAreasNav />
    </div>
  );
}
