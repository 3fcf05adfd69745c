/**
 * The sidebar's "Prepare" section: the Convert and Invoices areas.
 */
import type { ReactNode } from 'react';
import { useAppStore } from '../../store';

/** Two buttons, the current area marked. */
export function WorkAreasNav(): ReactNode {
  const view = useAppStore((s) => s.view.kind);
  const openConvert = useAppStore((s) => s.openConvert);
  const openInvoices = useAppStore((s) => s.openInvoices);
  return (
    <nav className="sidebar-section" aria-labelledby="prepare-title">
      <h2 className="sidebar-title" id="prepare-title">
        Prepare
      </h2>
      <ul className="module-list">
        <li>
          <button type="button" className="module-item batch-item" aria-current={view === 'convert' ? 'true' : undefined} onClick={openConvert}>
            <span className="module-label">Convert</span>
            <span className="batch-sub">leads, quotes, sales orders</span>
          </button>
        </li>
        <li>
          <button type="button" className="module-item batch-item" aria-current={view === 'invoices' ? 'true' : undefined} onClick={openInvoices}>
            <span className="module-label">Invoices</span>
            <span className="batch-sub">previews, PDF, customers</span>
          </button>
        </li>
      </ul>
    </nav>
  );
}
