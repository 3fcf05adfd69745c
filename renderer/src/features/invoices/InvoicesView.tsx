/**
 * The Invoices area: invoice and estimate previews (saved as PDF or HTML) and the customers
 * Zoho Invoice would import from the replica.
 */
import type { ReactNode } from 'react';
import { Segmented } from '../../components/Segmented';
import { useAppStore } from '../../store';
import '../convert/convert.css';
import './invoices.css';
import { ProgressLine } from '../convert/ProgressLine';
import { CustomersPanel } from './CustomersPanel';
import { PreviewPanel } from './PreviewPanel';

/** The whole area. */
export function InvoicesView(): ReactNode {
  const tab = useAppStore((s) => s.invoices.tab);
  const setTab = useAppStore((s) => s.setInvoicesTab);
  const busy = useAppStore((s) => s.invoices.busy);
  const progress = useAppStore((s) => s.invoices.progress);
  const error = useAppStore((s) => s.invoices.error);
  const notice = useAppStore((s) => s.invoices.notice);
  const dismiss = useAppStore((s) => s.dismissInvoicesMessage);

  return (
    <section className="work-view" aria-labelledby="invoices-title">
      <div className="module-head">
        <h2 className="module-title" id="invoices-title">
          Invoices
        </h2>
        <p className="module-meta">The invoices and estimates Zoho Invoice would make from your CRM records, and the customers it would import.</p>
      </div>
      <div className="toolbar">
        <Segmented
          label="Show"
          options={[
            { value: 'preview', label: 'Invoice and estimate previews' },
            { value: 'customers', label: 'Customers' },
          ]}
          value={tab}
          onChange={setTab}
        />
      </div>
      {busy !== null && <ProgressLine label={busy} progress={progress} />}
      {error !== null && (
        <p className="notice notice-error" role="alert">
          {error.message} <code className="error-code">{error.code}</code>
          <button type="button" className="link-button" onClick={dismiss}>
            Dismiss
          </button>
        </p>
      )}
      {notice !== null && error === null && (
        <p className="notice notice-success" role="status">
          {notice}
        </p>
      )}
      <div className="work-scroll">{tab === 'preview' ? <PreviewPanel /> : <CustomersPanel />}</div>
    </section>
  );
}
