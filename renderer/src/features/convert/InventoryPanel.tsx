/**
 * Inventory conversion: pick a Quote or Sales Order, choose what it becomes, see what the
 * child record carries and what Zoho would refuse; simulate it or write its request.
 */
import { useState, type ReactNode } from 'react';
import { Segmented } from '../../components/Segmented';
import { useAppStore } from '../../store';
import { FindingList } from './FindingList';
import { RecordPicker } from './RecordPicker';
import { WriteRequestsDialog } from './WriteRequestsDialog';

function itemText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && !Array.isArray(v) && 'name' in v) return String((v as { name: unknown }).name ?? '');
  if (Array.isArray(v)) return v.map((t) => (typeof t === 'object' && t !== null && 'name' in t ? `${String((t as { name: unknown }).name)} ${String((t as { percentage?: unknown }).percentage ?? '')}%` : String(t))).join(', ');
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
}

/** The inventory side of the Convert area. */
export function InventoryPanel(): ReactNode {
  const inv = useAppStore((s) => s.convert.inventory);
  const setInventory = useAppStore((s) => s.setInventory);
  const simulate = useAppStore((s) => s.simulateInventory);
  const busy = useAppStore((s) => s.convert.busy !== null);
  const [writing, setWriting] = useState(false);
  const plan = inv.plan;
  const targets = inv.module === 'Quotes' ? ['Sales_Orders', 'Invoices'] : ['Invoices'];

  return (
    <div className="convert-columns">
      <section className="convert-step" aria-labelledby="inv-source">
        <h3 id="inv-source" className="step-title">
          1. The record to convert
        </h3>
        <Segmented
          label="Module"
          options={[
            { value: 'Quotes', label: 'Quotes' },
            { value: 'Sales_Orders', label: 'Sales Orders' },
          ]}
          value={inv.module}
          onChange={(module) => void setInventory({ module })}
        />
        <RecordPicker pickerId={`convert-inv-${inv.module}`} module={inv.module} label={`${inv.module.replace(/_/g, ' ')} to convert`} selected={inv.id} onPick={(r) => void setInventory({ id: r.id })} />
      </section>
      <section className="convert-step inventory-result" aria-labelledby="inv-result">
        <h3 id="inv-result" className="step-title">
          2. What it becomes
        </h3>
        <Segmented label="Convert to" options={targets.map((t) => ({ value: t, label: t === 'Invoices' ? 'Invoice' : 'Sales Order' }))} value={inv.target} onChange={(target) => void setInventory({ target })} />
        {inv.id === null && <p className="muted">Pick a {inv.module === 'Quotes' ? 'quote' : 'sales order'} on the left.</p>}
        {inv.status === 'loading' && <p className="muted">Planning…</p>}
        {plan && (
          <>
            <p className={`plan-verdict plan-verdict-${plan.status}`}>
              {plan.status === 'ready'
                ? `Zoho would convert ${plan.source.name} into a ${plan.target === 'Invoices' ? 'Invoice' : 'Sales Order'}.`
                : `Zoho would refuse to convert ${plan.source.name}:`}
            </p>
            <FindingList findings={plan.findings} />
            {plan.record && (
              <>
                <h4 className="planned-title">Fields carried over</h4>
                <table className="plan-table compact" aria-label="Fields carried over">
                  <tbody>
                    {plan.carried.map((c) => (
                      <tr key={c.field}>
                        <th scope="row" className="mono">
                          {c.field}
                        </th>
                        <td>{plan.record?.values[`${c.field}.name`] ?? c.value}</td>
                      </tr>
                    ))}
                    {plan.backLink && (
                      <tr>
                        <th scope="row" className="mono">
                          {plan.backLink.field}
                        </th>
                        <td>
                          {plan.source.name} <span className="muted">(back-link to the {plan.source.module === 'Quotes' ? 'quote' : 'sales order'})</span>
                        </td>
                      </tr>
                    )}
                    {plan.record.tags.length > 0 && (
                      <tr>
                        <th scope="row" className="mono">
                          Tag
                        </th>
                        <td>{plan.record.tags.join(', ')}</td>
                      </tr>
                    )}
                  </tbody>
                </table>
                <h4 className="planned-title">
                  Line items → {plan.record.lineItemField} ({plan.record.lineItems.length})
                </h4>
                {plan.record.lineItems.length > 0 && (
                  <table className="plan-table compact" aria-label="Line items carried over">
                    <thead>
                      <tr>
                        <th scope="col">Product</th>
                        <th scope="col">Quantity</th>
                        <th scope="col">List price</th>
                        <th scope="col">Discount</th>
                        <th scope="col">Tax</th>
                      </tr>
                    </thead>
                    <tbody>
                      {plan.record.lineItems.map((item, i) => (
                        <tr key={i}>
                          <td>{itemText(item.Product_Name ?? item.product)}</td>
                          <td>{itemText(item.Quantity ?? item.quantity)}</td>
                          <td>{itemText(item.List_Price ?? item.list_price)}</td>
                          <td>{itemText(item.Discount)}</td>
                          <td>{itemText(item.Line_Tax ?? item.line_tax)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </>
            )}
            <div className="button-row">
              <button type="button" className="button button-primary" disabled={busy || plan.status !== 'ready'} onClick={() => void simulate()}>
                Simulate in the replica
              </button>
              <button type="button" className="button" disabled={busy || plan.status !== 'ready'} onClick={() => setWriting(true)}>
                Write request file…
              </button>
            </div>
          </>
        )}
      </section>
      {writing && <WriteRequestsDialog kind="inventory" onClose={() => setWriting(false)} />}
    </div>
  );
}
