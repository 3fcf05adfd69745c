/**
 * The Convert area: lead conversions and inventory conversions, previewed offline as Zoho
 * would do them.
 */
import type { ReactNode } from 'react';
import { Segmented } from '../../components/Segmented';
import { useAppStore } from '../../store';
import './convert.css';
import { InventoryPanel } from './InventoryPanel';
import { LeadsPanel } from './LeadsPanel';
import { ProgressLine } from './ProgressLine';
import { SimulationList } from './SimulationList';

/** The whole area. */
export function ConvertView(): ReactNode {
  const tab = useAppStore((s) => s.convert.tab);
  const setTab = useAppStore((s) => s.setConvertTab);
  const busy = useAppStore((s) => s.convert.busy);
  const progress = useAppStore((s) => s.convert.progress);
  const cancel = useAppStore((s) => s.cancelConvertJob);
  const error = useAppStore((s) => s.convert.error);
  const notice = useAppStore((s) => s.convert.notice);
  const dismiss = useAppStore((s) => s.dismissConvertMessage);

  return (
    <section className="work-view" aria-labelledby="convert-title">
      <div className="module-head">
        <h2 className="module-title" id="convert-title">
          Convert
        </h2>
        <p className="module-meta">What converting leads and quotes would give in Zoho, and what Zoho would refuse — before anything is sent.</p>
      </div>
      <div className="toolbar">
        <Segmented
          label="Convert"
          options={[
            { value: 'leads', label: 'Leads' },
            { value: 'inventory', label: 'Quotes and sales orders' },
          ]}
          value={tab}
          onChange={setTab}
        />
      </div>
      {busy !== null && <ProgressLine label={busy} progress={progress} onCancel={busy.startsWith('Planning') || busy.startsWith('Simulating') ? () => void cancel() : undefined} />}
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
      <div className="work-scroll">
        {tab === 'leads' ? <LeadsPanel /> : <InventoryPanel />}
        <SimulationList />
      </div>
    </section>
  );
}
