/**
 * An invoice or estimate as the window shows it: the same content as the saved PDF and HTML,
 * drawn from the document the core built.
 */
import type { ReactNode } from 'react';
import type { InvoiceDocument } from '../../store/invoice-slice';
import { money } from './money';

type Address = NonNullable<InvoiceDocument['customer']>['billing_address'];

function addressLines(a: Address): string[] {
  const city = [a.zip, a.city].filter(Boolean).join(' ');
  return [a.address, [city, a.state].filter(Boolean).join(', '), a.country, a.phone && `Phone ${a.phone}`, a.fax && `Fax ${a.fax}`].filter((l): l is string => Boolean(l));
}

/** Props of DocumentView. */
export interface DocumentViewProps {
  doc: InvoiceDocument;
}

/** The document. */
export function DocumentView({ doc }: DocumentViewProps): ReactNode {
  const title = doc.kind === 'invoice' ? 'Invoice' : 'Estimate';
  const c = doc.customer;
  const facts: [string, string][] = [
    [`${title} number`, doc.number || 'assigned by Zoho Invoice'],
    [doc.kind === 'invoice' ? 'Invoice date' : 'Estimate date', doc.date],
    ...(doc.due_date ? ([[doc.kind === 'invoice' ? 'Due date' : 'Expiry date', doc.due_date]] as [string, string][]) : []),
    ...(doc.reference ? ([['Reference', doc.reference]] as [string, string][]) : []),
    ...(doc.currency_code ? ([['Currency', doc.currency_code]] as [string, string][]) : []),
  ];
  return (
    <article className="doc" aria-label={`${title} preview`}>
      <header className="doc-top">
        <div>
          <h3 className="doc-title">{title.toUpperCase()}</h3>
          <p>{doc.source.name}</p>
          <span className={`doc-status doc-status-${doc.status.replace(/\s+/g, '-')}`}>{doc.status}</span>
        </div>
        <dl className="doc-facts">
          {facts.map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      </header>
      <div className="doc-parties">
        <div>
          <h4>Bill to</h4>
          {c ? [c.contact_name, ...addressLines(c.billing_address)].map((l, i) => <p key={i}>{l}</p>) : <p className="muted">{doc.customerProblem}</p>}
        </div>
        {c && (
          <div>
            <h4>Ship to</h4>
            {addressLines(c.shipping_address).map((l, i) => <p key={i}>{l}</p>)}
            {addressLines(c.shipping_address).length === 0 && <p className="muted">—</p>}
          </div>
        )}
        {c && (
          <div>
            <h4>Contact persons</h4>
            {c.contact_persons.map((p) => (
              <p key={p.crm_id}>
                {[p.salutation, p.first_name, p.last_name].filter(Boolean).join(' ')}
                {p.is_primary_contact && <span className="muted"> (primary)</span>}
                {(p.phone || p.mobile) && <span className="muted"> — {[p.phone, p.mobile].filter(Boolean).join(', ')}</span>}
              </p>
            ))}
            {c.contact_persons.length === 0 && <p className="muted">none</p>}
          </div>
        )}
      </div>
      <table className="doc-items" aria-label="Line items">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Item</th>
            <th scope="col" className="num">
              Qty
            </th>
            <th scope="col" className="num">
              Rate
            </th>
            <th scope="col" className="num">
              Discount
            </th>
            <th scope="col">Tax</th>
            <th scope="col" className="num">
              Amount
            </th>
          </tr>
        </thead>
        <tbody>
          {doc.line_items.map((l) => (
            <tr key={l.item_order}>
              <td>{l.item_order}</td>
              <td>
                {l.name}
                {l.description && <div className="doc-desc">{l.description}</div>}
              </td>
              <td className="num">{l.quantity}</td>
              <td className="num">{money(l.rate)}</td>
              <td className="num">{l.discount ? money(l.discount) : ''}</td>
              <td>{l.tax_name}</td>
              <td className="num">{money(l.item_total)}</td>
            </tr>
          ))}
          {doc.line_items.length === 0 && (
            <tr>
              <td colSpan={7} className="muted">
                No line items in the replica (a Bulk Read export carries none; load the Records API JSON).
              </td>
            </tr>
          )}
        </tbody>
      </table>
      <table className="doc-totals" aria-label="Totals">
        <tbody>
          <tr>
            <td>Sub total</td>
            <td>{money(doc.sub_total)}</td>
          </tr>
          {doc.discount !== 0 && (
            <tr>
              <td>Discount</td>
              <td>-{money(doc.discount)}</td>
            </tr>
          )}
          {doc.taxes.map((t) => (
            <tr key={t.tax_name}>
              <td>{t.tax_name}</td>
              <td>{money(t.tax_amount)}</td>
            </tr>
          ))}
          {doc.adjustment !== 0 && (
            <tr>
              <td>Adjustment</td>
              <td>{money(doc.adjustment)}</td>
            </tr>
          )}
          <tr className="doc-total">
            <td>Total{doc.currency_code ? ` (${doc.currency_code})` : ''}</td>
            <td>{money(doc.total)}</td>
          </tr>
        </tbody>
      </table>
      {doc.terms && (
        <div className="doc-terms">
          <h4>Terms and conditions</h4>
          <p>{doc.terms}</p>
        </div>
      )}
    </article>
  );
}
