/**
 * The preview side of the Invoices area: pick a record, choose invoice or estimate (and a
 * Deal's workflow), see the document and its checks, save it.
 */
import { useState, type ReactNode } from 'react';
import { Segmented } from '../../components/Segmented';
import { useAppStore } from '../../store';
import type { PreviewModule } from '../../store/invoice-slice';
import { RecordPicker } from '../convert/RecordPicker';
import { DocumentChecks } from './DocumentChecks';
import { DocumentView } from './DocumentView';
import { SaveDocumentDialog } from './SaveDocumentDialog';

const MODULES: { value: PreviewModule; label: string }[] = [
  { value: 'Quotes', label: 'Quotes' },
  { value: 'Sales_Orders', label: 'Sales Orders' },
  { value: 'Invoices', label: 'Invoices' },
  { value: 'Deals', label: 'Deals' },
];

function fileName(name: string, kind: string): string {
  const base = name.normalize('NFKD').replace(/[^\w\s-]/g, '').trim().replace(/\s+/g, '-').toLowerCase();
  return `${kind}-${base || 'document'}`;
}

/** The preview panel. */
export function PreviewPanel(): ReactNode {
  const inv = useAppStore((s) => s.invoices);
  const setPreview = useAppStore((s) => s.setPreview);
  const [saving, setSaving] = useState<'pdf' | 'html' | null>(null);
  const doc = inv.doc;
  const kindValue = inv.kind ?? 'usual';

  return (
    <div className="convert-columns">
      <section className="convert-step picker-column" aria-labelledby="preview-source">
        <h3 id="preview-source" className="step-title">
          Record
        </h3>
        <Segmented label="Module" options={MODULES} value={inv.module} onChange={(module) => void setPreview({ module })} />
        <RecordPicker pickerId={`invoice-${inv.module}`} module={inv.module} label={`${inv.module.replace(/_/g, ' ')} to preview`} selected={inv.id} onPick={(r) => void setPreview({ id: r.id })} />
      </section>
      <section className="convert-step preview-column" aria-labelledby="preview-doc">
        <h3 id="preview-doc" className="step-title">
          Document
        </h3>
        <div className="toolbar">
          <Segmented
            label="As"
            options={[
              { value: 'usual', label: inv.module === 'Deals' ? 'What the workflow makes' : inv.module === 'Quotes' ? 'Estimate (usual)' : 'Invoice (usual)' },
              { value: 'invoice', label: 'Invoice' },
              { value: 'estimate', label: 'Estimate' },
            ]}
            value={kindValue}
            onChange={(v) => void setPreview({ kind: v === 'usual' ? null : v })}
          />
          {inv.module === 'Deals' && (
            <Segmented
              label="Workflow"
              options={[
                { value: 'estimate', label: 'Estimates' },
                { value: 'invoice', label: 'Invoices' },
              ]}
              value={inv.workflow}
              onChange={(workflow) => void setPreview({ workflow })}
            />
          )}
          <span className="spacer" />
          <button type="button" className="button" disabled={doc === null || inv.busy !== null} onClick={() => setSaving('pdf')}>
            Save as PDF…
          </button>
          <button type="button" className="button" disabled={doc === null || inv.busy !== null} onClick={() => setSaving('html')}>
            Save as HTML…
          </button>
        </div>
        {inv.id === null && <p className="muted">Pick a record on the left to see the {inv.module === 'Quotes' ? 'estimate or invoice' : 'invoice or estimate'} Zoho Invoice would make of it.</p>}
        {inv.status === 'loading' && doc === null && <p className="muted">Building the document…</p>}
        {doc && (
          <div className="preview-layout">
            <DocumentView doc={doc} />
            <DocumentChecks doc={doc} />
          </div>
        )}
      </section>
      {saving && doc && <SaveDocumentDialog format={saving} fileName={fileName(doc.source.name, doc.kind)} onClose={() => setSaving(null)} />}
    </div>
  );
}
