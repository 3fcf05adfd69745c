/**
 * Step 1 of a lead conversion: which leads — ticked in the replica, all of them, or the rows
 * of an imported Leads batch.
 */
import type { ReactNode } from 'react';
import { Segmented } from '../../components/Segmented';
import { formatCount } from '../../components/format';
import { useAppStore } from '../../store';
import { RecordPicker } from './RecordPicker';

/** The lead selection. */
export function LeadSourcePicker(): ReactNode {
  const pick = useAppStore((s) => s.convert.pick);
  const setPick = useAppStore((s) => s.setLeadPick);
  const toggle = useAppStore((s) => s.toggleLead);
  const leadCount = useAppStore((s) => s.modules.find((m) => m.module === 'Leads')?.records ?? 0);
  const allBatches = useAppStore((s) => s.batches);
  const batches = allBatches.filter((b) => b.module === 'Leads');
  const ticked = new Set(pick.ids);

  return (
    <section className="convert-step" aria-labelledby="leads-step">
      <h3 id="leads-step" className="step-title">
        1. Leads to convert
      </h3>
      <Segmented
        label="From"
        options={[
          { value: 'replica', label: 'The replica' },
          { value: 'batch', label: 'An imported batch' },
        ]}
        value={pick.source}
        onChange={(source) => setPick({ source })}
      />
      {pick.source === 'replica' ? (
        <>
          <label className="check">
            <input type="checkbox" checked={pick.all} onChange={(e) => setPick({ all: e.target.checked })} />
            All {formatCount(leadCount)} leads of the replica
          </label>
          {!pick.all && (
            <>
              <RecordPicker pickerId="convert-leads" module="Leads" label="Leads to convert" ticked={ticked} onTick={(r, on) => toggle(r.id, r.title, on)} />
              <p className="muted selection-line">
                {pick.ids.length === 0 ? 'Tick the leads to convert.' : `${formatCount(pick.ids.length)} ticked: ${pick.ids.slice(0, 4).map((id) => pick.names[id] ?? id).join(', ')}${pick.ids.length > 4 ? ', …' : ''}`}
              </p>
            </>
          )}
        </>
      ) : batches.length === 0 ? (
        <p className="muted">No Leads batch yet: import a CSV into Leads first.</p>
      ) : (
        <div className="field">
          <label htmlFor="convert-batch">Batch</label>
          <select id="convert-batch" className="input" value={pick.batch ?? ''} onChange={(e) => setPick({ batch: e.target.value === '' ? null : Number(e.target.value) })}>
            <option value="">Choose a Leads batch…</option>
            {batches.map((b) => (
              <option key={b.batch} value={b.batch}>
                #{b.batch} {b.sourceName} ({formatCount(b.rows)} rows)
              </option>
            ))}
          </select>
          <p className="muted">Every row not excluded, as Zoho would receive it. Rows have no Zoho id yet: they can be planned and simulated, and get requests once uploaded.</p>
          <p className="muted">Rows the duplicate review merged into a Contact or an Account start merging into it; rows it skipped (or merged into another row) are not converted.</p>
        </div>
      )}
    </section>
  );
}
